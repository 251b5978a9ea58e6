package dev.lazyinit.lazy;

import java.util.function.Supplier;

/**
 * A value created on first use and shared by every thread after that: a lazy holder.
 *
 * <p>The value is expensive to create and owns resources (for the store, a connection pool), so a holder
 * must get three things right under concurrent first access:
 * <ul>
 *   <li><b>publication</b>: no thread may see a partly constructed value;</li>
 *   <li><b>creation</b>: how many times the factory runs (exactly once, or "maybe more, extras closed");</li>
 *   <li><b>ownership</b>: every value the holder created is either handed out or closed, never dropped.</li>
 * </ul>
 *
 * <p>Contract shared by every strategy of this suite:
 * <ul>
 *   <li>{@link #get()} returns the same value to every caller once one was created.</li>
 *   <li>If the factory throws, the exception reaches the caller; whether a later {@code get()} tries again
 *       is a property of the strategy (see {@code dev.lazyinit.strategy.Guarantee}).</li>
 *   <li>{@link #close()} closes the value if one was created, and is idempotent. After {@code close()},
 *       {@code get()} never creates a value: it throws {@link IllegalStateException}, or, for strategies
 *       whose fast path is a single read, may return the value already closed.</li>
 * </ul>
 *
 * @param <T> the value; {@link AutoCloseable} because the values this suite cares about own resources
 */
public interface Lazy<T extends AutoCloseable> extends AutoCloseable {

    /**
     * Returns the value, creating it on the first call.
     *
     * @return the shared value, never {@code null}
     * @throws IllegalStateException if the holder was closed before a value was created
     */
    T get();

    /**
     * Tells whether a value has been created, without creating one.
     *
     * @return {@code true} once the factory has returned a value that this holder keeps
     */
    boolean isInitialized();

    /** Closes the value if one was created. Calling it again does nothing. */
    @Override
    void close();

    /**
     * Closes a value that a holder created, turning a checked failure into an unchecked one.
     *
     * @param value the value to close
     */
    static void closeValue(AutoCloseable value) {
        try {
            value.close();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Closing the lazily created value failed", e);
        }
    }

    /**
     * Checks that a factory returned a value: a holder treats {@code null} as "not created yet".
     *
     * @param factory the factory that was called
     * @param value what it returned
     * @param <T> the value type
     * @return {@code value}
     */
    static <T> T requireCreated(Supplier<?> factory, T value) {
        if (value == null) {
            throw new IllegalStateException("The factory " + factory + " returned null");
        }
        return value;
    }
}
