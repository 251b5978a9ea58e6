package dev.lazyinit.jmh;

import dev.lazyinit.lazy.Lazy;

/**
 * The floor twin: a {@link Lazy} whose {@code get()} does the least any lazy holder does on its fast path, a plain
 * (non-final, non-volatile) field read and the null check, and nothing else. It is handed its value before the
 * measurement, so the slow path never runs. A steady-state benchmark calls it exactly as it calls a strategy's
 * holder (a non-final field of a {@code @State} object, an interface call to {@code get()}), so the call path is
 * the same and cancels out of every ratio: a strategy's {@code get()} ÷ this is what its safety costs, and the
 * unsynchronized control, which does this very work, must read ≈ 1.00×.
 *
 * <p>Not a strategy: it never creates anything, and it is not thread-safe (it needs none here, the value is set
 * before any measuring thread starts and never changes).
 *
 * @param <T> the value
 */
final class FloorLazy<T extends AutoCloseable> implements Lazy<T> {

    private T value;

    /** @param value what every {@code get()} returns */
    FloorLazy(T value) {
        this.value = value;
    }

    @Override
    public T get() {
        T v = value;
        if (v == null) { // the check every lazy holder makes before it can return the value
            throw new IllegalStateException("The floor twin is handed its value before the measurement");
        }
        return v;
    }

    @Override
    public boolean isInitialized() {
        return value != null;
    }

    @Override
    public void close() {
        value = null; // the store is its owner's to close
    }
}
