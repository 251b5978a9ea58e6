package dev.lazyinit.lazy;

import java.util.function.Supplier;

/**
 * Strategy 1: a {@code synchronized} method.
 *
 * <p>The simplest correct holder: every {@code get()} takes the monitor, so the check and the creation
 * happen as one step and the monitor's release/acquire publishes the value safely. The price is a lock
 * acquisition on every call, also long after the value exists. Under contention in steady state every
 * reader queues behind the others.
 *
 * <p>Failure: if the factory throws, {@code value} stays {@code null}, so the next {@code get()} retries.
 * While one thread creates, the others wait on the monitor for as long as creation takes.
 *
 * @param <T> the value type
 */
public final class SynchronizedLazy<T extends AutoCloseable> implements Lazy<T> {

    private final Supplier<? extends T> factory;
    private T value;        // guarded by this
    private boolean closed; // guarded by this

    /**
     * @param factory creates the value; called at most once per successful creation
     */
    public SynchronizedLazy(Supplier<? extends T> factory) {
        this.factory = factory;
    }

    @Override
    public synchronized T get() {
        if (value == null) {
            if (closed) {
                throw new IllegalStateException("Holder is closed");
            }
            value = Lazy.requireCreated(factory, factory.get()); // a throw leaves value null: next call retries
        }
        return value;
    }

    @Override
    public synchronized boolean isInitialized() {
        return value != null;
    }

    @Override
    public void close() {
        T toClose;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            toClose = value;
        }
        if (toClose != null) {
            Lazy.closeValue(toClose); // outside the monitor: closing a pool can take a while
        }
    }
}
