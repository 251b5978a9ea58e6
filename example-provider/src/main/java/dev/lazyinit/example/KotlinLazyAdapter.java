package dev.lazyinit.example;

import dev.lazyinit.lazy.Lazy;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import kotlin.LazyKt;
import kotlin.LazyThreadSafetyMode;

/**
 * Library baseline from a provider: Kotlin's {@code lazy}, called from Java ({@code kotlin.LazyKt.lazy(mode,
 * initializer)}), in the mode given.
 *
 * <p>{@link LazyThreadSafetyMode#SYNCHRONIZED}: a lock ensures one thread initializes. {@link
 * LazyThreadSafetyMode#PUBLICATION}: racing threads may each run the initializer, and the first value published
 * wins; the others are dropped, unclosed. In both, an initializer that throws leaves the value unset and the next
 * access tries again, as the documentation of {@code lazy} says. It has no close; this adapter closes the value if
 * {@code isInitialized()} says there is one, but cannot stop a creation that starts after {@code close()}.
 *
 * <p>In production (Kotlin): {@code val store by lazy(LazyThreadSafetyMode.SYNCHRONIZED) { PostgresStore(config) }}
 *
 * @param <T> the value type
 */
public final class KotlinLazyAdapter<T extends AutoCloseable> implements Lazy<T> {

    private final kotlin.Lazy<T> lazy;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * @param mode Kotlin's thread-safety mode
     * @param factory creates the value
     */
    public KotlinLazyAdapter(LazyThreadSafetyMode mode, Supplier<? extends T> factory) {
        this.lazy = LazyKt.lazy(mode, () -> Lazy.requireCreated(factory, factory.get()));
    }

    /**
     * @param factory creates the value
     * @param <T> the value type
     * @return a holder in {@link LazyThreadSafetyMode#SYNCHRONIZED} mode, Kotlin's default
     */
    public static <T extends AutoCloseable> KotlinLazyAdapter<T> synchronizedMode(Supplier<? extends T> factory) {
        return new KotlinLazyAdapter<>(LazyThreadSafetyMode.SYNCHRONIZED, factory);
    }

    /**
     * @param factory creates the value
     * @param <T> the value type
     * @return a holder in {@link LazyThreadSafetyMode#PUBLICATION} mode
     */
    public static <T extends AutoCloseable> KotlinLazyAdapter<T> publicationMode(Supplier<? extends T> factory) {
        return new KotlinLazyAdapter<>(LazyThreadSafetyMode.PUBLICATION, factory);
    }

    @Override
    public T get() {
        return lazy.getValue();
    }

    @Override
    public boolean isInitialized() {
        return lazy.isInitialized();
    }

    @Override
    public void close() {
        if (lazy.isInitialized() && closed.compareAndSet(false, true)) {
            Lazy.closeValue(lazy.getValue());
        }
    }
}
