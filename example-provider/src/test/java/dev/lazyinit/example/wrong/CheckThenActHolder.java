package dev.lazyinit.example.wrong;

import dev.lazyinit.lazy.Lazy;
import java.util.function.Supplier;

/**
 * WRONG on purpose, a test fixture: the holder a user might write and believe exactly-once. The field is volatile,
 * so what a thread sees is a whole value; but "is it there? no: create it" is two steps, not one, and two threads
 * that both find nothing both create. Its provider ({@link WrongProvider}) claims exactly-once anyway, so that the
 * suite can show it catches a provider's false claim the way it catches a built-in control.
 *
 * @param <T> the value type
 */
public final class CheckThenActHolder<T extends AutoCloseable> implements Lazy<T> {

    private final Supplier<? extends T> factory;
    private volatile T value;
    private volatile boolean closed;

    /**
     * @param factory creates the value
     */
    public CheckThenActHolder(Supplier<? extends T> factory) {
        this.factory = factory;
    }

    @Override
    public T get() {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        T v = value;
        if (v == null) { // check ...
            v = Lazy.requireCreated(factory, factory.get());
            value = v; // ... then act: another thread may have done the same meanwhile
        }
        return v;
    }

    @Override
    public boolean isInitialized() {
        return value != null;
    }

    @Override
    public void close() {
        closed = true;
        T v = value;
        if (v != null) {
            value = null;
            Lazy.closeValue(v);
        }
    }
}
