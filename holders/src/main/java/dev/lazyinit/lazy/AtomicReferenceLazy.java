package dev.lazyinit.lazy;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Strategy 4: {@link AtomicReference} with {@code compareAndSet}, no lock at all.
 *
 * <p>Threads that find no value each call the factory, then race to install their value with one CAS.
 * One wins and everybody returns the winner's value. This is lock-free: no thread ever waits for another,
 * so a slow or stuck creation cannot block the rest. The cost is that several values may be created under
 * a cold stampede. For a store that means several pools opened at once, so every loser <b>must close the
 * value it built</b>; forgetting that line is exactly the duplicate-pool leak this suite is about.
 *
 * <p>{@code close()} swaps in a {@code CLOSED} marker, so a value created after close loses its CAS and is
 * closed by the thread that built it: nothing created here is ever left open and unreachable.
 *
 * <p>Failure: if the factory throws, nothing is installed and the next {@code get()} retries.
 *
 * @param <T> the value type
 */
public final class AtomicReferenceLazy<T extends AutoCloseable> implements Lazy<T> {

    private static final Object CLOSED = new Object();

    private final Supplier<? extends T> factory;
    private final AtomicReference<Object> ref = new AtomicReference<>();

    /**
     * @param factory creates the value; may be called by several threads at once under a cold stampede
     */
    public AtomicReferenceLazy(Supplier<? extends T> factory) {
        this.factory = factory;
    }

    @Override
    public T get() {
        Object current = ref.get();
        if (current == null) {
            T created = Lazy.requireCreated(factory, factory.get()); // a throw installs nothing: next call retries
            if (ref.compareAndSet(null, created)) {
                return created;
            }
            Lazy.closeValue(created); // lost the race (or the holder was closed): close ours, never leak it
            current = ref.get();
        }
        if (current == CLOSED) {
            throw new IllegalStateException("Holder is closed");
        }
        @SuppressWarnings("unchecked") // only T values and CLOSED are ever stored
        T value = (T) current;
        return value;
    }

    @Override
    public boolean isInitialized() {
        Object current = ref.get();
        return current != null && current != CLOSED;
    }

    @Override
    public void close() {
        Object previous = ref.getAndSet(CLOSED);
        if (previous != null && previous != CLOSED) {
            Lazy.closeValue((AutoCloseable) previous);
        }
    }
}
