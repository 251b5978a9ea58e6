package dev.lazyinit.example;

import dev.lazyinit.lazy.Lazy;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Library baseline from a provider: Vavr's {@link io.vavr.Lazy}.
 *
 * <p>A memoizing value, evaluated once ("evaluates only once", its documentation says) under a lock, with a
 * volatile field on the fast path. It has no close and no reset; this adapter closes the value if
 * {@link io.vavr.Lazy#isEvaluated()} says there is one, but cannot stop a creation that starts after
 * {@code close()}. What it does after a failed evaluation, its documentation does not say: the failure-semantics
 * table and the failure-then-access proof show it.
 *
 * <p>In production: {@code io.vavr.Lazy<Store> store = io.vavr.Lazy.of(() -> new PostgresStore(config));}
 *
 * @param <T> the value type
 */
public final class VavrLazyAdapter<T extends AutoCloseable> implements Lazy<T> {

    private final io.vavr.Lazy<T> lazy;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * @param factory creates the value, once
     */
    public VavrLazyAdapter(Supplier<? extends T> factory) {
        this.lazy = io.vavr.Lazy.of(() -> Lazy.requireCreated(factory, factory.get()));
    }

    @Override
    public T get() {
        return lazy.get();
    }

    @Override
    public boolean isInitialized() {
        return lazy.isEvaluated();
    }

    @Override
    public void close() {
        if (lazy.isEvaluated() && closed.compareAndSet(false, true)) {
            Lazy.closeValue(lazy.get());
        }
    }
}
