package dev.lazyinit.jmh;

import dev.lazyinit.lazy.Lazy;
import dev.lazyinit.store.PostgresStore;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * One receiver class per fork, checked; and the other receivers that pollute the dispatch control's call site.
 *
 * <p>A steady-state number is the cost of one holder's {@code get()} only if the call site measuring it has seen
 * one receiver class: then the JIT inlines that class's {@code get()} behind a single class check, as it would in
 * an application that holds one kind of holder. JMH forks a new JVM for every benchmark and parameter combination,
 * so each strategy has its own; {@link #oneInThisJvm} fails a trial if a second receiver class is ever set up in a
 * forked JVM (in-process runs, {@code -f 0}, share one JVM by design and are not checked: no report is made from
 * them). {@code LazyInit_02_SteadyState.floorTwin_polluted} shows what the check protects against.
 */
final class Receivers {

    /** Calls per other receiver, enough for the interpreter's and C1's type profile to record it. */
    static final int POLLUTING_CALLS = 100_000;

    private static Class<?> seen;

    private Receivers() {
    }

    /**
     * @param holder the holder a trial is about to measure
     * @param params the trial's parameters (its forks)
     * @throws IllegalStateException if a forked JVM has already set up a holder of another class
     */
    static synchronized void oneInThisJvm(Lazy<?> holder, BenchmarkParams params) {
        if (params.getForks() == 0) {
            return;
        }
        if (seen != null && seen != holder.getClass()) {
            throw new IllegalStateException("A second receiver class in one fork: " + holder.getClass().getName()
                    + " after " + seen.getName() + "; its get() would be measured behind a polymorphic call site");
        }
        seen = holder.getClass();
    }

    /**
     * @param store the value they hand out
     * @return three holders of three classes other than {@link FloorLazy}, each doing the floor twin's work
     */
    static List<Lazy<PostgresStore>> others(PostgresStore store) {
        return List.of(new OtherA(store), new OtherB(store), new OtherC(store));
    }

    private abstract static class Other implements Lazy<PostgresStore> {

        private final PostgresStore value;

        Other(PostgresStore value) {
            this.value = value;
        }

        @Override
        public PostgresStore get() {
            return value;
        }

        @Override
        public boolean isInitialized() {
            return true;
        }

        @Override
        public void close() {
            // the store is its owner's to close
        }
    }

    private static final class OtherA extends Other {
        OtherA(PostgresStore value) {
            super(value);
        }
    }

    private static final class OtherB extends Other {
        OtherB(PostgresStore value) {
            super(value);
        }
    }

    private static final class OtherC extends Other {
        OtherC(PostgresStore value) {
            super(value);
        }
    }
}
