package dev.lazyinit.lazy.library;

import dev.lazyinit.lazy.Lazy;
import java.util.function.Supplier;
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
public final class CommonsLazyInitializerLazy<T extends AutoCloseable> extends CommonsInitializerAdapter<T> {

    /**
     * @param factory creates the value, once
     */
    public CommonsLazyInitializerLazy(Supplier<? extends T> factory) {
        this(LazyInitializer.<T>builder()
                .setInitializer(() -> Lazy.requireCreated(factory, factory.get()))
                .setCloser(Lazy::closeValue)
                .get());
    }

    private CommonsLazyInitializerLazy(LazyInitializer<T> initializer) {
        super(initializer, initializer::isInitialized);
    }
}
