package dev.lazyinit.harness.contract;

import dev.lazyinit.strategy.Guarantee;
import dev.lazyinit.strategy.Strategy;

/**
 * The memory-model properties proven for every strategy in the {@link Strategy} registry, one JCStress test
 * each. Defined in the harness's contract, not beside {@link Guarantee} in the product, so that the proofs, the
 * verdicts file and the report share one
 * list; the ids are the {@code property} values of the verdicts file.
 */
public enum Property {

    PUBLICATION("publication"),
    EXACTLY_ONCE("exactly-once"),
    SAME_INSTANCE("same-instance"),
    FAILURE_THEN_ACCESS("failure-then-access"),
    CLOSE_VS_GET("close-vs-get"),
    HOLDER_RACE("holder-race");

    private final String id;

    Property(String id) {
        this.id = id;
    }

    /** @return the short id used in tables, file names and the verdicts file */
    public String id() {
        return id;
    }

    /**
     * Whether the property applies to a strategy. Only the holder-race does not apply everywhere: it is the
     * race through a class's first initialization, which exists only for strategies whose laziness lives in a
     * class rather than in a holder object (those without {@link Guarantee#PER_INSTANCE}). A per-instance
     * holder is cold by construction in every sample, so its ordinary proofs already are first-use races. A
     * provider's strategy never gets it, claimed per-instance or not: the race needs a fresh copy of the holder's
     * class for every sample, which only the suite's own holder idiom builds (a provider that leaves
     * {@code PER_INSTANCE} unclaimed is not judged on scope).
     *
     * @param strategy a registry entry
     * @return whether a proof of this property must exist for it
     */
    public boolean appliesTo(Strategy strategy) {
        return this != HOLDER_RACE || !strategy.provided() && !strategy.guarantees(Guarantee.PER_INSTANCE);
    }
}
