package dev.lazyinit.harness.contract;

import java.time.Duration;
import java.util.List;

/**
 * The virtual-thread stampede: many virtual threads into one cold holder, on a JDK 21+; what the runner hands to
 * the report. What happened to a strategy is a field ({@link Outcome}), and where a pin happened is a {@link Pin}
 * that says whether the site is the suite's own code: nothing downstream reads either out of a note or a name.
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

    /** The format this build writes and reads: 2 made the outcome and the pin sites typed. */
    public static final String FORMAT = "lazyinit-vthreads/2";

    /**
     * A pin that matters: JFR's own threshold for {@code jdk.VirtualThreadPinned} in the JDK's default and profile
     * settings. A shorter pin (a class initialized under a waiting thread, say) is recorded and shown, not an answer.
     */
    public static final Duration LONG_PIN = Duration.ofMillis(20);

    public VirtualThreadResults {
        rows = List.copyOf(rows);
    }

    /** What happened to a strategy in the stampede. */
    public enum Outcome {
        /** Left out (it may build a pool per racing thread), or it cannot run on this JDK: the note says which. */
        NOT_RUN,
        /** A round did not finish in time and was torn down: the note says after how long and how far it got. */
        STUCK,
        /** Every round finished. */
        FINISHED
    }

    /**
     * Where carrier threads were pinned, and how often.
     *
     * @param site the first frame of the suite's own code or of a class initializer, as {@code SimpleClass.method};
     *        without either, the top frame's qualified name
     * @param inSuiteCode whether {@code site} is such a frame: a pin in the holder's or the store's code (or a class
     *        initializer they run) is an answer about the strategy; one elsewhere (the JDK's own poller, say) is not
     * @param events the pins there
     * @param longEvents of those, the ones that lasted {@link #LONG_PIN} or more
     */
    public record Pin(String site, boolean inSuiteCode, long events, long longEvents) {
    }

    /**
     * One strategy's rounds.
     *
     * @param strategy the strategy name
     * @param outcome what happened
     * @param threads virtual threads per round (0 when it did not run)
     * @param nanos per finished round, the time until every thread held the store
     * @param created stores created over all rounds
     * @param pinnedEvents JFR {@code jdk.VirtualThreadPinned} events
     * @param pinnedNanos their total duration
     * @param pins where they pinned, in the order first seen
     * @param note a remark: why it did not run, how it was stuck; empty otherwise
     */
    public record Row(String strategy, Outcome outcome, int threads, List<Long> nanos, int created, long pinnedEvents,
                      long pinnedNanos, List<Pin> pins, String note) {
        public Row {
            nanos = List.copyOf(nanos);
            pins = List.copyOf(pins);
            note = note == null ? "" : note;
        }

        /**
         * @param strategy the strategy name
         * @param why why it did not run
         * @return the row of a strategy the stampede left out
         */
        public static Row notRun(String strategy, String why) {
            return new Row(strategy, Outcome.NOT_RUN, 0, List.of(), 0, 0, 0, List.of(), why);
        }

        /** @return whether it ran (finished or stuck) */
        public boolean ran() {
            return outcome != Outcome.NOT_RUN;
        }

        /** @return the pins of {@link #LONG_PIN} or more in the suite's own code: the ones that answer for it */
        public long longPinsInSuiteCode() {
            return pins.stream().filter(Pin::inSuiteCode).mapToLong(Pin::longEvents).sum();
        }

        /** @return the pins of {@link #LONG_PIN} or more, wherever they happened */
        public long longPins() {
            return pins.stream().mapToLong(Pin::longEvents).sum();
        }
    }
}
