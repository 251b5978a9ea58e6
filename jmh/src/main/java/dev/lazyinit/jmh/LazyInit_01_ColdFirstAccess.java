package dev.lazyinit.jmh;

import dev.lazyinit.harness.support.Names;
import dev.lazyinit.lazy.Lazy;
import dev.lazyinit.store.PostgresStore;
import dev.lazyinit.harness.RecordingStoreFactory;
import dev.lazyinit.store.StoreConfig;
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
import org.openjdk.jmh.annotations.Warmup;

/*
 * LazyInit_01_ColdFirstAccess: what the first get() on a cold holder costs.
 *
 * The pitfall. A cold first access happens once per holder, so a throughput benchmark that calls get() in a
 * loop measures the warm path after the first call and says nothing about the cold one. The first call is
 * also where the holder does its real work: it opens a HikariCP pool (which connects to PostgreSQL before it
 * returns) and ensures the schema, tens of milliseconds against a real server.
 *
 * The benchmark. Mode.SingleShotTime with one invocation per iteration: every iteration gets a brand-new,
 * cold holder from the registry (@Setup(Level.Iteration)), the measured call is its first get(), and the
 * store it created is closed in @TearDown(Level.Iteration), outside the measurement, so pools never pile up
 * across trials. The holder idiom gets a fresh copy of its class per holder, so each of its trials is a real
 * first class initialization (through a MethodHandle; its cost is a few microseconds next to the pool).
 *
 * The baseline. baseline() creates the PostgresStore directly, with no holder: the irreducible cost of the
 * resource itself. firstGet() minus baseline() is what the holder adds to a cold start.
 *
 * What to expect. Every strategy within noise of the baseline (ratio close to 1.00): on a single thread the
 * holder's bookkeeping (a lock, a CAS, a class initialization) is microseconds next to the pool's
 * milliseconds. Single-shot times are skewed by stragglers (GC, the server's checkpoints, the other core's
 * load), so read the median and the interquartile spread the report prints, not only the mean.
 *
 * How to run it.
 *   java -jar jmh/target/benchmarks.jar LazyInit_01 -p strategy=DOUBLE_CHECKED
 * (each fork then starts its own embedded PostgreSQL; the ./bench runner shares one server across forks).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, batchSize = 1)       // absorbs class loading of HikariCP, the driver and the SCRAM code
@Measurement(iterations = 30, batchSize = 1) // 30 single shots per fork: enough for a median and a spread
@Fork(1)
public class LazyInit_01_ColdFirstAccess {

    /** A cold holder of one strategy, new for every single-shot iteration. */
    @State(Scope.Thread)
    public static class ColdHolder {

        /** Every strategy of the registry by default (JMH fills an enum parameter with all its constants). */
        @Param
        public Strategy strategy;

        RecordingStoreFactory factory;
        Lazy<PostgresStore> holder;

        @Setup(Level.Iteration)
        public void newColdHolder() {
            factory = BenchSupport.factory("cold");
            holder = strategy.newHolder(factory); // the holder idiom loads a fresh copy of its class here
        }

        @TearDown(Level.Iteration)
        public void closeEverything() {
            int calls = factory.calls();
            holder.close();
            factory.closeAll();
            if (calls != 1) {
                throw new IllegalStateException(strategy + ": one cold get() called the factory " + calls + " times");
            }
        }
    }

    /** The configuration for the baseline, and the store it created, closed after each iteration. */
    @State(Scope.Thread)
    public static class Direct {

        StoreConfig config;
        PostgresStore created;

        @Setup(Level.Iteration)
        public void newName() {
            config = BenchSupport.db().storeConfig(Names.unique("direct"));
        }

        @TearDown(Level.Iteration)
        public void close() {
            if (created != null) {
                created.close();
                created = null;
            }
        }
    }

    /*
     * Baseline: the resource alone. Creating the store directly (pool opened, schema ensured) is what every
     * holder's first get() must do at the least; returning it keeps JMH from treating the work as dead.
     */
    @Benchmark
    public PostgresStore baseline(Direct direct) {
        direct.created = new PostgresStore(direct.config);
        return direct.created;
    }

    /*
     * The first get() on a cold holder: the creation plus whatever the strategy adds around it.
     */
    @Benchmark
    public PostgresStore firstGet(ColdHolder cold) {
        return cold.holder.get();
    }
}
