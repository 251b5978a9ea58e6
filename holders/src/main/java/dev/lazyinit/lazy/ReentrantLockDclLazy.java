package dev.lazyinit.lazy;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Double-checked locking with a {@link ReentrantLock} instead of a monitor.
 *
 * <p>The fast path is the same one volatile read as {@link DoubleCheckedLazy}. What the explicit lock adds is
 * on the slow path: a thread waiting for another thread's creation can be <b>interrupted</b>
 * ({@link ReentrantLock#lockInterruptibly()}), so a request whose caller gave up does not have to sit out a slow
 * pool start. A monitor and a class initializer cannot offer that. Before JDK 24 it was also the way to keep
 * virtual threads from pinning their carrier while they wait; since JDK 24 a monitor no longer pins.
 *
 * <p>Failure: if the factory throws, {@code value} stays {@code null} and the next {@code get()} retries.
 * An interrupted waiter gets an {@link IllegalStateException} caused by {@link InterruptedException}, with its
 * interrupt flag set again.
 *
 * @param <T> the value type
 */
public final class ReentrantLockDclLazy<T extends AutoCloseable> implements Lazy<T> {

    private final Supplier<? extends T> factory;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile T value;
    private boolean closed; // guarded by lock

    /**
     * @param factory creates the value; called at most once per successful creation
     */
    public ReentrantLockDclLazy(Supplier<? extends T> factory) {
        this.factory = factory;
    }

    @Override
    public T get() {
        T v = value;
        if (v != null) {
            return v;
        }
        try {
            lock.lockInterruptibly(); // a waiter can give up; a monitor would make it wait to the end
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the value to be created", e);
        }
        try {
            v = value;
            if (v == null) {
                if (closed) {
                    throw new IllegalStateException("Holder is closed");
                }
                v = Lazy.requireCreated(factory, factory.get());
                value = v;
            }
            return v;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean isInitialized() {
        return value != null;
    }

    @Override
    public void close() {
        T toClose;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            toClose = value;
        } finally {
            lock.unlock();
        }
        if (toClose != null) {
            Lazy.closeValue(toClose);
        }
    }
}
