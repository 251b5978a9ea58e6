package dev.lazyinit.example.dcl;

import dev.lazyinit.lazy.Lazy;
import java.util.function.Supplier;

/**
 * A test fixture: a user's double-checked locking done right, the field {@code volatile}: the same class as
 * {@link PlainDclHolder} but for that one word. Packed alone into {@code target/dcl-volatile-holder.jar} with
 * {@link VolatileDclProvider}, to show the same provider passing once the field is volatile.
 *
 * @param <T> the value type
 */
public final class VolatileDclHolder<T extends AutoCloseable> implements Lazy<T> {

    private final Supplier<? extends T> factory;
    private final Object lock = new Object();
    private volatile T value;
    private boolean closed; // guarded by lock

    /**
     * @param factory creates the value
     */
    public VolatileDclHolder(Supplier<? extends T> factory) {
        this.factory = factory;
    }

    @Override
    public T get() {
        T v = value; // the fast path: no lock
        if (v != null) {
            return v;
        }
        synchronized (lock) {
            v = value;
            if (v == null) {
                if (closed) {
                    throw new IllegalStateException("closed");
                }
                v = Lazy.requireCreated(factory, factory.get());
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
