package dev.lazyinit.lazy.library;

import com.google.common.base.Suppliers;
import dev.lazyinit.lazy.Lazy;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Library baseline: Guava's {@link Suppliers#memoize(com.google.common.base.Supplier)}.
 *
 * <p>Inside, memoize is double-checked locking on a volatile flag: exactly-once, safely published, and a
 * factory that throws leaves it unset, so the next call retries. It has no close, no reset and no way to ask
 * whether it was initialized; this adapter remembers a successful creation (a write inside memoize's lock, once)
 * so that {@link #close()} can close the value, but it cannot stop a creation that starts after {@code close()}.
 * An earlier version wrote that flag on every {@code get()}: a volatile store per call, which cost 4 to 5 times
 * Guava's own fast path on one thread and more with two, where the cache line bounced between cores.
 *
 * <p>In production: {@code Supplier<Store> store = Suppliers.memoize(() -> new PostgresStore(config));}
 *
 * @param <T> the value type
 */
public final class GuavaMemoizeLazy<T extends AutoCloseable> implements Lazy<T> {

    private final com.google.common.base.Supplier<T> memo;
    private volatile boolean initialized;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * @param factory creates the value, once
     */
    public GuavaMemoizeLazy(Supplier<? extends T> factory) {
        this.memo = Suppliers.memoize(() -> {
            T value = Lazy.requireCreated(factory, factory.get());
            initialized = true; // once, inside memoize's lock: the fast path below writes nothing
            return value;
        });
    }

    @Override
    public T get() {
        return memo.get();
    }

    @Override
    public boolean isInitialized() {
        return initialized;
    }

    @Override
    public void close() {
        if (initialized && closed.compareAndSet(false, true)) {
            Lazy.closeValue(memo.get());
        }
    }
}
