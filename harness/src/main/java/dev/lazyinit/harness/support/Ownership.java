package dev.lazyinit.harness.support;

import static dev.lazyinit.strategy.Guarantee.CLOSES_DUPLICATES;
import static dev.lazyinit.strategy.Guarantee.EXACTLY_ONCE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lazyinit.harness.RecordingStoreFactory;
import dev.lazyinit.harness.db.Census;
import dev.lazyinit.harness.db.Database;
import dev.lazyinit.store.PostgresStore;
import dev.lazyinit.strategy.Guarantee;
import dev.lazyinit.strategy.Strategy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The checks every race against a cold holder ends with, chosen by what the strategy guarantees.
 *
 * <p>The one-live-pool check is one function, {@link #problems}, asserted both ways: empty for a strategy that
 * promises exactly-once or closes-duplicates ({@link #assertOneLivePool}), and not empty, with the server's own
 * count among the problems, for a control raced through the same check against the promise it breaks. A check that
 * finds nothing wrong with the control has lost its teeth.
 */
public final class Ownership {

    /** How long to wait for the server's view of connections to settle. */
    public static final Duration SETTLE = Duration.ofSeconds(15);

    private Ownership() {
    }

    /** The parts of the one-live-pool check. */
    public enum Part {
        /** A racing thread's {@code get()} threw. */
        THREAD_FAILED,
        /** The threads hold more than one store between them. */
        INSTANCES,
        /** A store handed out is already closed. */
        HANDED_OUT_CLOSED,
        /** The factory ran more than once under a promise of exactly-once. */
        CREATED,
        /** A store that was not handed out is still open. */
        LEFT_OPEN,
        /** The server holds more (or fewer) connections under the store's name than one pool has. */
        SERVER_CONNECTIONS
    }

    /**
     * One part of the check that did not hold.
     *
     * @param part which part
     * @param said what was seen against what was promised
     */
    public record Problem(Part part, String said) {
        @Override
        public String toString() {
            return said;
        }
    }

    /**
     * What a race left behind, seen from the threads, the factory and the server.
     *
     * @param results what each thread got
     * @param handedOut the distinct stores the threads got (by identity)
     * @param created how many times the factory ran
     * @param open the stores created and not closed
     * @param poolSize one pool's connections
     * @param applicationName the name the server sees the pools' connections under
     * @param server the server's settled count of those connections
     */
    public record Seen(List<Race.Result<PostgresStore>> results, Set<PostgresStore> handedOut, int created,
                       List<PostgresStore> open, int poolSize, String applicationName, Census.Settled server) {

        public Seen {
            results = List.copyOf(results);
            Set<PostgresStore> copy = Collections.newSetFromMap(new IdentityHashMap<>());
            copy.addAll(handedOut);
            handedOut = Collections.unmodifiableSet(copy);
            open = List.copyOf(open);
        }

        /** @return one line: threads, stores handed out, created, left open, server connections */
        public String summary() {
            long failed = results.stream().filter(r -> r.failure() != null).count();
            return results.size() + " threads" + (failed == 0 ? "" : " (" + failed + " failed)") + " hold "
                    + handedOut.size() + " store(s); " + created + " created, " + open.size() + " open; server"
                    + " connections " + server + " against one pool's " + poolSize;
        }
    }

    /**
     * Looks at what a race left: waits for every open store's pool to fill, then counts the server's connections
     * until the count stops moving ({@link Census#settledServerConnections}).
     *
     * @param db the database
     * @param factory the factory the holder called
     * @param results what each thread got
     * @return what was seen
     */
    public static Seen observe(Database db, RecordingStoreFactory factory, List<Race.Result<PostgresStore>> results) {
        int poolSize = factory.config().maximumPoolSize();
        awaitPoolsFull(factory, poolSize);
        Census.Settled server = Census.settledServerConnections(db, factory.config().applicationName(), SETTLE);
        Set<PostgresStore> handedOut = Collections.newSetFromMap(new IdentityHashMap<>());
        results.stream().map(Race.Result::value).filter(Objects::nonNull).forEach(handedOut::add);
        return new Seen(results, handedOut, factory.calls(), factory.open(), poolSize,
                factory.config().applicationName(), server);
    }

    /**
     * The one-live-pool check: every thread got the same open store; the factory ran once (exactly-once) or every
     * extra store is closed (closes-duplicates); and the server, counted until its count settles, holds exactly one
     * pool's connections under the store's name, nothing more.
     *
     * @param promise {@link Guarantee#EXACTLY_ONCE} or {@link Guarantee#CLOSES_DUPLICATES}: what the holder promised
     *        (for a control, the promise it breaks)
     * @param seen what the race left
     * @return what did not hold; empty if the promise was kept
     */
    public static List<Problem> problems(Guarantee promise, Seen seen) {
        if (promise != EXACTLY_ONCE && promise != CLOSES_DUPLICATES) {
            throw new IllegalArgumentException("the one-live-pool check is about exactly-once or closes-duplicates,"
                    + " not " + promise);
        }
        List<Problem> problems = new ArrayList<>();
        seen.results().stream().map(Race.Result::failure).filter(Objects::nonNull).findFirst().ifPresent(f ->
                problems.add(new Problem(Part.THREAD_FAILED, "a thread's get() threw " + f)));
        if (seen.handedOut().size() > 1) {
            problems.add(new Problem(Part.INSTANCES, "the threads hold " + seen.handedOut().size()
                    + " different stores"));
        }
        seen.handedOut().stream().filter(PostgresStore::isClosed).findFirst().ifPresent(s ->
                problems.add(new Problem(Part.HANDED_OUT_CLOSED, "a thread holds a closed store: " + s)));
        if (promise == EXACTLY_ONCE && seen.created() != 1) {
            problems.add(new Problem(Part.CREATED, seen.created() + " stores created, exactly-once promises 1"));
        }
        List<PostgresStore> extra = seen.open().stream().filter(s -> !seen.handedOut().contains(s)).toList();
        if (!extra.isEmpty()) {
            problems.add(new Problem(Part.LEFT_OPEN, extra.size() + " store(s) open that no thread holds"));
        }
        Census.Settled server = seen.server();
        if (!server.settled() || server.count() != seen.poolSize()) {
            problems.add(new Problem(Part.SERVER_CONNECTIONS, "server connections named "
                    + seen.applicationName() + ": " + server + ", one live pool holds " + seen.poolSize()));
        }
        return problems;
    }

    /**
     * @param strategy a strategy that makes one live pool out of a race
     * @return the promise it makes about creation: {@link Guarantee#EXACTLY_ONCE} or
     *         {@link Guarantee#CLOSES_DUPLICATES}
     */
    public static Guarantee creationPromise(Strategy strategy) {
        if (strategy.guarantees(EXACTLY_ONCE)) {
            return EXACTLY_ONCE;
        }
        if (strategy.guarantees(CLOSES_DUPLICATES)) {
            return CLOSES_DUPLICATES;
        }
        throw new IllegalArgumentException(strategy + " promises neither exactly-once nor closes-duplicates: race it"
                + " as a control, against the promise it breaks");
    }

    /**
     * @param control a control that may leave duplicate pools open
     * @return the creation promise it exists to break
     */
    public static Guarantee brokenCreationPromise(Strategy control) {
        return control.violates().contains(EXACTLY_ONCE) ? EXACTLY_ONCE
                : control.violates().contains(CLOSES_DUPLICATES) ? CLOSES_DUPLICATES
                : null;
    }

    /**
     * Checks a race's outcome for a correct strategy: {@link #problems} must find nothing against the promise it
     * makes.
     *
     * @param strategy the strategy raced
     * @param db the database
     * @param factory the factory the holder called
     * @param results what each thread got
     */
    public static void assertOneLivePool(Strategy strategy, Database db, RecordingStoreFactory factory,
                                         List<Race.Result<PostgresStore>> results) {
        Guarantee promise = creationPromise(strategy);
        Seen seen = observe(db, factory, results);
        assertThat(problems(promise, seen)).as("one live pool after a race through %s (%s): %s", strategy,
                promise.label(), seen.summary()).isEmpty();
    }

    /**
     * After the holder was closed: nothing of the store is left on the server or in this JVM.
     *
     * @param db the database
     * @param factory the factory the holder called
     */
    public static void assertNothingLeft(Database db, RecordingStoreFactory factory) {
        assertThat(factory.open()).as("stores still open").isEmpty();
        // Waiting for the first zero is sound here: an open store holds at least the connection its constructor made.
        assertThat(Census.awaitServerConnections(db, factory.config().applicationName(), 0, SETTLE))
                .as("server connections left by %s", factory.config().poolName()).isZero();
        assertThat(Census.awaitPoolThreads(factory.config().poolName(), 0, SETTLE))
                .as("pool threads left by %s", factory.config().poolName()).isZero();
    }

    /** Waits, within {@link #SETTLE}, until every open store's pool holds its full size; counts follow it. */
    private static void awaitPoolsFull(RecordingStoreFactory factory, int poolSize) {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (factory.open().stream().anyMatch(s -> s.totalConnections() < poolSize)
                && System.nanoTime() < deadline) {
            try {
                TimeUnit.MILLISECONDS.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
