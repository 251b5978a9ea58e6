package dev.lazyinit.jmh;

import dev.lazyinit.harness.RecordingStoreFactory;
import dev.lazyinit.jmh.BenchSupport.ServerView;
import dev.lazyinit.lazy.Lazy;
import dev.lazyinit.store.PostgresStore;
import dev.lazyinit.strategy.Strategy;
import java.sql.SQLException;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/*
 * LazyInit_03_ColdStampede: N threads hit one cold holder at once. The duplicate-pool incident, measured.
 *
 * The pitfall. JMH's own threads (@Threads, @GroupThreads) start each iteration staggered and call the
 * benchmark method over and over; a cold stampede happens once per holder, with every thread arriving while
 * the value does not exist yet. So the race is staged inside one single-shot invocation: N platform threads
 * are created in @Setup(Level.Iteration) and released together by the measured method, which returns when
 * every one of them holds a store. "Together" has to be checked, not assumed: a thread that is still starting
 * when the gate opens does not race, it arrives late (on 2 cores, 64 threads take a while to start), and its
 * start-up lands in the measured time. So the setup waits until every racer has arrived (a ready latch) and
 * is parked on the gate (its thread state is WAITING) before the shot. StampedeRacers lines them up.
 *
 * What is reported per trial:
 *   - the time until every thread holds a store (the primary score, single shot);
 *   - pools: how many times the factory ran, that is how many pools (stores) were opened;
 *   - leftOpen: how many of them were still open once every thread held a store (1 is correct; more is the
 *     incident's leak: pools nobody will ever close);
 *   - distinct: how many different stores the N threads were handed (1 is correct);
 *   - peakConnections: the most server connections PostgreSQL showed for this trial's pool name.
 * The counts reach the JMH result as @AuxCounters (secondary metrics in results.json). The counters are set
 * in the iteration's teardown, which JMH runs before it collects them.
 *
 * How peakConnections is measured. Every trial's pools carry a unique application_name. A last reading of
 * pg_stat_activity for it is taken once every racer holds a store and before anything is closed. While a
 * single pool exists that reading is the peak (a pool of a fixed size only grows), so the sampler thread that
 * polls pg_stat_activity queries nothing until the factory is called a second time: a duplicate pool is under
 * way, and the connections of losers closed before the end are what only sampling can see. From then on it
 * polls every 5 ms ('sampleMillis') through one connection opened once per trial (so it never adds a
 * connection of its own to the count). The peak is the largest reading: a sampled maximum, which can miss a
 * spike shorter than one poll, so it is a lower bound. Why so sparing: the sampler competes with the racers for
 * the 2 cores (a poll costs the client about 0.2 ms of CPU, the server its share), so an exactly-once strategy
 * and the baseline, whose times are compared, run with no query beside them, and the duplicate pools it is
 * there to catch live for tens to hundreds of milliseconds: polling every millisecond found the same peaks at
 * up to twice the cost. With -p sampleMillis=0 there is no sampler, only the last reading. The sampler is
 * ConnectionSampler.
 *
 * The baselines. baseline(): the same N parked threads, released the same way, with no holder: one designated
 * racer creates the store through the same factory and hands it to the others through a future. That is the
 * least a stampede can cost: one creation plus waking N threads; a correct exactly-once strategy should be
 * close to it, and it opens 1 pool. baseline_again(): the same code under a second name, run like every other
 * entry (an A/A control): its ratio to baseline() is what this run cannot tell apart from 1.00.
 *
 * What to expect. The exactly-once strategies: 1 pool, at most 2 connections, whatever N; the time about the
 * baseline's. AtomicReference: up to N pools opened at once (each racing thread builds one), every loser
 * closed before get() returns, so 1 left open, but the peak connections grows with N. The unsynchronized
 * control: up to N pools and all but one left open: the leak. Creating many pools at once on a 2-core machine
 * also makes such a stampede much slower than the baseline.
 *
 * How to run it.
 *   java -jar jmh/target/benchmarks.jar LazyInit_03 -p threads=64 -p strategy=ATOMIC_REFERENCE
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, batchSize = 1)
@Measurement(iterations = 20, batchSize = 1)
@Fork(1)
public class LazyInit_03_ColdStampede {

    /** How many threads arrive together, and how often the connection sampler looks. */
    @State(Scope.Thread)
    public static class Crowd {

        /** How many threads arrive at the cold holder together. */
        @Param({"2", "8", "64"})
        public int threads;

        /**
         * The connection sampler's period in milliseconds once a second pool is under way; 0: no sampler, only
         * the last reading. At 5 ms it costs a fifth to a half of what it costs at 1 ms and finds the same peaks
         * (see the jmh README).
         */
        @Param({"5"})
        public int sampleMillis;
    }

    /**
     * What every racer calls once released (a holder's get(), or the baseline's hand-off), with the factory
     * behind it, whose pool name the sampler and the counts follow.
     */
    interface Target extends StampedeRacers.Call<PostgresStore> {

        /**
         * @param slot the racer's number, 0 to N - 1
         * @return the store this racer ends up holding
         */
        @Override
        PostgresStore get(int slot);

        /** @return the factory every store of this trial comes from, with the trial's unique pool name */
        RecordingStoreFactory factory();

        /** Closes what the target holds (the factory's stores are closed separately). */
        void close();
    }

    /**
     * N parked racers ({@link StampedeRacers}) and a parked {@link ConnectionSampler}, new for every single-shot
     * iteration; and the trial's counts, which JMH reports beside the time as secondary metrics (EVENTS: reported
     * as they are, not divided by time; the report reads each trial's value from the raw data). Only the public
     * fields are counters (JMH would take a public method returning a number for one too).
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Stampede {

        /** Pools (stores) the factory opened. */
        public double pools;
        /** Pools still open once every thread held a store: more than 1 is a leak. */
        public double leftOpen;
        /** Different stores handed to the threads: more than 1 means threads use different pools. */
        public double distinct;
        /** Largest number of server connections seen for this trial's pools (sampled, a lower bound). */
        public double peakConnections;

        private ServerView server;
        private int threads;

        private volatile Target target;
        private StampedeRacers<PostgresStore> racers;
        private ConnectionSampler sampler;

        @Setup(Level.Trial)
        public void openServerView() throws SQLException {
            server = ServerView.open();
        }

        @TearDown(Level.Trial)
        public void closeServerView() throws SQLException {
            server.close();
        }

        /** Starts N racers and returns once every one of them is parked on the gate. */
        @Setup(Level.Iteration)
        public void parkRacers(Crowd crowd) throws InterruptedException {
            threads = crowd.threads;
            pools = 0;
            leftOpen = 0;
            distinct = 0;
            peakConnections = 0;
            target = null;
            racers = new StampedeRacers<>(threads);
            sampler = new ConnectionSampler(server, this::releasedFactory, crowd.sampleMillis, racers.gate());
            racers.awaitParked(sampler);
        }

        /** @return the factory of the target the gate released, or null if it opened with no shot */
        private RecordingStoreFactory releasedFactory() {
            Target released = target;
            return released == null ? null : released.factory();
        }

        /**
         * Counts, then closes everything the trial created, and waits until the server has let go of the
         * trial's connections so that the next trial starts on a quiet server.
         */
        @TearDown(Level.Iteration)
        public void countAndClose() throws Exception {
            racers.openGate(); // frees the racers if the shot never ran
            sampler.stopSampling();
            if (target == null) {
                return;
            }
            RecordingStoreFactory factory = target.factory();
            int last = server.connections(factory.config().applicationName());
            Map<PostgresStore, Boolean> handedOut = new IdentityHashMap<>();
            for (int i = 0; i < threads; i++) {
                PostgresStore s = racers.got(i);
                if (s != null) {
                    handedOut.put(s, Boolean.TRUE);
                }
            }
            pools = factory.calls();
            leftOpen = factory.open().size();
            distinct = handedOut.size();
            peakConnections = Math.max(sampler.peak(), last);

            target.close();
            factory.closeAll();
            racers.join();
            server.awaitGone(factory.config().applicationName(), Duration.ofSeconds(10));
        }

        /**
         * Releases the racers together onto the target and returns when every one of them holds a store.
         *
         * @param what what every racer calls
         * @return N, for JMH to consume
         * @throws InterruptedException if interrupted while waiting for the racers
         */
        int release(Target what) throws InterruptedException {
            target = what; // published to the sampler (and, as the call, to the racers) by the gate
            racers.release(what);
            return threads;
        }
    }

    /** A cold holder of one strategy and its factory, new for every single-shot iteration. */
    @State(Scope.Thread)
    public static class ColdHolder {

        /**
         * A registry name ({@link Strategy#valueOf}). The runner passes every strategy of the registry, the providers'
         * included, as only the running JVM knows them; by hand, name them with {@code -p strategy=A,B}.
         */
        @Param({"DOUBLE_CHECKED"})
        public String strategy;

        Target target;

        @Setup(Level.Iteration)
        public void newColdHolder() {
            RecordingStoreFactory factory = BenchSupport.factory("stampede");
            // the holder idiom loads a fresh class here
            Lazy<PostgresStore> holder = Strategy.valueOf(strategy).newHolder(factory);
            target = new Target() {
                @Override
                public PostgresStore get(int slot) {
                    return holder.get();
                }

                @Override
                public RecordingStoreFactory factory() {
                    return factory;
                }

                @Override
                public void close() {
                    holder.close();
                }
            };
        }
    }

    /**
     * The baseline's hand-off, new for every single-shot iteration: racer 0 creates the store through a factory
     * like the holders', with no holder, and completes a future the other racers wait on.
     */
    @State(Scope.Thread)
    public static class Direct {

        Target target;

        @Setup(Level.Iteration)
        public void newHandOff() {
            RecordingStoreFactory factory = BenchSupport.factory("stampede");
            CompletableFuture<PostgresStore> created = new CompletableFuture<>();
            target = new Target() {
                @Override
                public PostgresStore get(int slot) {
                    if (slot != 0) {
                        return created.join();
                    }
                    try {
                        PostgresStore store = factory.get();
                        created.complete(store);
                        return store;
                    } catch (RuntimeException e) {
                        created.completeExceptionally(e); // the others fail too, instead of waiting forever
                        throw e;
                    }
                }

                @Override
                public RecordingStoreFactory factory() {
                    return factory;
                }

                @Override
                public void close() {
                    // nothing but the factory's store, which the stampede closes
                }
            };
        }
    }

    /*
     * The measured stampede: release N parked threads at once onto a cold holder, return when all hold a store.
     * The return value (N) is consumed by JMH; the stores themselves are kept by the state for the teardown's
     * counts.
     */
    @Benchmark
    public int stampede(Stampede stampede, ColdHolder cold) throws InterruptedException {
        return stampede.release(cold.target);
    }

    /* Baseline: the same N parked threads, one creation with no holder, handed to all. */
    @Benchmark
    public int baseline(Stampede stampede, Direct direct) throws InterruptedException {
        return stampede.release(direct.target);
    }

    /* A/A control: baseline() again, under its own name, run like every other entry. */
    @Benchmark
    public int baseline_again(Stampede stampede, Direct direct) throws InterruptedException {
        return stampede.release(direct.target);
    }
}
