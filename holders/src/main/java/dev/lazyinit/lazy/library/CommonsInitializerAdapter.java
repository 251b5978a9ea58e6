package dev.lazyinit.lazy.library;

import dev.lazyinit.lazy.Lazy;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.apache.commons.lang3.concurrent.AbstractConcurrentInitializer;
import org.apache.commons.lang3.concurrent.ConcurrentException;

/**
 * What the commons-lang3 adapters share: {@link Lazy} over one of its initializers, built with a closer.
 * The initializer's own {@code isInitialized()} is public only on the concrete classes, so it is passed in.
 *
 * @param <T> the value type
 */
abstract class CommonsInitializerAdapter<T extends AutoCloseable> implements Lazy<T> {

    private final AbstractConcurrentInitializer<T, ConcurrentException> initializer;
    private final BooleanSupplier initialized;
    private final AtomicBoolean closed = new AtomicBoolean();

    CommonsInitializerAdapter(AbstractConcurrentInitializer<T, ConcurrentException> initializer,
                              BooleanSupplier initialized) {
        this.initializer = initializer;
        this.initialized = initialized;
    }

    @Override
    public final T get() {
        try {
            return initializer.get();
        } catch (ConcurrentException e) {
            throw Unwrap.unchecked(e);
        }
    }

    @Override
    public final boolean isInitialized() {
        return initialized.getAsBoolean();
    }

    @Override
    public final void close() {
        // Only a close() that finds a value counts: the initializer has no closed state, so a value created
        // after an early close() must still be closable by a later one.
        if (initialized.getAsBoolean() && closed.compareAndSet(false, true)) {
            try {
                initializer.close();
            } catch (ConcurrentException e) {
                throw Unwrap.unchecked(e);
            }
        }
    }
}
