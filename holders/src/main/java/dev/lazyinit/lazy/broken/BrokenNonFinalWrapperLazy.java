package dev.lazyinit.lazy.broken;

import dev.lazyinit.lazy.Lazy;
import java.util.function.Supplier;

/**
 * BROKEN CONTROL, never use: the final-field wrapper whose field is not {@code final}.
 *
 * <p>{@code FinalWrapperLazy} with one word removed: {@link Wrapper}'s {@code value} is a plain field. The field
 * {@code wrapper} is still read without synchronization on the fast path, but nothing makes that read safe any
 * more: the final-field guarantee (JLS 17.5) holds only for {@code final} fields, so the Java Memory Model lets a
 * reader see the reference to a {@code Wrapper} before the constructor's write of {@code value}, and find
 * {@code null} or a partly built value behind it. The publication is as unsafe as the DCL without
 * {@code volatile}; on x86 the hardware keeps stores in order and this rarely or never shows.
 *
 * <p>Failure: if the factory throws, no wrapper is installed and the next {@code get()} retries.
 *
 * @param <T> the value type
 */
public final class BrokenNonFinalWrapperLazy<T extends AutoCloseable> implements Lazy<T> {

    private static final class Wrapper<T> {
        T value; // BROKEN: not final, so no freeze publishes it

        Wrapper(T value) {
            this.value = value;
        }
    }

    private final Supplier<? extends T> factory;
    private final Object lock = new Object();
    private Wrapper<T> wrapper; // plain field: racy reads are unsafe because Wrapper is not immutable (BROKEN)
    private boolean closed;     // guarded by lock

    /**
     * @param factory creates the value
     */
    public BrokenNonFinalWrapperLazy(Supplier<? extends T> factory) {
        this.factory = factory;
    }

    @Override
    public T get() {
        Wrapper<T> w = wrapper; // read once: a second racy read could still see null
        if (w != null) {
            return w.value; // BROKEN: may see the wrapper before its value is written
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
