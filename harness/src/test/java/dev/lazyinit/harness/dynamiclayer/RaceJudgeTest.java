package dev.lazyinit.harness.dynamiclayer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazyinit.harness.contract.StaticVerdicts.StaticVerdict;
import dev.lazyinit.harness.contract.VerdictKind;
import dev.lazyinit.harness.dynamiclayer.VmlensReport.Access;
import dev.lazyinit.harness.dynamiclayer.VmlensReport.Run;
import dev.lazyinit.strategy.Strategy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The dynamic layer's rules over VMLens runs written here, not traced: what a run that VMLens reports as failed
 * counts for. Its race is still a race (VMLens reports a control whose race ended its run as "Failure, Data Race"),
 * while a failed run with no race gives no verdict either way.
 */
class RaceJudgeTest {

    private static final String CONTROL = Strategy.BROKEN_FINAL_WRAPPER_NON_FINAL.name();
    private static final String FIELD = "dev/lazyinit/lazy/broken/BrokenNonFinalWrapperLazy.wrapper";

    private static StaticVerdict judged(String result, boolean race) {
        List<Access> accesses = List.of(
                new Access("Thread-1", "Write", race, FIELD, "dev/lazyinit/lazy/broken/BrokenNonFinalWrapperLazy.get"),
                new Access("Thread-2", "Read", race, FIELD, "dev/lazyinit/lazy/broken/BrokenNonFinalWrapperLazy.get"));
        return RaceJudge.judge(Map.of(CONTROL, new Run(CONTROL, 2, result, accesses)), "test").find(CONTROL)
                .orElseThrow();
    }

    @Test
    void aFailedRunWithARaceIsJudgedByItsRace() {
        StaticVerdict v = judged("Failure, Data Race", true);
        assertThat(v.verdict()).as(v.note()).isEqualTo(VerdictKind.CAUGHT);
        assertThat(v.note()).doesNotStartWith(DynamicLayer.FAILED_RUN).contains("also reported the run as 'Failure");
    }

    @Test
    void aFailedRunWithoutARaceGivesNoVerdict() {
        StaticVerdict v = judged("Failure", false);
        assertThat(v.verdict()).isEqualTo(VerdictKind.NOT_OBSERVED);
        assertThat(v.note()).startsWith(DynamicLayer.FAILED_RUN);
    }

    @Test
    void aFinishedRunWithARaceCatchesTheControl() {
        assertThat(judged("Data Race", true).verdict()).isEqualTo(VerdictKind.CAUGHT);
    }
}
