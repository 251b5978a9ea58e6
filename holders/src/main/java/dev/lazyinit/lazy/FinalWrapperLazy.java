package dev.lazyinit.lazy;

import java.util.function.Supplier;

/**
 * Double-checked locking that publishes through a {@code final} field instead of {@code volatile}.
 *
 * <p>The field {@code wrapper} is a plain field, read without synchronization. What makes that safe is the
 * {@code final} field inside {@link Wrapper}: the Java Memory Model (JLS 17.5) guarantees that a thread which
 * sees a reference to a {@code Wrapper} sees its final field as set by the constructor, and every object reached
 * through that field at least as up to date. The value was fully built before the wrapper was, so a reader that
 * finds a wrapper finds a fully built value. The fast path must read {@code wrapper} once into a local: a second
 * plain read could see {@code null} even after the first saw the wrapper.
 *
 * <p>Failure: if the factory throws, no wrapper is installed and the next {@code get()} retries.
 *
 * @param <T> the value type
 */
public final class FinalWrapperLazy<T extends AutoCloseable> implements Lazy<T> {

    private static final class Wrapper<T> {
        final T value; // the final-field freeze publishes value and everything it references

        Wrapper(T value) {
            this.value = value;
        }
    }

    private final Supplier<? extends T> factory;
    private final Object lock = new Object();
    private Wrapper<T> wrapper; // plain field: racy reads are safe because Wrapper is immutable
    private boolean closed;     // guarded by lock

    /**
     * @param factory creates the value; called at most once per successful creation
     */
    public FinalWrapperLazy(Supplier<? extends T> factory) {
        this.factory = factory;
    }

    @Override
    public T get() {
        Wrapper<T> w = wrapper; // read once: a second racy read could still see null
        if (w != null) {
            return w.value;
        }
        synchronized (lock) {
            w = wrapper;
            if (w == null) {
                if (closed) {
                    throw new IllegalStateException("Holder is closed");
                }
                w = new Wrapper<>(Lazy.requireCreated(factory, factory.get()));
                wrapper = w;
            }
            return w.value;
        }
    }

    @Override
    public boolean isInitialized() {
        synchronized (lock) {
            return wrapper != null;
        }
    }

    @Override
    public void close() {
        Wrapper<T> toClose;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            toClose = wrapper;
        }
        if (toClose != null) {
            Lazy.closeValue(toClose.value);
        }
    }
}
