package dev.lazyinit.strategy;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

/**
 * One registry entry, written part by part: each call names what it sets, so that a reader of {@link Strategy}'s
 * catalogue tells the guarantees a strategy claims from those a control violates without counting arguments. A
 * built-in entry ends in {@link #register()}; {@link Strategy#provided} ends a provider's in {@link #offeredBy}, so
 * both are held to the same checks.
 */
final class Definition {

    private final String name;
    private final List<Strategy> catalogue;
    private String displayName;
    private String description;
    private Strategy.Builder builder;
    private final EnumSet<Guarantee> claims = EnumSet.noneOf(Guarantee.class);
    private final EnumSet<Guarantee> violates = EnumSet.noneOf(Guarantee.class);
    private final EnumSet<Guarantee> knownBlindSpots = EnumSet.noneOf(Guarantee.class);

    /**
     * @param name      the registry name
     * @param catalogue where {@link #register()} adds the strategy; {@code null} for a provider's, which the registry
     *                  lists itself
     */
    Definition(String name, List<Strategy> catalogue) {
        this.name = Objects.requireNonNull(name, "name");
        this.catalogue = catalogue;
    }

    /** @param displayName a human-readable name, for tables; a built-in control's starts with "BROKEN" */
    Definition shown(String displayName) {
        this.displayName = displayName;
        return this;
    }

    /** @param description one or two sentences on how it works and what it costs */
    Definition described(String description) {
        this.description = description;
        return this;
    }

    /** @param builder builds a cold holder: one method reference to the strategy's constructor */
    Definition builtBy(Strategy.Builder builder) {
        this.builder = builder;
        return this;
    }

    /** @param guarantees what the strategy promises: each is judged, and a layer that shows one broken fails */
    Definition claims(Guarantee... guarantees) {
        claims.addAll(List.of(guarantees));
        return this;
    }

    /**
     * Makes the entry a broken control, which exists to violate these guarantees: every layer of the suite required
     * to catch one must catch it. A control never claims what it violates.
     *
     * @param guarantees what it breaks on purpose
     */
    Definition violates(Guarantee... guarantees) {
        violates.addAll(List.of(guarantees));
        return this;
    }

    /**
     * @param guarantees of those it {@link #violates}, the ones no layer required to catch them can see (on every
     *                   machine): the teeth table shows the gap as such instead of failing
     */
    Definition knownBlindSpots(Guarantee... guarantees) {
        knownBlindSpots.addAll(List.of(guarantees));
        return this;
    }

    /**
     * @return the built-in strategy, checked, now last in the catalogue
     * @throws IllegalStateException    if it is not shown, described or built by anything
     * @throws IllegalArgumentException if it claims a guarantee it violates, or has a blind spot it does not violate
     */
    Strategy register() {
        if (catalogue == null) {
            throw new IllegalStateException(name + ": a provider's strategy is listed by the registry, not registered");
        }
        Strategy s = build(null);
        catalogue.add(s);
        return s;
    }

    /**
     * @param provider the name of the {@link StrategyProvider} that contributed it
     * @return the provider's strategy, checked
     * @throws IllegalStateException    if it is not shown, described or built by anything
     * @throws IllegalArgumentException if it claims a guarantee it violates, or has a blind spot it does not violate
     */
    Strategy offeredBy(String provider) {
        return build(Objects.requireNonNull(provider, "provider"));
    }

    private Strategy build(String provider) {
        if (displayName == null || description == null || builder == null) {
            throw new IllegalStateException(name + ": every strategy is shown(...), described(...) and builtBy(...)");
        }
        if (!violates.containsAll(knownBlindSpots)) {
            throw new IllegalArgumentException(name + ": a blind spot must be a guarantee it violates");
        }
        if (claims.stream().anyMatch(violates::contains)) {
            throw new IllegalArgumentException(name + ": a control cannot claim a guarantee it violates");
        }
        return new Strategy(name, provider, displayName, description, builder, claims, violates, knownBlindSpots);
    }
}
