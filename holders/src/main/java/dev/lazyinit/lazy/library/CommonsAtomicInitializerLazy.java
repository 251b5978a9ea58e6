package dev.lazyinit.lazy.library;

import dev.lazyinit.lazy.Lazy;
import java.util.function.Supplier;
import org.apache.commons.lang3.concurrent.AtomicInitializer;

/**
 * Library baseline, <b>not safe for resources</b>: commons-lang3's {@link AtomicInitializer}.
 *
 * <p>Like {@code AtomicReferenceLazy}, racing threads may each run the initializer and one
 * {@code compareAndSet} wins. Unlike it, the losers' values are simply dropped: its closer runs only on the
 * installed value, at {@code close()}. For a cheap object that is fine, as its documentation says; for a store,
 * every loser is an open connection pool that nobody will close: the duplicate-pool leak again. The stampede
 * tests and proofs show it.
 *
 * @param <T> the value type
 */
public final class CommonsAtomicInitializerLazy<T extends AutoCloseable> extends CommonsInitializerAdapter<T> {

    /**
     * @param factory creates the value, possibly several times under a race
     */
    public CommonsAtomicInitializerLazy(Supplier<? extends T> factory) {
        this(AtomicInitializer.<T>builder()
                .setInitializer(() -> Lazy.requireCreated(factory, factory.get()))
                .setCloser(Lazy::closeValue)
                .get());
    }

    private CommonsAtomicInitializerLazy(AtomicInitializer<T> initializer) {
        super(initializer, initializer::isInitialized);
    }
}
