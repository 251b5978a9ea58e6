package dev.lazyinit.harness.contract;

import java.util.List;
import java.util.Map;

/**
 * The virtual-thread stampede: many virtual threads into one cold holder, on a JDK 21+; what the runner hands to
 * the report.
 *
 * @param format {@link #FORMAT}
 * @param jdk the JDK it ran on ({@code Runtime.version()})
 * @param vendor its vendor
 * @param generatedAt when (ISO-8601)
 * @param threads virtual threads per round
 * @param rounds rounds per strategy
 * @param database the database it ran against (never with a password)
 * @param rows one row per strategy
 */
public record VirtualThreadResults(String format, String jdk, String vendor, String generatedAt, int threads,
                                   int rounds, String database, List<Row> rows) implements Versioned {

    /** The format this build writes and reads. */
    public static final String FORMAT = "lazyinit-vthreads/1";

    public VirtualThreadResults {
        rows = List.copyOf(rows);
    }

    /**
     * One strategy's rounds.
     *
     * @param strategy the strategy name
     * @param threads virtual threads per round (0 when it did not run)
     * @param nanos per round, the time until every thread held the store
     * @param created stores created over all rounds
     * @param pinnedEvents JFR {@code jdk.VirtualThreadPinned} events
     * @param pinnedNanos their total duration
     * @param pinnedAt where they pinned (top frame) and how often
     * @param longPinsAt of those, the events that lasted {@link #LONG_PIN} or more, by where they pinned; null in
     *        files written before it was recorded
     * @param note a remark, or why it did not run
     */
    public record Row(String strategy, int threads, List<Long> nanos, int created, long pinnedEvents,
                      long pinnedNanos, Map<String, Long> pinnedAt, Map<String, Long> longPinsAt, String note) {
        public Row {
            nanos = List.copyOf(nanos);
            pinnedAt = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(pinnedAt));
            longPinsAt = longPinsAt == null ? null
                    : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(longPinsAt));
        }
    }

    /**
     * A pin that matters: JFR's own threshold for {@code jdk.VirtualThreadPinned} in the JDK's default and profile
     * settings. A shorter pin (a class initialized under a waiting thread, say) is recorded and shown, not an answer.
     */
    public static final java.time.Duration LONG_PIN = java.time.Duration.ofMillis(20);
}
