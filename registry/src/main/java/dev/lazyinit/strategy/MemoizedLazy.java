package dev.lazyinit.strategy;

import dev.lazyinit.lazy.Lazy;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A library's memoizing supplier seen as a {@link Lazy}, for a provider whose holder has neither a "created yet?"
 * query nor a close ({@link ProvidedStrategy.Builder#memoizing}).
 *
 * <p>{@link #isInitialized()} is derived: the factory handed to the library records the value it returns, so the
 * holder is initialized once a creation succeeded. {@link #close()} closes that value, once; after it,
 * {@link #get()} throws {@link IllegalStateException}. What it cannot add: a {@code close()} during the first
 * creation finds nothing to close, and the value created then stays open. Claim {@code CLOSEABLE} for it only if
 * that never matters to you; the failure-semantics table shows it.
 *
 * @param <T> the value type
 */
public final class MemoizedLazy<T extends AutoCloseable> implements Lazy<T> {

    private final Supplier<T> memoized;
    private volatile T created; // set inside the factory, after it returned
    private volatile boolean closed;
    private final AtomicBoolean closedOnce = new AtomicBoolean();

    /**
     * @param factory creates the value
     * @param memoizer the library's memoizing wrapper
     */
    MemoizedLazy(Supplier<T> factory, UnaryOperator<Supplier<T>> memoizer) {
        this.memoized = memoizer.apply(() -> {
            T value = Lazy.requireCreated(factory, factory.get());
            created = value;
            return value;
        });
    }

    @Override
    public T get() {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        return memoized.get();
    }

    @Override
    public boolean isInitialized() {
        return created != null;
    }

    @Override
    public void close() {
        closed = true;
        if (closedOnce.compareAndSet(false, true)) {
            T value = created;
            if (value != null) {
                Lazy.closeValue(value);
            }
        }
    }
}
