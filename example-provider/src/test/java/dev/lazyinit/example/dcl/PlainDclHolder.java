package dev.lazyinit.example.dcl;

import dev.lazyinit.lazy.Lazy;
import java.util.function.Supplier;

/**
 * WRONG on purpose, a test fixture: a user's double-checked locking without {@code volatile}, the classic
 * mistake. The lock makes creation exactly-once, but the fast path reads {@code value} with no happens-before edge
 * to the write, so another thread may see the reference before the value's own fields. Packed alone into
 * {@code target/dcl-plain-holder.jar} with {@link PlainDclProvider}, which claims safe publication, for the README's
 * demonstration that the static and dynamic layers catch it in a user's jar. {@link VolatileDclHolder} is the same
 * class with the field {@code volatile}, and passes.
 *
 * @param <T> the value type
 */
public final class PlainDclHolder<T extends AutoCloseable> implements Lazy<T> {

    private final Supplier<? extends T> factory;
    private final Object lock = new Object();
    private T value;
    private boolean closed; // guarded by lock

    /**
     * @param factory creates the value
     */
    public PlainDclHolder(Supplier<? extends T> factory) {
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
