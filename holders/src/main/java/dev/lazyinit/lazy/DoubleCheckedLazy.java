package dev.lazyinit.lazy;

import java.util.function.Supplier;

/**
 * Strategy 2: double-checked locking on a {@code volatile} field.
 *
 * <p>The fast path is one volatile read; the lock is taken only while the value does not exist yet. The
 * case to think through is one thread on the slow path (creating, then writing {@code value}) while another
 * is on the fast path (reading {@code value}). The volatile write happens after the constructor's writes,
 * and a volatile read that sees it sees those writes too, so the reader gets a fully built value. Without
 * {@code volatile} that ordering is gone (see {@code BrokenNonVolatileDclLazy}).
 *
 * <p>The field is read once into a local, so the fast path does one volatile read, not two, and cannot
 * return a different value than the one it checked. HikariCP's {@code HikariDataSource.getConnection()}
 * is built the same way.
 *
 * <p>Failure: if the factory throws, {@code value} stays {@code null} and the next {@code get()} retries.
 * While one thread creates, the others wait on the lock for as long as creation takes.
 *
 * @param <T> the value type
 */
public final class DoubleCheckedLazy<T extends AutoCloseable> implements Lazy<T> {

    private final Supplier<? extends T> factory;
    private final Object lock = new Object();
    private volatile T value;
    private boolean closed; // guarded by lock

    /**
     * @param factory creates the value; called at most once per successful creation
     */
    public DoubleCheckedLazy(Supplier<? extends T> factory) {
        this.factory = factory;
    }

    @Override
    public T get() {
        T v = value; // the only volatile read on the fast path
        if (v != null) {
            return v;
        }
        synchronized (lock) {
            v = value; // another thread may have created it while we waited
            if (v == null) {
                if (closed) {
                    throw new IllegalStateException("Holder is closed");
                }
                v = Lazy.requireCreated(factory, factory.get()); // a throw leaves value null: next call retries
                value = v; // publish: after this write, readers see a fully built value
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
