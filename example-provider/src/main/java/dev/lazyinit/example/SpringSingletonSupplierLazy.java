package dev.lazyinit.example;

import dev.lazyinit.lazy.Lazy;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.springframework.util.function.SingletonSupplier;

/**
 * Library baseline from a provider: Spring's {@link SingletonSupplier} (spring-core).
 *
 * <p>It caches the first non-null result of its supplier, behind a lock taken only while there is none yet. A
 * supplier that throws leaves nothing cached. It has no close, no reset and no way to ask whether it holds a value;
 * this adapter remembers a successful {@code get()} so that {@link #close()} can close the value, but cannot stop a
 * creation that starts after {@code close()}.
 *
 * <p>In production: {@code SingletonSupplier<Store> store = SingletonSupplier.of(() -> new PostgresStore(config));}
 *
 * @param <T> the value type
 */
public final class SpringSingletonSupplierLazy<T extends AutoCloseable> implements Lazy<T> {

    private final SingletonSupplier<T> singleton;
    private volatile boolean initialized;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * @param factory creates the value
     */
    public SpringSingletonSupplierLazy(Supplier<? extends T> factory) {
        this.singleton = SingletonSupplier.of(() -> Lazy.requireCreated(factory, factory.get()));
    }

    @Override
    public T get() {
        T v = singleton.obtain();
        initialized = true;
        return v;
    }

    @Override
    public boolean isInitialized() {
        return initialized;
    }

    @Override
    public void close() {
        if (initialized && closed.compareAndSet(false, true)) {
            Lazy.closeValue(singleton.obtain());
        }
    }
}
