package dev.lazyinit.jcstress.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazyinit.harness.contract.Layer;
import dev.lazyinit.harness.contract.ProofVerdicts.ProofVerdict;
import dev.lazyinit.harness.contract.Property;
import dev.lazyinit.harness.contract.StaticVerdicts;
import dev.lazyinit.harness.contract.StaticVerdicts.StaticVerdict;
import dev.lazyinit.harness.contract.Strength;
import dev.lazyinit.harness.contract.Teeth.Row;
import dev.lazyinit.harness.contract.VerdictKind;
import dev.lazyinit.jcstress.Lazy_02_ExactlyOnce_ATOMIC_REFERENCE;
import dev.lazyinit.jcstress.Proof;
import dev.lazyinit.jcstress.gate.ProofCatalog.Found;
import dev.lazyinit.jcstress.gate.TeethTable.Group;
import dev.lazyinit.jcstress.gate.TeethTable.Result;
import dev.lazyinit.strategy.Guarantee;
import dev.lazyinit.strategy.Strategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;

/**
 * The teeth table built end to end (rows collected from every layer, then judged), on verdicts made up for the
 * purpose: what a full run on x86 shows (every required row CAUGHT: the static layer catches each publication
 * control, SpotBugs the non-volatile DCL and the bytecode check the other two), and each way a row can be missing
 * or not caught. The rules alone: {@link TeethRulesTest}; reading the store's rows: {@link StoreTeethReaderTest}.
 */
class TeethTableTest {

    static final String BUG = "bug";
    static final BiPredicate<String, String> IS_BUG = (test, id) -> id.equals(BUG);

    /** Every proof of every strategy: CAUGHT where a control violates what the proof shows, else PASS. */
    static List<ProofVerdict> verdicts(Strategy notCaught, Property on) {
        List<ProofVerdict> verdicts = new ArrayList<>();
        for (Strategy s : Strategy.values()) {
            for (Property p : Property.values()) {
                boolean bug = s.violates().stream().anyMatch(g -> Layer.proofOf(g).equals(Optional.of(p)));
                boolean hidden = (s == notCaught && p == on) || p == Property.PUBLICATION; // x86: never shows
                VerdictKind kind = !bug ? VerdictKind.PASS : hidden ? VerdictKind.NOT_OBSERVED : VerdictKind.CAUGHT;
                verdicts.add(new ProofVerdict(s.name(), p, kind, 1000, "dev.lazyinit.jcstress.Lazy_0x_" + s.name(),
                        kind == VerdictKind.CAUGHT ? Map.of(BUG, 10L, "fine", 990L) : Map.of("fine", 1000L), "made up"));
            }
        }
        return verdicts;
    }

    static TeethInput<StaticVerdicts> staticLayer() {
        return staticLayer(null);
    }

    /** The static layer's verdicts: every control that violates safe publication CAUGHT, but {@code notCaught}. */
    static TeethInput<StaticVerdicts> staticLayer(Strategy notCaught) {
        List<StaticVerdict> verdicts = new ArrayList<>();
        for (Strategy s : Strategy.values()) {
            VerdictKind kind = !s.violates().contains(Guarantee.SAFE_PUBLICATION) ? VerdictKind.PASS
                    : s == notCaught ? VerdictKind.NOT_OBSERVED : VerdictKind.CAUGHT;
            verdicts.add(new StaticVerdict(s.name(), List.of("dev.lazyinit.lazy.X"), kind, Strength.NONE, List.of(),
                    "made up"));
        }
        return TeethInput.of(new StaticVerdicts(StaticVerdicts.FORMAT, "SpotBugs", "made up", "now", verdicts,
                List.of()), "made up");
    }

    static TeethInput<StaticVerdicts> dynamicLayer() {
        return dynamicLayer(null);
    }

