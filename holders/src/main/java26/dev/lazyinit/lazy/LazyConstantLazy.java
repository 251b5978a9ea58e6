package dev.lazyinit.lazy;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * JDK 26 preview (JEP 526): {@link LazyConstant}, the JDK's own lazily computed constant, which replaced
 * JDK 25's {@code StableValue}.
 *
 * <p>{@code get()} runs the computing function at most once successfully, even under a race: other threads wait
 * for it, and its result is published safely. The JVM trusts the contents as constant once computed, so the JIT
 * can fold a read of a {@code static final LazyConstant} like a {@code static final} field. There is no close and
 * no reset; this adapter closes the value if one was computed.
 *
 * <p>Compiled and tested only on JDK 26 with {@code --enable-preview}; other JDKs skip it, visibly. JDK 27 changed
 * the API: no {@code isInitialized()}, and a computation that threw is never run again ({@code get()} throws
 * {@code NoSuchElementException} from then on), so there a database down at start-up stays down for the holder.
 *
 * @param <T> the value type
 */
public final class LazyConstantLazy<T extends AutoCloseable> implements Lazy<T> {

    private final LazyConstant<T> value;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * @param factory creates the value, at most once successfully
     */
    public LazyConstantLazy(Supplier<? extends T> factory) {
        this.value = LazyConstant.of(() -> Lazy.requireCreated(factory, factory.get()));
    }

    @Override
    public T get() {
        return value.get();
    }

    @Override
    public boolean isInitialized() {
        return value.isInitialized();
    }

    @Override
    public void close() {
        if (value.isInitialized() && closed.compareAndSet(false, true)) {
            Lazy.closeValue(value.get());
        }
    }
}
