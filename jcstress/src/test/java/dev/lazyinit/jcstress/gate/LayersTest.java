package dev.lazyinit.jcstress.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazyinit.harness.contract.Layer;
import dev.lazyinit.harness.contract.ProofVerdicts;
import dev.lazyinit.harness.contract.ProofVerdicts.ProofVerdict;
import dev.lazyinit.harness.contract.Property;
import dev.lazyinit.harness.contract.StaticVerdicts;
import dev.lazyinit.harness.contract.StaticVerdicts.StaticVerdict;
import dev.lazyinit.harness.contract.Strength;
import dev.lazyinit.harness.contract.VerdictKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How the static and dynamic layers enter the gate: a publication PASS that JCStress could not have failed (x86)
 * becomes discriminating only where a layer that caught a control passed the strategy, and the providers' run's
 * verdicts merge into the conformance module's without hiding a verdict either judged.
 */
class LayersTest {

    private static final ProofVerdict X86_PASS = new ProofVerdict("DOUBLE_CHECKED", Property.PUBLICATION,
            VerdictKind.PASS, Strength.UNDISCRIMINATED, 1_000, "Lazy_01", Map.of(), "ok",
            "undiscriminated: no control");

    private static StaticVerdicts layer(String strategy, VerdictKind kind, Strength strength) {
        return new StaticVerdicts(StaticVerdicts.FORMAT, "tool", "settings", "now",
                List.of(new StaticVerdict(strategy, List.of(), kind, strength, List.of(), "note " + strategy)),
                List.of());
    }

    @Test
    void aLayerThatCaughtAControlAndPassedTheStrategyMakesThePassDiscriminating() {
        ProofVerdict v = ProofVerdicts.withLayers(List.of(X86_PASS), Map.of(Layer.DYNAMIC,
                layer("DOUBLE_CHECKED", VerdictKind.PASS, Strength.DISCRIMINATING))).get(0);
        assertThat(v.strength()).isEqualTo(Strength.DISCRIMINATING);
        assertThat(v.remark()).startsWith("ok; discriminating through the dynamic layer").doesNotContain("undiscrim");

        ProofVerdict both = ProofVerdicts.withLayers(List.of(X86_PASS), Map.of(
                Layer.DYNAMIC, layer("DOUBLE_CHECKED", VerdictKind.PASS, Strength.DISCRIMINATING),
                Layer.STATIC, layer("DOUBLE_CHECKED", VerdictKind.PASS, Strength.DISCRIMINATING))).get(0);
        assertThat(both.remark()).as("named in Layer order, whatever the map's").startsWith(
                "ok; discriminating through the static and dynamic layers,");
    }

    /** The strength's reason is a field: judged again (merged runs), it is replaced, never read back or doubled. */
    @Test
    void judgingTheStrengthAgainReplacesItsReason() {
        ProofVerdict pass = new ProofVerdict("DOUBLE_CHECKED", Property.PUBLICATION, VerdictKind.PASS, 1, "Lazy_01",
                Map.of(), "ok");
        List<ProofVerdict> once = ProofVerdicts.withStrength(List.of(pass));
        assertThat(ProofVerdicts.withStrength(once)).isEqualTo(once);
        assertThat(once.get(0).note()).isEqualTo("ok");
        assertThat(once.get(0).remark()).isEqualTo("ok; undiscriminated: no control breaks publication in this proof");
    }

    /** The negative controls: a layer that could not have failed either, or that did not pass it, changes nothing. */
    @Test
    void anUndiscriminatedOrMissingLayerVerdictChangesNothing() {
        assertThat(ProofVerdicts.withLayers(List.of(X86_PASS), Map.of(
                Layer.STATIC, layer("DOUBLE_CHECKED", VerdictKind.PASS, Strength.UNDISCRIMINATED),
                Layer.DYNAMIC, layer("DOUBLE_CHECKED", VerdictKind.NOT_APPLICABLE, Strength.NONE))))
                .containsExactly(X86_PASS);
        assertThat(ProofVerdicts.withLayers(List.of(X86_PASS), Map.of(
                Layer.STATIC, layer("SYNCHRONIZED", VerdictKind.PASS, Strength.DISCRIMINATING))))
                .as("a layer that passed another strategy").containsExactly(X86_PASS);
        ProofVerdict sameInstance = new ProofVerdict("DOUBLE_CHECKED", Property.SAME_INSTANCE, VerdictKind.PASS,
                Strength.UNDISCRIMINATED, 1, "Lazy_02", Map.of(), "n", "undiscriminated: no control");
        assertThat(ProofVerdicts.withLayers(List.of(sameInstance), Map.of(Layer.STATIC,
                layer("DOUBLE_CHECKED", VerdictKind.PASS, Strength.DISCRIMINATING))))
                .as("the layers judge publication only").containsExactly(sameInstance);
    }

    @Test
    void theProvidersVerdictsFillOnlyWhatTheStoreRunLeftUnjudged() {
        StaticVerdicts store = new StaticVerdicts(StaticVerdicts.FORMAT, "tool", "store", "now", List.of(
                new StaticVerdict("DOUBLE_CHECKED", List.of(), VerdictKind.PASS, Strength.DISCRIMINATING, List.of(),
                        "store"),
                new StaticVerdict("BROKEN_DCL_NON_VOLATILE", List.of(), VerdictKind.CAUGHT, Strength.NONE, List.of(),
                        "store")), List.of());
        StaticVerdicts provided = new StaticVerdicts(StaticVerdicts.FORMAT, "tool", "provided", "now", List.of(
                new StaticVerdict("DOUBLE_CHECKED", List.of(), VerdictKind.NOT_APPLICABLE, Strength.NONE, List.of(),
                        "out of scope"),
                new StaticVerdict("BROKEN_DCL_NON_VOLATILE", List.of(), VerdictKind.CAUGHT, Strength.NONE, List.of(),
                        "provided"),
                new StaticVerdict("USER_DCL", List.of(), VerdictKind.FAIL, Strength.NONE, List.of(), "provided")),
                List.of());
        StaticVerdicts merged = StaticVerdicts.merge(List.of(store, provided));
        assertThat(merged.verdicts()).extracting(v -> v.strategy() + " " + v.verdict() + " " + v.note())
                .containsExactly("DOUBLE_CHECKED PASS store", "BROKEN_DCL_NON_VOLATILE CAUGHT store",
                        "USER_DCL FAIL provided");
        assertThat(merged.settings()).isEqualTo("store; provided");
    }
}
