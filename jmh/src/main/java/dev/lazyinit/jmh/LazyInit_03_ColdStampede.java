package dev.lazyinit.jmh;

import dev.lazyinit.harness.db.Census;
import dev.lazyinit.lazy.Lazy;
import dev.lazyinit.store.PostgresStore;
import dev.lazyinit.harness.RecordingStoreFactory;
import dev.lazyinit.strategy.Strategy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
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
 * the value does not exist yet. So the race is staged inside one single-shot invocation: N platform threads,
 * created and parked on a latch in @Setup(Level.Iteration) (thread creation is not measured), are released
 * together by the measured method, which returns when every one of them holds a store.
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
 * How peakConnections is measured. Every trial's pools carry a unique application_name. A sampler thread,
 * started before the threads are released, polls pg_stat_activity every millisecond through one connection
 * opened once per trial (so the sampler never adds a connection of its own to the count), and a last reading
 * is taken after every thread holds a store and before anything is closed. The peak is the largest reading:
 * a sampled maximum, which can miss a spike shorter than one poll, so it is a lower bound.
 *
 * Baseline. A correct exactly-once strategy opens 1 pool: its fixed size (2) is the baseline for
 * connections, and the single-thread cold first access (LazyInit_01) is the baseline for time.
 *
 * What to expect. The exactly-once strategies: 1 pool, at most 2 connections, whatever N; the time is one
 * creation plus waking N threads. AtomicReference: up to N pools opened at once (each racing thread builds
 * one), every loser closed before get() returns, so 1 left open, but the peak connections grows with N. The
 * unsynchronized control: up to N pools and all but one left open: the leak. Creating many pools at once on a
 * 2-core machine also makes the stampede much slower than one creation.
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

    /** The parameters: which strategy, how many threads. */
    @State(Scope.Thread)
    public static class Race {

        /** Every strategy of the registry by default (JMH fills an enum parameter with all its constants). */
        @Param
        public Strategy strategy;

        /** How many threads arrive at the cold holder together. */
        @Param({"2", "8", "64"})
        public int threads;
    }

    /**
     * One cold holder, N parked racers and a connection sampler, all new for every single-shot iteration; and
     * the trial's counts, which JMH reports beside the time as secondary metrics (EVENTS: reported as they
     * are, not divided by time; the report reads each trial's value from the raw data). Only the public
     * fields are counters.
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

        private Strategy strategy;
        private int threads;
        private Connection admin;
        private PreparedStatement countQuery;

        RecordingStoreFactory factory;
        Lazy<PostgresStore> holder;
        private List<Thread> racers;
        private CountDownLatch start;
        private CountDownLatch done;
        private AtomicReferenceArray<PostgresStore> got;
        private final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        private Sampler sampler;

        @Setup(Level.Trial)
        public void openAdminConnection() throws SQLException {
            admin = BenchSupport.db().openConnection();
            countQuery = admin.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE application_name = ?");
        }

        @TearDown(Level.Trial)
        public void closeAdminConnection() throws SQLException {
            admin.close();
        }

        @Setup(Level.Iteration)
        public void parkRacers(Race race) throws SQLException {
            strategy = race.strategy;
            threads = race.threads;
            pools = 0;
            leftOpen = 0;
            distinct = 0;
            peakConnections = 0;
            factory = BenchSupport.factory("stampede");
            holder = strategy.newHolder(factory);
            countQuery.setString(1, factory.config().applicationName());
            failures.clear();
            start = new CountDownLatch(1);
            done = new CountDownLatch(threads);
            got = new AtomicReferenceArray<>(threads);
            racers = new ArrayList<>(threads);
            for (int i = 0; i < threads; i++) {
                int slot = i;
                Thread t = new Thread(() -> race(slot), "stampede-" + i);
                t.setDaemon(true);
                t.start();
                racers.add(t);
            }
            sampler = new Sampler(countQuery);
            sampler.start();
        }

        private void race(int slot) {
            try {
                start.await();
                got.set(slot, holder.get());
            } catch (Throwable e) {
                failures.add(e);
            } finally {
                done.countDown();
            }
        }

        /**
         * Counts, then closes everything the trial created, and waits until the server has let go of the
         * trial's connections so that the next trial starts on a quiet server.
         */
        @TearDown(Level.Iteration)
        public void countAndClose() throws Exception {
            int last = sampler.stopAndReadLast();
            Map<PostgresStore, Boolean> handedOut = new IdentityHashMap<>();
            for (int i = 0; i < threads; i++) {
                PostgresStore s = got.get(i);
                if (s != null) {
                    handedOut.put(s, Boolean.TRUE);
                }
            }
            pools = factory.calls();
            leftOpen = factory.open().size();
            distinct = handedOut.size();
            peakConnections = Math.max(sampler.peak(), last);

            holder.close();
            factory.closeAll();
            for (Thread t : racers) {
                t.join(TimeUnit.SECONDS.toMillis(30));
            }
            Census.awaitServerConnections(BenchSupport.db(), factory.config().applicationName(), 0,
                    Duration.ofSeconds(10));
        }

        /** Releases the racers together and returns when every one of them holds a store. */
        int release() throws InterruptedException {
            start.countDown();
            done.await();
            Throwable failure = failures.peek();
            if (failure != null) {
                throw new IllegalStateException(strategy + " with " + threads + " threads: a get() failed", failure);
            }
            return threads;
        }
    }

    /*
     * The measured stampede: release N parked threads at once, return when all hold a store. The return value
     * (N) is consumed by JMH; the stores themselves are kept by the state for the teardown's counts.
     */
    @Benchmark
    public int stampede(Stampede stampede) throws InterruptedException {
        return stampede.release();
    }

    /** Polls pg_stat_activity for one application name until stopped, keeping the maximum. */
    static final class Sampler extends Thread {

        private final PreparedStatement query;
        private volatile boolean running = true;
        private volatile int peak;
        private volatile SQLException failure;

        Sampler(PreparedStatement query) {
            super("stampede-connection-sampler");
            setDaemon(true);
            this.query = query;
        }

        @Override
        public void run() {
            try {
                while (running) {
                    peak = Math.max(peak, count());
                    Thread.sleep(1);
                }
            } catch (SQLException e) {
                failure = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private int count() throws SQLException {
            synchronized (query) { // the last reading runs on the teardown's thread
                try (ResultSet rs = query.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        }

        int stopAndReadLast() throws SQLException, InterruptedException {
            running = false;
            join(TimeUnit.SECONDS.toMillis(10));
            if (failure != null) {
                throw failure;
            }
            return count();
        }

        int peak() {
            return peak;
        }
    }
}
