package dev.lazyinit.lazy.broken;

import dev.lazyinit.lazy.Lazy;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * BROKEN CONTROL, never use: the ReentrantLock DCL whose waiters cannot give up.
 *
 * <p>{@code ReentrantLockDclLazy} with one word changed: {@link ReentrantLock#lock()} instead of
 * {@link ReentrantLock#lockInterruptibly()}. It is still correct in every other way (exactly-once, safe
 * publication, retry, close), but a thread waiting for another thread's slow creation can no longer be interrupted
 * out of the wait: it sits out the whole pool start, which is what the ReentrantLock variant exists to avoid. It
 * violates exactly {@code WAITERS_CAN_GIVE_UP}; the failure-semantics suite's interrupted waiter catches it.
 *
 * @param <T> the value type
 */
public final class BrokenUninterruptibleWaitLazy<T extends AutoCloseable> implements Lazy<T> {

    private final Supplier<? extends T> factory;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile T value;
    private boolean closed; // guarded by lock

    /**
     * @param factory creates the value
     */
    public BrokenUninterruptibleWaitLazy(Supplier<? extends T> factory) {
        this.factory = factory;
    }

    @Override
    public T get() {
        T v = value;
        if (v != null) {
            return v;
        }
        lock.lock(); // BROKEN: an interrupted waiter keeps waiting
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