    /**
     * The dynamic layer's verdicts as VMLens gives them: every control that violates safe publication CAUGHT but
     * the VarHandle one (not traced: NOT_OBSERVED), and but {@code notCaught}.
     */
    static TeethInput<StaticVerdicts> dynamicLayer(Strategy notCaught) {
        List<StaticVerdict> verdicts = new ArrayList<>();
        for (Strategy s : Strategy.values()) {
            VerdictKind kind = !s.violates().contains(Guarantee.SAFE_PUBLICATION) ? VerdictKind.PASS
                    : s == notCaught || s == Strategy.BROKEN_DCL_VAR_HANDLE_PLAIN ? VerdictKind.NOT_OBSERVED
                    : VerdictKind.CAUGHT;
            verdicts.add(new StaticVerdict(s.name(), List.of("dev/lazyinit/lazy/X.value"), kind, Strength.NONE,
                    List.of(), "made up"));
        }
        return TeethInput.of(new StaticVerdicts(StaticVerdicts.FORMAT, "VMLens", "made up", "now", verdicts,
                List.of()), "made up");
    }

    static TeethInput<List<Row>> store(VerdictKind waiters) {
        return TeethInput.of(List.of(new Row(Guarantee.WAITERS_CAN_GIVE_UP,
                Strategy.BROKEN_UNINTERRUPTIBLE_WAIT.name(), Layer.STORE,
                "FailureSemanticsTest.interruptedWaiterGivesUp", waiters, 20, "made up")), "made up");
    }

    static Group group(TeethTable t, Guarantee g, Strategy control) {
        return t.groups().stream().filter(gr -> gr.guarantee() == g && gr.control().equals(control.name()))
                .findFirst().orElseThrow();
    }

    @Test
    void aFullRunOnX86Passes() {
        TeethTable t = TeethTable.build(verdicts(null, null), IS_BUG, null, staticLayer(), dynamicLayer(),
                store(VerdictKind.CAUGHT));
        assertThat(t.failures()).isEmpty();
        for (Strategy s : Strategy.brokenControls()) {
            for (Guarantee g : s.violates()) {
                assertThat(group(t, g, s).result()).as(s + " " + g).isEqualTo(
                        s.knownBlindSpots().contains(g) ? Result.KNOWN_BLIND_SPOT : Result.CAUGHT);
            }
        }
        assertThat(Strategy.brokenControls()).as("no control is marked a known blind spot any more")
                .allSatisfy(s -> assertThat(s.knownBlindSpots()).isEmpty());
        for (Strategy s : List.of(Strategy.BROKEN_DCL_VAR_HANDLE_PLAIN, Strategy.BROKEN_FINAL_WRAPPER_NON_FINAL)) {
            Group publication = group(t, Guarantee.SAFE_PUBLICATION, s);
            assertThat(publication.result()).as(s.name()).isEqualTo(Result.CAUGHT);
            assertThat(publication.lines()).filteredOn(TeethTable.Line::required)
                    .extracting(l -> l.row().layer().id() + " " + l.row().verdict().label())
                    .containsExactly("static CAUGHT", s == Strategy.BROKEN_DCL_VAR_HANDLE_PLAIN
                            ? "dynamic NOT_OBSERVED" : "dynamic CAUGHT");
        }
        Group exactlyOnce = group(t, Guarantee.EXACTLY_ONCE, Strategy.BROKEN_UNSYNCHRONIZED);
        assertThat(exactlyOnce.lines()).singleElement().satisfies(l -> {
            assertThat(l.row().layer()).isEqualTo(Layer.JCSTRESS);
            assertThat(l.row().samples()).isEqualTo(1000);
            assertThat(l.row().observed()).isEqualTo("\"bug\" x10");
        });
    }

    /** A publication control the static layer does not catch is no longer a blind spot: it fails the build. */
    @Test
    void aPublicationControlTheStaticLayerMissesFailsTheBuild() {
        TeethTable t = TeethTable.build(verdicts(null, null), IS_BUG, null,
                staticLayer(Strategy.BROKEN_DCL_VAR_HANDLE_PLAIN), dynamicLayer(), store(VerdictKind.CAUGHT));
        assertThat(group(t, Guarantee.SAFE_PUBLICATION, Strategy.BROKEN_DCL_VAR_HANDLE_PLAIN).result())
                .isEqualTo(Result.MISSED);
        assertThat(t.failures()).singleElement().asString()
                .contains("BROKEN_DCL_VAR_HANDLE_PLAIN violates SAFE_PUBLICATION");
    }

