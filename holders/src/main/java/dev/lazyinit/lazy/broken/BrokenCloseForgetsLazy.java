package dev.lazyinit.lazy.broken;

import dev.lazyinit.lazy.Lazy;
import java.util.function.Supplier;

/**
 * BROKEN CONTROL, never use: double-checked locking whose {@code close()} does not stay closed.
 *
 * <p>As {@code DoubleCheckedLazy}, except that {@code close()} closes the value and forgets it, without remembering
 * that the holder is closed. A {@code get()} after {@code close()} (a late request during shutdown, a background
 * job) then opens a brand-new pool that nobody will close. It violates exactly {@code CLOSEABLE}; the JCStress
 * close-vs-get proof and the re-initialization test catch it.
 *
 * @param <T> the value type
 */
public final class BrokenCloseForgetsLazy<T extends AutoCloseable> implements Lazy<T> {

    private final Supplier<? extends T> factory;
    private final Object lock = new Object();
    private volatile T value;

    /**
     * @param factory creates the value
     */
    public BrokenCloseForgetsLazy(Supplier<? extends T> factory) {
        this.factory = factory;
    }

    @Override
    public T get() {
        T v = value;
        if (v != null) {
            return v;
        }
        synchronized (lock) {
            v = value;
            if (v == null) {
                v = Lazy.requireCreated(factory, factory.get()); // BROKEN: no closed check
                value = v;
            }
            return v;
        }
    }

    @Override
    public boolean isInitialized() {
        return value != null;
    }

    @Override
    public void close() {
        T toClose;
        synchronized (lock) {
            toClose = value;
            value = null; // BROKEN: forgets the value, but not that the holder is closed
        }
        if (toClose != null) {
            Lazy.closeValue(toClose);
        }
    }
}
