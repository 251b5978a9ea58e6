package dev.lazyinit.harness.contract;

import dev.lazyinit.strategy.DescribedStrategy;
import dev.lazyinit.strategy.Guarantee;
import dev.lazyinit.strategy.Strategy;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The strategies a run measured, as the registry described them then ({@code strategies.json} in a results folder):
 * so that the folder describes itself, and a report of it shows and judges a provider's strategies without that
 * provider's jar on the class path.
 *
 * @param format {@link #FORMAT}
 * @param strategies every strategy of the run's registry, in its order: built-in first, then every provider's
 */
public record StrategyCatalog(String format, List<Entry> strategies) implements Versioned {

    /** The format this build writes and reads. */
    public static final String FORMAT = "lazyinit-strategies/1";

    public StrategyCatalog {
        strategies = List.copyOf(strategies);
    }

    /**
     * One strategy, as the registry described it.
     *
     * @param name the registry name
     * @param provider the provider that contributed it; {@code null} for a built-in one
     * @param displayName its human-readable name
     * @param description how it works and what it costs
     * @param claims what it promises
     * @param violates for a broken control, what it violates on purpose; empty otherwise
     * @param knownBlindSpots of those, what no required layer can see
     */
    public record Entry(String name, String provider, String displayName, String description, Set<Guarantee> claims,
                        Set<Guarantee> violates, Set<Guarantee> knownBlindSpots) {
        public Entry {
            claims = enums(claims); // in the enum's order, so the file reads the same from run to run
            violates = enums(violates);
            knownBlindSpots = enums(knownBlindSpots);
        }

        static Entry of(Strategy s) {
            return new Entry(s.name(), s.provider().orElse(null), s.displayName(), s.description(), s.guarantees(),
                    s.violates(), s.knownBlindSpots());
        }

        Strategy describedOnly() {
            return DescribedStrategy.of(name, provider == null ? "unknown" : provider, displayName, description,
                    claims, violates, knownBlindSpots);
        }

        private static Set<Guarantee> enums(Set<Guarantee> set) {
            EnumSet<Guarantee> copy = EnumSet.noneOf(Guarantee.class);
            copy.addAll(set);
            return Collections.unmodifiableSet(copy);
        }
    }

    /**
     * @param strategies the registry's strategies, in its order
     * @return their descriptions
     */
    public static StrategyCatalog of(Collection<Strategy> strategies) {
        return new StrategyCatalog(FORMAT, strategies.stream().map(Entry::of).toList());
    }

    /** @return this JVM's whole registry, described */
    public static StrategyCatalog ofRegistry() {
        return of(Arrays.asList(Strategy.values()));
    }

    /**
     * The strategies to report on, in the run's order. A strategy this JVM's registry has under the same name is
     * that strategy (a built-in constant stays itself); any other (a provider's, whose jar is not on this class path)
     * is {@link DescribedStrategy described only}.
     *
     * @return one strategy per entry
     */
    public List<Strategy> resolve() {
        Map<String, Strategy> live = Arrays.stream(Strategy.values())
                .collect(Collectors.toMap(Strategy::name, Function.identity()));
        return strategies.stream().map(e -> Optional.ofNullable(live.get(e.name())).orElseGet(e::describedOnly))
                .toList();
    }
}