    @Test
    void aRequiredJcstressRowThatIsNotCaughtFailsTheBuild() {
        TeethTable t = TeethTable.build(verdicts(Strategy.BROKEN_NO_RETRY, Property.FAILURE_THEN_ACCESS), IS_BUG,
                null, staticLayer(), dynamicLayer(), store(VerdictKind.CAUGHT));
        assertThat(group(t, Guarantee.RETRIES_AFTER_FAILURE, Strategy.BROKEN_NO_RETRY).result())
                .isEqualTo(Result.MISSED);
        assertThat(t.failures()).singleElement().asString().contains("BROKEN_NO_RETRY violates RETRIES_AFTER_FAILURE");
    }

    @Test
    void aPublicationRowOfJcstressIsShownButNotRequired() {
        TeethTable t = TeethTable.build(verdicts(null, null), IS_BUG, null, staticLayer(), dynamicLayer(), store(VerdictKind.CAUGHT));
        Group dcl = group(t, Guarantee.SAFE_PUBLICATION, Strategy.BROKEN_DCL_NON_VOLATILE);
        assertThat(dcl.result()).isEqualTo(Result.CAUGHT);
        assertThat(dcl.lines()).extracting(l -> l.row().layer().id() + " " + l.required() + " " + l.row().verdict().label())
                .containsExactly("static true CAUGHT", "dynamic true CAUGHT", "jcstress false NOT_OBSERVED");
    }

    /** One of the two publication layers catching the control is enough; neither is a failure naming both. */
    @Test
    void eitherPublicationLayerCatchingTheControlIsEnough() {
        TeethTable dynamicOnly = TeethTable.build(verdicts(null, null), IS_BUG, null,
                staticLayer(Strategy.BROKEN_DCL_NON_VOLATILE), dynamicLayer(), store(VerdictKind.CAUGHT));
        assertThat(group(dynamicOnly, Guarantee.SAFE_PUBLICATION, Strategy.BROKEN_DCL_NON_VOLATILE).why())
                .isEqualTo("caught by dynamic");
        assertThat(dynamicOnly.failures()).isEmpty();
        TeethTable neither = TeethTable.build(verdicts(null, null), IS_BUG, null,
                staticLayer(Strategy.BROKEN_DCL_NON_VOLATILE), dynamicLayer(Strategy.BROKEN_DCL_NON_VOLATILE),
                store(VerdictKind.CAUGHT));
        assertThat(neither.failures()).singleElement().asString()
                .contains("BROKEN_DCL_NON_VOLATILE violates SAFE_PUBLICATION", "static NOT_OBSERVED",
                        "dynamic NOT_OBSERVED");
    }

    @Test
    void withoutTheStoreTestsTheStoreRowsAreNotJudgedAndDoNotFail() {
        TeethTable t = TeethTable.build(verdicts(null, null), IS_BUG, null, staticLayer(), dynamicLayer(),
                TeethInput.missing("no teeth files", true));
        assertThat(group(t, Guarantee.WAITERS_CAN_GIVE_UP, Strategy.BROKEN_UNINTERRUPTIBLE_WAIT).result())
                .isEqualTo(Result.NOT_JUDGED);
        assertThat(t.failures()).isEmpty();
    }

