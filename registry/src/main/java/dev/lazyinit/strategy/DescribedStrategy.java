package dev.lazyinit.strategy;

import dev.lazyinit.lazy.Lazy;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A strategy known only by its description, as a results folder records it ({@code strategies.json}): a report can
 * show it and judge its claims against the folder's verdicts, but no holder of it can be built, because the jar of
 * the provider that holds its class is not on this class path. Held to the same rules as a provider's offer.
 */
public final class DescribedStrategy {

    private DescribedStrategy() {
    }

    /**
     * @param name            the registry name it had
     * @param provider        the {@link StrategyProvider} that contributed it
     * @param displayName     its human-readable name
     * @param description     how it works and what it costs
     * @param claims          what it promised
     * @param violates        for a control, what it violates on purpose
     * @param knownBlindSpots of those, what no required layer can see
     * @return a strategy that is never {@link Strategy#available() available}: building a holder of it throws
     * @throws IllegalArgumentException if the description breaks the registry's rules, as a provider's offer would
     */
    public static Strategy of(String name, String provider, String displayName, String description,
                              Set<Guarantee> claims, Set<Guarantee> violates, Set<Guarantee> knownBlindSpots) {
        String why = "described by a results folder only: the jar of its provider " + provider
                + " is not on this class path";
        Strategy.Builder none = new Strategy.Builder() {
            @Override
            public <T extends AutoCloseable> Lazy<T> build(Supplier<? extends T> factory) {
                throw new UnsupportedOperationException(name + " " + why);
            }

            @Override
            public String unavailableReason() {
                return why;
            }
        };
        return new Definition(name, null).shown(displayName).described(description).builtBy(none)
                .claims(claims.toArray(Guarantee[]::new)).violates(violates.toArray(Guarantee[]::new))
                .knownBlindSpots(knownBlindSpots.toArray(Guarantee[]::new)).offeredBy(provider);
    }
}
