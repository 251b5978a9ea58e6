package dev.lazyinit.jcstress;

import dev.lazyinit.strategy.Guarantee;
import dev.lazyinit.strategy.Strategy;

/**
 * The properties proven for every strategy in the {@link Strategy} registry, one JCStress test each.
 * The ids are the {@code property} keys of {@code target/jcstress-verdicts.json}.
 */
public enum Property {

    PUBLICATION("publication", "Lazy_01_Publication"),
    EXACTLY_ONCE("exactly-once", "Lazy_02_ExactlyOnce"),
    SAME_INSTANCE("same-instance", "Lazy_03_SameInstance"),
    FAILURE_THEN_ACCESS("failure-then-access", "Lazy_04_FailureThenAccess"),
    CLOSE_VS_GET("close-vs-get", "Lazy_05_CloseVsGet"),
    HOLDER_RACE("holder-race", "Lazy_06_HolderRace");

    private final String id;
    private final String topic;

    Property(String id, String topic) {
        this.id = id;
        this.topic = topic;
    }

    /** @return the id used in the summary and the JSON */
    public String id() {
        return id;
    }

    /** @return the hand-written class that explains the proof; generated tests are named topic_STRATEGY */
    public String topic() {
        return topic;
    }

    /**
     * Whether the property applies to a strategy. Only the holder-race does not apply everywhere: it is the
     * race through a class's first initialization, which exists only for strategies whose laziness lives in a
     * class rather than in a holder object (those without {@link Guarantee#PER_INSTANCE}). A per-instance
     * holder is cold by construction in every sample, so its ordinary proofs already are first-use races.
     *
     * <p>GenerateProofs (src/build/java) applies the same rule when it writes the tests; if the two ever
     * disagree the gate fails with a missing or an unexpected proof, never silently.
     *
     * @param strategy a registry entry
     * @return whether a proof of this property must exist for it
     */
    public boolean appliesTo(Strategy strategy) {
        return this != HOLDER_RACE || !strategy.guarantees(Guarantee.PER_INSTANCE);
    }
}
