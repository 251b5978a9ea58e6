package dev.lazyinit.harness.contract;

/**
 * What a proof concluded for one strategy and one {@link Property}: the verdicts of the JCStress gate, as the
 * verdicts file, the gate's summary and the report show them.
 */
public enum VerdictKind {

    /** Every outcome the strategy's guarantees allow, and nothing else, in every sample. */
    PASS("PASS"),
    /** A forbidden outcome, an error, or no result: the strategy does not hold what it claims. */
    FAIL("FAIL"),
    /** A broken control's bug was observed: the proof can catch it. */
    CAUGHT("CAUGHT"),
    /** A broken control's bug was allowed but not observed in the samples: proven possible, not seen here. */
    NOT_OBSERVED("NOT_OBSERVED"),
    /** The property does not apply, or the strategy cannot be built on this JVM. */
    NOT_APPLICABLE("N/A");

    private final String label;

    VerdictKind(String label) {
        this.label = label;
    }

    /** @return how tables show it */
    public String label() {
        return label;
    }
}
