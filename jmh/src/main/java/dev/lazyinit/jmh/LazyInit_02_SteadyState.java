package dev.lazyinit.jmh;

import dev.lazyinit.harness.support.Names;
import dev.lazyinit.lazy.Lazy;
import dev.lazyinit.store.PostgresStore;
import dev.lazyinit.harness.RecordingStoreFactory;
import dev.lazyinit.strategy.Strategy;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/*
 * LazyInit_02_SteadyState: what get() costs once the store exists, and how that compares to real work.
 *
 * The pitfall. The warm path is a handful of nanoseconds, the scale at which JMH's samples warn about dead
 * code and constant folding, and at which two runs of the very same code differ by more than some strategies
 * differ from each other. Every method here returns what it read, so JMH's implicit Blackhole consumes it
 * and the read cannot be eliminated; the holder is kept in a non-final field of a @State object, so the JIT
 * cannot treat the holder itself as a constant (only what the strategy lets it fold, as the holder idiom's
 * static final does, which is its real advantage and not an artefact).
 *
 * The benchmark. One warm holder per trial (@Setup(Level.Trial) calls get() once), shared by the measuring
 * threads (Scope.Benchmark): get() with 1 and with 2 threads, and get().ping() (SELECT 1 through the pool)
 * with 1 thread. The holder idiom is measured through the real static HolderIdiom.get(), not through the
 * test adapter that reaches a fresh class copy via a MethodHandle (see BenchSupport.steadyStateHolder).
 *
 * The baselines, from the bottom up.
 *   baseline, baseline_2threads: a plain final field holding a store, returned: the least a shared reference
 *     can cost, one load.
 *   baseline_again, baseline_2threads_again: the very same code under a second name, run like every other
 *     entry (an A/A control). Their ratio to baseline is this run's resolution: a strategy's ratio closer to
 *     1.00 than that says nothing.
 *   floorTwin, floorTwin_2threads: the physical limit. FloorLazy does the least any lazy holder does, a plain
 *     (non-final, non-volatile) field read plus the null check, and it is called exactly as the strategies
 *     are: a Lazy in a non-final field of a shared @State, through the interface. So the call path is in both
 *     and cancels out: get() / floorTwin() is what a strategy's safety costs on the fast path. The check that
 *     it does: BROKEN_UNSYNCHRONIZED, whose warm get() is that very work, must read 1.00x it; the report calls
 *     the run disturbed when it does not.
 *   floor, floor_2threads: the same work written into the benchmark method, with no call: the inline floor.
 *     Below the twin by the call path (a load of the holder, a class check); kept as a labelled row.
 *   floorTwin_polluted: the dispatch control. The floor twin behind a call site that has seen three other
 *     holder classes before the measurement, so the JIT cannot inline get() on the strength of one class. What
 *     it adds is what every number would carry if strategies shared a call site. They do not: JMH forks a JVM
 *     per benchmark and parameter, and Receivers fails a trial that sets up a second holder class in a fork.
 *   pingTwin, pingTwin_again: SELECT 1 through the floor twin, whose store comes from the same factory as the
 *     strategies' (same settings, same pool size): the strategies' store, pool and call path with no holder's
 *     work. getAndPing() / pingTwin() must read 1.00x for every correct holder (nanoseconds against tens of
 *     microseconds); the A/A pair says how much two forks of the same query differ.
 *
 * What to expect. baseline_again and the inline floor equal to baseline within the run's resolution (the floor
 * adds one predictable branch); the floor twin a fraction of a nanosecond above them (the call path). Reads without a lock (double-checked, holder idiom, AtomicReference) within a nanosecond
 * of the floor on x86, where a volatile read is a plain load; the synchronized method several times slower,
 * and slower again with 2 threads contending for the monitor. A get() that writes shared memory on every call
 * pays a fence with 1 thread and a cache-line transfer per call with 2; its 2-thread number then depends on
 * whether the two threads really run at the same time, that is on the machine's other load, and varies from
 * run to run (GUAVA_MEMOIZE's adapter writes its volatile 'initialized' flag on every get(); see the jmh
 * README). Next to a database round trip (tens of microseconds) every strategy's steady-state cost is below
 * the noise: the ping ratios are about 1.00.
 *
 * How to run it.
 *   java -jar jmh/target/benchmarks.jar LazyInit_02 -p strategy=SYNCHRONIZED,DOUBLE_CHECKED
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(3)
public class LazyInit_02_SteadyState {

    /** A store in a plain final field: the baseline's "free" shared reference. */
    @State(Scope.Benchmark)
    public static class Plain {

        public final PostgresStore store = new PostgresStore(
                BenchSupport.db().storeConfig(Names.unique("plain")));

        @TearDown(Level.Trial)
        public void close() {
            store.close();
        }
    }

    /**
     * The same store in a plain field: neither final nor volatile, as an unsynchronized lazy holder keeps it.
     * Set once before the measurement; the floor reads it and checks it for null as such a holder would.
     */
    @State(Scope.Benchmark)
    public static class Unsynchronized {

        PostgresStore store;

        @Setup(Level.Trial)
        public void publish(Plain plain) {
            store = plain.store;
        }
    }

    /**
     * The floor twin ({@link FloorLazy}): the floor's work behind the very call the strategies are measured
     * through, a {@link Lazy} in a non-final field of a shared {@code @State}, called through the interface.
     */
    @State(Scope.Benchmark)
    public static class Twin {

        RecordingStoreFactory factory;
        Lazy<PostgresStore> holder;

        /** The store comes from the factory a strategy's holder calls, with the same settings and pool size. */
        @Setup(Level.Trial)
        public void hand(BenchmarkParams params) {
            factory = BenchSupport.factory("warm");
            holder = new FloorLazy<>(factory.get());
            Receivers.oneInThisJvm(holder, params);
            if (holder.get().ping() != 1) {
                throw new IllegalStateException("floor twin: the store does not answer");
            }
        }

        @TearDown(Level.Trial)
        public void close() {
            holder.close();
            factory.closeAll();
        }
    }

    /**
     * The floor twin behind a call site that has seen three other receiver classes before the measurement: the
     * dispatch control. Its benchmark method was called through this very state with each of them, often enough
     * for the profile to record them, so the JIT can no longer inline {@code get()} on the strength of one
     * receiver class. What this costs above the floor twin is what every steady-state number would carry if its
     * call site were shared by several strategies, which one fork per strategy rules out.
     */
    @State(Scope.Benchmark)
    public static class Polluted {

        Lazy<PostgresStore> holder;

        @Setup(Level.Trial)
        public void pollute(Plain plain) {
            LazyInit_02_SteadyState bench = new LazyInit_02_SteadyState();
            for (Lazy<PostgresStore> other : Receivers.others(plain.store)) {
                holder = other;
                for (int i = 0; i < Receivers.POLLUTING_CALLS; i++) {
                    bench.floorTwin_polluted(this);
                }
            }
            holder = new FloorLazy<>(plain.store);
        }
    }

    /** A warm holder of one strategy, shared by all measuring threads. */
    @State(Scope.Benchmark)
    public static class Warm {

        /**
         * A registry name ({@link Strategy#valueOf}). The runner passes every strategy of the registry, the providers'
         * included, as only the running JVM knows them; by hand, name them with {@code -p strategy=A,B}.
         */
        @Param({"DOUBLE_CHECKED"})
        public String strategy;

        RecordingStoreFactory factory;
        Lazy<PostgresStore> holder;

        @Setup(Level.Trial)
        public void warmUp(BenchmarkParams params) {
            factory = BenchSupport.factory("warm");
            holder = BenchSupport.steadyStateHolder(Strategy.valueOf(strategy), factory);
            Receivers.oneInThisJvm(holder, params);
            if (holder.get().ping() != 1) { // created, and the pool answers
                throw new IllegalStateException(strategy + ": the warm store does not answer");
            }
        }

        @TearDown(Level.Trial)
        public void close() {
            BenchSupport.release(holder, factory);
        }
    }

    /* Baseline: one load of a plain final field, returned so that it is consumed, not eliminated. */
    @Benchmark
    @Threads(1)
    public PostgresStore baseline(Plain plain) {
        return plain.store;
    }

    /* The same load from 2 threads: reading shared, unchanging memory does not contend. */
    @Benchmark
    @Threads(2)
    public PostgresStore baseline_2threads(Plain plain) {
        return plain.store;
    }

    /* A/A control: baseline() again, under its own name, run like every other entry. */
    @Benchmark
    @Threads(1)
    public PostgresStore baseline_again(Plain plain) {
        return plain.store;
    }

    /* A/A control of the 2-thread baseline. */
    @Benchmark
    @Threads(2)
    public PostgresStore baseline_2threads_again(Plain plain) {
        return plain.store;
    }

    /* The unsynchronized floor: the load and null check no lazy holder avoids, with no ordering at all. */
    @Benchmark
    @Threads(1)
    public PostgresStore floor(Unsynchronized unsynchronized) {
        return present(unsynchronized.store);
    }

    /* The floor from 2 threads: a plain read of shared, unchanging memory. */
    @Benchmark
    @Threads(2)
    public PostgresStore floor_2threads(Unsynchronized unsynchronized) {
        return present(unsynchronized.store);
    }

    /* The floor twin: the floor's work through the strategies' call path. Every get() ratio is taken to this. */
    @Benchmark
    @Threads(1)
    public PostgresStore floorTwin(Twin twin) {
        return twin.holder.get();
    }

    /* The floor twin from 2 threads. */
    @Benchmark
    @Threads(2)
    public PostgresStore floorTwin_2threads(Twin twin) {
        return twin.holder.get();
    }

    /* Dispatch control: the floor twin behind a call site that has seen several receiver classes. */
    @Benchmark
    @Threads(1)
    public PostgresStore floorTwin_polluted(Polluted polluted) {
        return polluted.holder.get();
    }

    private static PostgresStore present(PostgresStore store) {
        if (store == null) { // the check every lazy holder makes before it can return the value
            throw new IllegalStateException("The floor's store was set before the measurement");
        }
        return store;
    }

    @Benchmark
    @Threads(1)
    public PostgresStore get(Warm warm) {
        return warm.holder.get();
    }

    /* Both threads call get() on the same holder: a lock on the fast path shows up here. */
    @Benchmark
    @Threads(2)
    public PostgresStore get_2threads(Warm warm) {
        return warm.holder.get();
    }

    /*
     * Baseline for real work: SELECT 1 through the floor twin, i.e. through the strategies' store, pool and call path
     * with no holder's work in it. getAndPing() ÷ this is what a holder adds to a query.
     */
    @Benchmark
    @Threads(1)
    public int pingTwin(Twin twin) {
        return twin.holder.get().ping();
    }

    /* A/A control of the query: pingTwin() again, in forks of its own. Their ratio is how much forks differ. */
    @Benchmark
    @Threads(1)
    public int pingTwin_again(Twin twin) {
        return twin.holder.get().ping();
    }

    /* get() plus the cheapest real query: the holder's cost in proportion. */
    @Benchmark
    @Threads(1)
    public int getAndPing(Warm warm) {
        return warm.holder.get().ping();
    }
}
