package dev.lazyinit.lazy;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * JDK 25 preview (JEP 502): {@link StableValue}, the JDK's own lazily-set, at-most-once value.
 *
 * <p>{@code orElseSet(supplier)} runs the supplier at most once successfully, even under a race: other threads
 * wait for it, and its result is published safely. The JVM trusts a stable value's contents as constant once
 * set, so the JIT can fold a read of a {@code static final StableValue} like a {@code static final} field: the
 * holder idiom's speed without a class per value. If the supplier throws, the value stays unset and the next
 * call retries. There is no close and no reset; this adapter closes the value if one was set.
 *
 * <p>Compiled and tested only on JDK 25 with {@code --enable-preview}; older JDKs skip it, visibly.
 *
 * @param <T> the value type
 */
public final class StableValueLazy<T extends AutoCloseable> implements Lazy<T> {

    private final StableValue<T> value = StableValue.of();
    private final Supplier<? extends T> factory;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * @param factory creates the value, at most once successfully
     */
    public StableValueLazy(Supplier<? extends T> factory) {
        this.factory = factory;
    }

    @Override
    public T get() {
        return value.orElseSet(() -> Lazy.requireCreated(factory, factory.get()));
    }

    @Override
    public boolean isInitialized() {
        return value.isSet();
    }

    @Override
    public void close() {
        if (value.isSet() && closed.compareAndSet(false, true)) {
            Lazy.closeValue(value.orElseThrow());
        }
    }
}
