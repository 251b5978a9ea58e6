package dev.lazyinit.lazy.library;

import dev.lazyinit.lazy.Lazy;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.commons.lang3.concurrent.ConcurrentException;
import org.apache.commons.lang3.concurrent.LazyInitializer;

/**
 * Library baseline: commons-lang3's {@link LazyInitializer}.
 *
 * <p>Double-checked locking on a volatile field, as its documentation says: exactly-once, safely published;
 * a factory that throws leaves it uninitialized, so the next call retries. Since 3.14 it takes a closer, which
 * its {@code close()} applies to the value if one was created; it has no closed state, so a {@code get()} after
 * {@code close()} still creates.
 *
 * <p>In production: {@code LazyInitializer.<Store>builder().setInitializer(() -> new PostgresStore(config))
 * .setCloser(Store::close).get()}.
 *
 * @param <T> the value type
 */
public final class CommonsLazyInitializerLazy<T extends AutoCloseable> implements Lazy<T> {

    private final LazyInitializer<T> initializer;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * @param factory creates the value, once
     */
    public CommonsLazyInitializerLazy(Supplier<? extends T> factory) {
        this.initializer = LazyInitializer.<T>builder()
                .setInitializer(() -> Lazy.requireCreated(factory, factory.get()))
                .setCloser(Lazy::closeValue)
                .get();
    }

    @Override
    public T get() {
        try {
            return initializer.get();
        } catch (ConcurrentException e) {
            throw Unwrap.unchecked(e);
        }
    }

    @Override
    public boolean isInitialized() {
        return initializer.isInitialized();
    }

    @Override
    public void close() {
        // Only a close() that finds a value counts: the initializer has no closed state, so a value created
        // after an early close() must still be closable by a later one.
        if (initializer.isInitialized() && closed.compareAndSet(false, true)) {
            try {
                initializer.close();
            } catch (ConcurrentException e) {
                throw Unwrap.unchecked(e);
            }
        }
    }
}
