package dev.lazyinit.strategy;

import dev.lazyinit.lazy.Lazy;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * One strategy a {@link StrategyProvider} contributes: what the registry needs to test, prove and measure it.
 *
 * <p>The guarantees are names of {@link Guarantee} constants, read when the registry loads, so that a jar built
 * against another version of the suite gets a clear error for a name this one does not know rather than a
 * linkage error halfway through a run.
 *
 * <p>What the suite promises a provider's holder: the factory it is given never returns {@code null} (a factory that
 * would throws {@link IllegalStateException} instead, before the holder sees it), so a library that caches
 * {@code null} as a value needs no care; and the factory is called only from {@code get()}.
 *
 * @param name the registry name: upper case, digits and underscores, starting with a letter ({@code VAVR_LAZY});
 *             it names generated proof classes and benchmark parameters
 * @param displayName a human-readable name for tables
 * @param description one or two sentences on how it works and what it costs
 * @param claims the names of the {@link Guarantee}s it promises ({@code "EXACTLY_ONCE"}, ...): each is judged, and a
 *               layer that shows one broken fails the build; a guarantee not named here is observed and reported,
 *               never failed
 * @param violates for a control only (a holder wrong on purpose, to show the suite catches it): the names of the
 *                 guarantees it breaks; the suite then requires its layers to catch each. Empty for a holder you use
 * @param knownBlindSpots of {@code violates}, those no layer can see on any machine, shown as such in the teeth table
 *                        instead of failing it
 * @param builder adapts the user's holder to {@link Lazy}: a constructor reference or a lambda
 */
public record ProvidedStrategy(String name, String displayName, String description, List<String> claims,
                               List<String> violates, List<String> knownBlindSpots, Builder builder) {

    /**
     * How a provider builds a cold holder. Not generic, so a constructor reference ({@code MyHolder::new}, with a
     * constructor taking {@code Supplier<T>} or {@code Supplier<? extends T>}) and a lambda
     * ({@code f -> new MyHolder<>(f)}) both fit.
     */
    @FunctionalInterface
    public interface Builder {
        /**
         * @param factory creates the value; never returns {@code null}
         * @return a new, cold holder whose first {@code get()} calls {@code factory}
         */
        Lazy<AutoCloseable> build(Supplier<AutoCloseable> factory);

        /**
         * For a library holder that is only a memoizing supplier, with no "created yet?" query and no close
         * (Guava's {@code Suppliers::memoize}, Micronaut's {@code SupplierUtil::memoized}, ...): wraps it in
         * {@link MemoizedLazy}, which derives {@code isInitialized()} and adds {@code close()}.
         *
         * @param memoizer turns a supplier into the library's memoizing one
         * @return the builder
         */
        static Builder memoizing(UnaryOperator<Supplier<AutoCloseable>> memoizer) {
            Objects.requireNonNull(memoizer, "memoizer");
            return factory -> new MemoizedLazy<>(factory, memoizer);
        }
    }

    /** Copies the lists; {@code null} anywhere is an error. */
    public ProvidedStrategy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(builder, "builder");
        claims = List.copyOf(claims);
        violates = List.copyOf(violates);
        knownBlindSpots = List.copyOf(knownBlindSpots);
    }

    /**
     * A holder you use: it claims {@code claims} and is no control.
     *
     * @param name the registry name
     * @param displayName a human-readable name
     * @param description how it works and what it costs
     * @param claims the names of the guarantees it promises
     * @param builder adapts the holder to {@link Lazy}
     */
    public ProvidedStrategy(String name, String displayName, String description, List<String> claims,
                            Builder builder) {
        this(name, displayName, description, claims, List.of(), List.of(), builder);
    }
}