    @Test
    void storeRowsThatDoNotCatchTheControlOrLackItFail() {
        TeethTable notCaught = TeethTable.build(verdicts(null, null), IS_BUG, null, staticLayer(), dynamicLayer(),
                store(VerdictKind.NOT_OBSERVED));
        assertThat(notCaught.failures()).singleElement().asString().contains("WAITERS_CAN_GIVE_UP");
        TeethTable noRow = TeethTable.build(verdicts(null, null), IS_BUG, null, staticLayer(), dynamicLayer(),
                TeethInput.of(List.of(), "a file without that row"));
        assertThat(group(noRow, Guarantee.WAITERS_CAN_GIVE_UP, Strategy.BROKEN_UNINTERRUPTIBLE_WAIT).result())
                .isEqualTo(Result.MISSED);
    }

    @Test
    void aMissingStaticLayerFailsUnlessItWasNotGiven() {
        TeethTable missing = TeethTable.build(verdicts(null, null), IS_BUG, null,
                TeethInput.missing("neither file exists", false),
                TeethInput.missing("not given (--dynamic)", true), store(VerdictKind.CAUGHT));
        assertThat(missing.failures()).as("one failure per control that violates safe publication")
                .hasSize(3).allSatisfy(f -> assertThat(f).contains("violates SAFE_PUBLICATION"))
                .anySatisfy(f -> assertThat(f).contains("BROKEN_DCL_NON_VOLATILE"))
                .anySatisfy(f -> assertThat(f).contains("BROKEN_DCL_VAR_HANDLE_PLAIN"))
                .anySatisfy(f -> assertThat(f).contains("BROKEN_FINAL_WRAPPER_NON_FINAL"));
        TeethTable notGiven = TeethTable.build(verdicts(null, null), IS_BUG, null,
                TeethInput.missing("not given (--static)", true),
                TeethInput.missing("not given (--dynamic)", true), store(VerdictKind.CAUGHT));
        assertThat(notGiven.failures()).isEmpty();
        assertThat(group(notGiven, Guarantee.SAFE_PUBLICATION, Strategy.BROKEN_DCL_NON_VOLATILE).result())
                .isEqualTo(Result.NOT_JUDGED);
    }

    @Test
    void aPartialRunDoesNotJudgeTheProofsItLeftOut() {
        List<ProofVerdict> partial = verdicts(null, null).stream().map(v -> v.property() != Property.SAME_INSTANCE ? v
                : new ProofVerdict(v.strategy(), v.property(), VerdictKind.NOT_APPLICABLE, 0, v.test(), Map.of(),
                        "not selected by --only X")).toList();
        TeethTable t = TeethTable.build(partial, IS_BUG, "--only X", staticLayer(), dynamicLayer(), store(VerdictKind.CAUGHT));
        assertThat(group(t, Guarantee.SAME_INSTANCE, Strategy.BROKEN_UNSYNCHRONIZED).result())
                .isEqualTo(Result.NOT_JUDGED);
        assertThat(t.failures()).isEmpty();
        TeethTable full = TeethTable.build(partial, IS_BUG, null, staticLayer(), dynamicLayer(), store(VerdictKind.CAUGHT));
        assertThat(full.failures()).singleElement().asString().contains("SAME_INSTANCE");
    }

    @Test
    void aPassWithoutItsMustSeeOutcomeFailsTheGate() {
        Class<?> type = Lazy_02_ExactlyOnce_ATOMIC_REFERENCE.class;
        Found f = new Found(type.getName(), type, type.getAnnotation(Proof.class));
        assertThat(f.proof().mustSee()).containsExactly("2 created, extra closed");
        ProofVerdict unexercised = new ProofVerdict(Strategy.ATOMIC_REFERENCE.name(), Property.EXACTLY_ONCE,
                VerdictKind.PASS, 1000, f.test(), Map.of("1 created", 1000L), "no forbidden outcome");
        assertThat(Judge.failure(unexercised, f)).contains("PASS without the outcome it must see");
        ProofVerdict exercised = new ProofVerdict(Strategy.ATOMIC_REFERENCE.name(), Property.EXACTLY_ONCE,
                VerdictKind.PASS, 1000, f.test(), Map.of("1 created", 990L, "2 created, extra closed", 10L), "ok");
        assertThat(Judge.failure(exercised, f)).isNull();
    }
}
