package dev.lazyinit.strategy;

import java.util.List;
import java.util.Objects;

/**
 * One strategy a {@link StrategyProvider} contributes: what the registry needs to test, prove and measure it.
 *
 * <p>The guarantees are names of {@link Guarantee} constants, read when the registry loads, so that a jar built
 * against another version of the suite gets a clear error for a name this one does not know rather than a
 * linkage error halfway through a run.
 *
 * @param name the registry name: upper case, digits and underscores, starting with a letter ({@code VAVR_LAZY});
 *             it names generated proof classes and benchmark parameters
 * @param displayName a human-readable name for tables
 * @param description one or two sentences on how it works and what it costs
 * @param claims the names of the {@link Guarantee}s it promises ({@code "EXACTLY_ONCE"}, ...)
 * @param builder adapts the user's holder to {@link dev.lazyinit.lazy.Lazy}
 */
public record ProvidedStrategy(String name, String displayName, String description, List<String> claims,
                               Strategy.Builder builder) {

    /** Copies {@code claims}; {@code null} anywhere is an error. */
    public ProvidedStrategy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(builder, "builder");
        claims = List.copyOf(claims);
    }
}
