package dev.lazyinit.lazy.broken;

import dev.lazyinit.lazy.Lazy;
import java.util.function.Supplier;

/**
 * BROKEN CONTROL, never use: double-checked locking without {@code volatile}.
 *
 * <p>The lock still makes creation exactly-once, so this holder passes every duplicate-pool test. What it
 * loses is publication: the fast-path read of {@code value} is a plain read racing with a plain write, so
 * the Java Memory Model lets a reader see the reference before the writes made by the value's constructor,
 * i.e. a partly constructed object. On x86 the hardware keeps stores in order and this rarely or never shows;
 * on weaker hardware (Arm, POWER) or after compiler reordering it can.
 *
 * @param <T> the value type
 */
public final class BrokenNonVolatileDclLazy<T extends AutoCloseable> implements Lazy<T> {

    private final Supplier<? extends T> factory;
    private final Object lock = new Object();
    private T value;         // BROKEN: not volatile
    private boolean closed;  // guarded by lock

    /**
     * @param factory creates the value
     */
    public BrokenNonVolatileDclLazy(Supplier<? extends T> factory) {
        this.factory = factory;
    }

    @Override
    public T get() {
        T v = value; // racy plain read: may see the reference before the object's fields
        if (v != null) {
            return v;
        }
        synchronized (lock) {
            v = value;
            if (v == null) {
                if (closed) {
                    throw new IllegalStateException("Holder is closed");
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
