package dev.lazyinit.lazy;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Adapts {@link HolderIdiom} to {@link Lazy} so that the idiom runs through the same tests, proofs and
 * benchmarks as the other strategies.
 *
 * <p>Each adapter owns a fresh copy of the {@code HolderIdiom} class (see {@link FreshClassLoader}), so a new
 * adapter is a cold holder whose first {@code get()} is a real first class initialization. This is test
 * equipment: in production you call your own holder class directly.
 *
 * <p>{@link #close()} closes the value if it was created; it cannot reset the class, so a later
 * {@code get()} returns the closed value. A value created after {@code close()} is not closed by it.
 *
 * @param <T> the value type
 */
public final class HolderIdiomLazy<T extends AutoCloseable> implements Lazy<T> {

    private static final MethodType GET = MethodType.methodType(AutoCloseable.class);
    private static final MethodType IS_INITIALIZED = MethodType.methodType(boolean.class);
    private static final MethodType CONFIGURE = MethodType.methodType(void.class, Supplier.class);

    private final MethodHandle get;
    private final MethodHandle isInitialized;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * Loads a fresh copy of the holder class and configures it with {@code factory}.
     *
     * @param factory creates the value, once, inside the holder's class initialization
     */
    public HolderIdiomLazy(Supplier<? extends T> factory) {
        Class<?> copy = FreshClassLoader.freshCopyOf(HolderIdiom.class);
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        try {
            lookup.findStatic(copy, "configure", CONFIGURE).invoke(factory);
            this.get = lookup.findStatic(copy, "get", GET);
            this.isInitialized = lookup.findStatic(copy, "isInitialized", IS_INITIALIZED);
        } catch (Throwable e) {
            throw new IllegalStateException("Cannot set up a fresh copy of HolderIdiom", e);
        }
    }

    @Override
    @SuppressWarnings("unchecked") // the factory only makes T
    public T get() {
        try {
            return (T) get.invoke();
        } catch (RuntimeException | Error e) {
            throw e; // ExceptionInInitializerError, NoClassDefFoundError: what the idiom really throws
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean isInitialized() {
        try {
            return (boolean) isInitialized.invoke();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (isInitialized() && closed.compareAndSet(false, true)) {
            Lazy.closeValue(get());
        }
    }
}
