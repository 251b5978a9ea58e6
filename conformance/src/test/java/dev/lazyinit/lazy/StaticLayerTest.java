package dev.lazyinit.lazy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazyinit.harness.contract.Codec;
import dev.lazyinit.harness.contract.ResultsLayout;
import dev.lazyinit.harness.contract.StaticVerdicts;
import dev.lazyinit.harness.contract.StaticVerdicts.StaticVerdict;
import dev.lazyinit.harness.contract.Strength;
import dev.lazyinit.harness.contract.VerdictKind;
import dev.lazyinit.harness.staticlayer.BytecodeCheck;
import dev.lazyinit.harness.staticlayer.StaticLayer;
import dev.lazyinit.strategy.Guarantee;
import dev.lazyinit.strategy.Strategy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The static layer, judged: SpotBugs (run by the holders module's build over its classes, in its verify phase) must
 * flag the non-volatile
 * DCL control, the bytecode check the plain VarHandle DCL and the non-final wrapper controls, and neither may find
 * anything in a strategy that claims safe publication. Writes
 * {@code target/static-layer/static-verdicts.json} for the gate and the report, and prints the table.
 *
 * <p>What a failure here means: either a correct holder gained a shape SpotBugs considers unsafe (read its
 * message), or the control is no longer flagged, so the layer lost its teeth on the one bug it exists for.
 */
@Tag("integration")
class StaticLayerTest {

    /** SpotBugs' report, where the holders module's build wrote it (this test's working folder is its module's). */
    static final Path SPOTBUGS_REPORT = ResultsLayout.at(Path.of("..")).holders(ResultsLayout.SPOTBUGS_REPORT);
    static final String SETTINGS = StaticLayer.SETTINGS + ", classes dev.lazyinit.lazy.*";

    static StaticVerdicts verdicts;

    @BeforeAll
    static void judge() throws IOException {
        verdicts = StaticLayer.judge(SPOTBUGS_REPORT, SETTINGS);
        Codec.write(ResultsLayout.STATIC_VERDICTS, verdicts);
        System.out.print(verdicts.table("static layer", strategy -> true));
    }

    @Test
    void nonVolatileDclControlIsFlagged() {
        StaticVerdict control = verdicts.find(Strategy.BROKEN_DCL_NON_VOLATILE.name()).orElseThrow();
        assertThat(control.verdict()).as(control.note()).isEqualTo(VerdictKind.CAUGHT);
        assertThat(control.findings()).extracting(StaticVerdicts.Finding::pattern).contains("DC_DOUBLECHECK");
    }

    @Test
    void plainVarHandleDclControlIsFlaggedByTheBytecodeCheck() {
        StaticVerdict control = verdicts.find(Strategy.BROKEN_DCL_VAR_HANDLE_PLAIN.name()).orElseThrow();
        assertThat(control.verdict()).as(control.note()).isEqualTo(VerdictKind.CAUGHT);
        assertThat(control.findings()).extracting(StaticVerdicts.Finding::pattern)
                .contains(BytecodeCheck.VARHANDLE_PLAIN);
    }

    @Test
    void nonFinalWrapperControlIsFlaggedByTheBytecodeCheck() {
        StaticVerdict control = verdicts.find(Strategy.BROKEN_FINAL_WRAPPER_NON_FINAL.name()).orElseThrow();
        assertThat(control.verdict()).as(control.note()).isEqualTo(VerdictKind.CAUGHT);
        assertThat(control.findings()).extracting(StaticVerdicts.Finding::pattern)
                .contains(BytecodeCheck.WRAPPER_NOT_FINAL);
    }

    @Test
    void everyControlThatViolatesSafePublicationIsCaught() {
        for (Strategy s : Strategy.brokenControls()) {
            if (s.violates().contains(Guarantee.SAFE_PUBLICATION)) {
                StaticVerdict v = verdicts.find(s.name()).orElseThrow();
                assertThat(v.verdict()).as("%s: %s", s, v.note()).isEqualTo(VerdictKind.CAUGHT);
            }
        }
    }

    @Test
    void noStrategyThatClaimsSafePublicationIsFlagged() {
        assertThat(verdicts.verdicts()).filteredOn(v -> v.verdict() == VerdictKind.FAIL)
                .as("strategies flagged by the static layer").isEmpty();
        StaticVerdict dcl = verdicts.find(Strategy.DOUBLE_CHECKED.name()).orElseThrow();
        assertThat(dcl.verdict()).isEqualTo(VerdictKind.PASS);
        assertThat(dcl.strength()).as("the control was flagged in the same run").isEqualTo(Strength.DISCRIMINATING);
    }

    @Test
    void everySuppressionStillMatchesAFinding() {
        assertThat(verdicts.suppressions()).extracting(s -> s.finding().pattern() + " " + s.finding().className())
                .as("a suppression that matches nothing hides nothing and should be removed")
                .containsAll(StaticLayer.SUPPRESSED.keySet());
    }

    /** The negative control of the judge: the same rules on a report that flags a correct holder must say FAIL. */
    @Test
    void aFindingOnACorrectHolderIsAFail(@TempDir Path dir) throws IOException {
        Path xml = dir.resolve("spotbugsXml.xml");
        Files.writeString(xml, """
                <BugCollection version="test">
                  <BugInstance type="DC_DOUBLECHECK" category="MT_CORRECTNESS">
                    <Class classname="dev.lazyinit.lazy.DoubleCheckedLazy"/>
                    <SourceLine classname="dev.lazyinit.lazy.DoubleCheckedLazy" start="42"/>
                  </BugInstance>
                </BugCollection>
                """);
        StaticVerdicts judged = StaticLayer.judge(xml, "synthetic");
        assertThat(judged.find(Strategy.DOUBLE_CHECKED.name()).orElseThrow().verdict()).isEqualTo(VerdictKind.FAIL);
        assertThat(judged.find(Strategy.BROKEN_DCL_NON_VOLATILE.name()).orElseThrow().verdict())
                .as("nothing flagged the control in this report").isEqualTo(VerdictKind.NOT_OBSERVED);
        assertThat(judged.find(Strategy.BROKEN_DCL_VAR_HANDLE_PLAIN.name()).orElseThrow().verdict())
                .as("the bytecode check reads the classes, whatever the report says").isEqualTo(VerdictKind.CAUGHT);
        assertThat(judged.find(Strategy.SYNCHRONIZED.name()).orElseThrow().shown())
                .as("a PASS beside a control the bytecode check caught in the same run").isEqualTo("PASS");
    }

    /** The verdicts file names both checkers, and the ASM version the bytecode check read with. */
    @Test
    void theToolNamesBothCheckers() {
        assertThat(verdicts.tool()).startsWith("SpotBugs ").contains(" + bytecode check (ASM");
    }
}
