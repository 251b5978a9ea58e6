package dev.lazyinit.lazy.broken;

import dev.lazyinit.lazy.Lazy;
import java.util.function.Supplier;

/**
 * BROKEN CONTROL, never use: an unsynchronized check-then-act.
 *
 * <p>This is the bug from the incident. Two threads both read {@code value == null}, both call the factory,
 * and each builds a store with its own connection pool; the last write wins and the other pool is never
 * closed. Nothing orders the write of {@code value} against the constructor's writes either, so a reader
 * may also see a partly built value.
 *
 * <p>It exists so that the tests and proofs that must catch this bug can show that they do.
 *
 * @param <T> the value type
 */
public final class BrokenUnsynchronizedLazy<T extends AutoCloseable> implements Lazy<T> {

    private final Supplier<? extends T> factory;
    private T value;
    private boolean closed;

    /**
     * @param factory creates the value, possibly many times
     */
    public BrokenUnsynchronizedLazy(Supplier<? extends T> factory) {
        this.factory = factory;
    }

    @Override
    public T get() {
        if (value == null) {          // two threads can both see null here...
            if (closed) {
                throw new IllegalStateException("Holder is closed");
            }
            value = factory.get();    // ...and both create: a duplicate pool, and one of them is lost
        }
        return value;
    }

    @Override
    public boolean isInitialized() {
        return value != null;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            T v = value;
            if (v != null) {
                Lazy.closeValue(v);
            }
        }
    }
}
