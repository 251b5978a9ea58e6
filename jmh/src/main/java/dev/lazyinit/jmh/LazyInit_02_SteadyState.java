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
 *   floor, floor_2threads: the unsynchronized floor: a plain (non-final, non-volatile) field read plus the
 *     null check, the fast path of an unsynchronized check-then-act. No lazy holder can do less than this
 *     (it must find out whether the value exists), so get() / floor() is what a strategy's safety costs on
 *     the fast path, and floor() / baseline() what laziness itself costs.
 *   baselinePing: the same SELECT 1 on a store held in a final field, so getAndPing() / baselinePing() shows
 *     the holder's cost in proportion to the cheapest real query.
 *
 * What to expect. baseline_again and floor equal to baseline within the run's resolution (the floor adds one
 * predictable branch). Reads without a lock (double-checked, holder idiom, AtomicReference) within a nanosecond
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
        public void warmUp() {
            factory = BenchSupport.factory("warm");
            holder = BenchSupport.steadyStateHolder(Strategy.valueOf(strategy), factory);
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

    /* Baseline for real work: SELECT 1 through the pool of a store in a final field, no holder at all. */
    @Benchmark
    @Threads(1)
    public int baselinePing(Plain plain) {
        return plain.store.ping();
    }

    /* get() plus the cheapest real query: the holder's cost in proportion. */
    @Benchmark
    @Threads(1)
    public int getAndPing(Warm warm) {
        return warm.holder.get().ping();
    }
}
