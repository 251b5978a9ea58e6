package dev.lazyinit.lazy;

import java.util.function.Supplier;

/**
 * Strategy 3: the initialization-on-demand holder idiom.
 *
 * <p>The JVM initializes a class once, on first use, under its own class-initialization lock, and makes
 * everything the static initializer wrote visible to every thread that uses the class afterwards
 * (JLS 12.4.2). {@link Holder} is not touched until the first {@link #get()}, so its static initializer is
 * the lazy creation, and the JVM gives us exactly-once and safe publication for free. After initialization
 * {@code get()} is a plain static final read that the JIT can treat as a constant.
 *
 * <p>In production the factory line is simply {@code static final Store INSTANCE = new PostgresStore(...)}.
 * Here the factory is set through {@link #configure(Supplier)} so that the same class serves the tests,
 * the proofs and the benchmarks.
 *
 * <p>What the idiom cannot do, by design:
 * <ul>
 *   <li><b>Per-instance configuration</b>: there is one value per class (per class loader), so it fits a
 *       process-wide singleton only.</li>
 *   <li><b>Close and reset</b>: a class cannot be un-initialized. The value can be closed, but the holder
 *       keeps returning the closed value.</li>
 *   <li><b>Retry after a failed initialization</b>: if the factory throws, the first caller gets
 *       {@link ExceptionInInitializerError} and every later access gets {@link NoClassDefFoundError}, for
 *       the life of the class loader. A database that was down at start-up stays "down" forever.</li>
 *   <li><b>Bounded waiting</b>: threads that arrive during initialization wait for it, uninterruptibly.</li>
 * </ul>
 * Tests and benchmarks get a fresh copy of this class per trial through {@link FreshClassLoader}, so each
 * trial exercises a real first class initialization.
 */
public final class HolderIdiom {

    private static volatile Supplier<? extends AutoCloseable> factory;
    private static volatile boolean initialized;

    private HolderIdiom() {
    }

    /**
     * Sets what the holder creates. Has an effect only before the first {@link #get()}.
     *
     * @param newFactory creates the value, once
     */
    public static void configure(Supplier<? extends AutoCloseable> newFactory) {
        factory = newFactory;
    }

    private static final class Holder {
        static final AutoCloseable INSTANCE = create(); // run once by the JVM, under the class-init lock

        private static AutoCloseable create() {
            Supplier<? extends AutoCloseable> f = factory;
            if (f == null) {
                throw new IllegalStateException("HolderIdiom.configure(factory) was not called");
            }
            AutoCloseable value = f.get();
            if (value == null) {
                throw new IllegalStateException("The factory " + f + " returned null");
            }
            initialized = true;
            return value;
        }
    }

    /**
     * Returns the value, creating it on the first call.
     *
     * @return the value
     * @throws ExceptionInInitializerError if this call ran the factory and it threw
     * @throws NoClassDefFoundError if an earlier call's initialization failed (it is never retried)
     */
    public static AutoCloseable get() {
        return Holder.INSTANCE;
    }

    /**
     * Tells whether the value exists, without creating it.
     *
     * @return {@code true} once the holder class was initialized successfully
     */
    public static boolean isInitialized() {
        return initialized;
    }
}
