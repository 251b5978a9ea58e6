package dev.lazyinit.harness.contract;

/**
 * How much a PASS is worth. A check that passes is evidence only if it could have failed: if a control that breaks
 * the same property was CAUGHT by the same check in the same results, the PASS discriminates; if not (on x86 no
 * JCStress run shows the non-volatile DCL's partly built value), the PASS could not have failed there and says so.
 */
public enum Strength {

    /** A PASS that could have failed: a control that breaks the same property was CAUGHT by the same check. */
    DISCRIMINATING(""),
    /** A PASS that could not have failed here: no control that breaks the property was caught in these results. */
    UNDISCRIMINATED(" (undiscriminated)"),
    /** Not a PASS, so strength does not apply. */
    NONE("");

    private final String suffix;

    Strength(String suffix) {
        this.suffix = suffix;
    }

    /**
     * @param verdict a verdict
     * @return how tables show it with this strength, for example {@code PASS (undiscriminated)}
     */
    public String shown(VerdictKind verdict) {
        return verdict.label() + suffix;
    }
}
