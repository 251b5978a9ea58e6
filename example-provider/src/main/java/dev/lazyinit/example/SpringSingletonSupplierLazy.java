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
 * this adapter remembers a successful creation (a write inside the supplier's lock, once) so that {@link #close()}
 * can close the value, but cannot stop a creation that starts after {@code close()}. It must not write on every
 * {@code get()}: a volatile store per call is what the adapter would then measure, not Spring.
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
        this.singleton = SingletonSupplier.of(() -> {
            T value = Lazy.requireCreated(factory, factory.get());
            initialized = true; // once, inside the supplier's lock: the fast path below writes nothing
            return value;
        });
    }

    @Override
    public T get() {
        return singleton.obtain();
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
