package dev.lazyinit.lazy.broken;

import dev.lazyinit.lazy.Lazy;
import java.util.function.Supplier;

/**
 * BROKEN CONTROL, never use: double-checked locking that remembers its first failure.
 *
 * <p>Everything is as in {@code DoubleCheckedLazy} (a volatile fast path, one creation under a lock, a closed
 * state) except one "optimisation": when the factory throws, the holder keeps the exception and throws it again
 * on every later {@code get()} instead of calling the factory again. A database that was down for one second at
 * start-up then stays "down" for the life of the holder, although it came back. It violates exactly
 * {@code RETRIES_AFTER_FAILURE}; the JCStress failure-then-access proof and the failure-semantics suite catch it.
 *
 * @param <T> the value type
 */
public final class BrokenNoRetryLazy<T extends AutoCloseable> implements Lazy<T> {

    private final Supplier<? extends T> factory;
    private final Object lock = new Object();
    private volatile T value;
    private RuntimeException failure; // guarded by lock; BROKEN: kept instead of retrying
    private boolean closed;           // guarded by lock

    /**
     * @param factory creates the value
     */
    public BrokenNoRetryLazy(Supplier<? extends T> factory) {
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
                if (closed) {
                    throw new IllegalStateException("Holder is closed");
                }
                if (failure != null) {
                    throw failure; // BROKEN: the first failure, forever
                }
                try {
                    v = Lazy.requireCreated(factory, factory.get());
                } catch (RuntimeException e) {
                    failure = e;
                    throw e;
                }
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
            if (closed) {
                return;
            }
            closed = true;
            toClose = value;
        }
        if (toClose != null) {
            Lazy.closeValue(toClose);
        }
    }
}
