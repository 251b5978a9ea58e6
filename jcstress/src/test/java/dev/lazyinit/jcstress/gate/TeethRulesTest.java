package dev.lazyinit.jcstress.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazyinit.harness.contract.Layer;
import dev.lazyinit.harness.contract.Teeth.Row;
import dev.lazyinit.harness.contract.VerdictKind;
import dev.lazyinit.jcstress.gate.TeethTable.Group;
import dev.lazyinit.jcstress.gate.TeethTable.Line;
import dev.lazyinit.jcstress.gate.TeethTable.Result;
import dev.lazyinit.strategy.Guarantee;
import dev.lazyinit.strategy.Strategy;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The teeth table's rules alone ({@link TeethRules}): one control's lines on one guarantee, made up, judged, with
 * nothing read or collected. The same lines judge differently as only the verdict or the excuse of a required line
 * changes, so each rule has its control beside it.
 */
class TeethRulesTest {

    private static final Guarantee G = Guarantee.SAFE_PUBLICATION; // required: the static and dynamic layers
    private static final Strategy S = Strategy.BROKEN_DCL_NON_VOLATILE;

    private static Line line(Layer layer, VerdictKind verdict, boolean required, boolean excused) {
        return new Line(new Row(G, S.name(), layer, "check", verdict, 1, "saw " + layer.id()), required, excused);
    }

    @Test
    void everyGuaranteeAControlViolatesHasALayerThatMustCatchIt() {
        for (Strategy s : Strategy.brokenControls()) {
            for (Guarantee g : s.violates()) {
                assertThat(Layer.required(g)).as(s + " violates " + g).isNotEmpty();
                if (Layer.required(g).contains(Layer.JCSTRESS)) {
                    assertThat(Layer.proofOf(g)).as("a JCStress proof that shows " + g).isPresent();
                }
            }
        }
        assertThat(Strategy.brokenControls()).as("PER_INSTANCE has no control (see the README)")
                .noneMatch(s -> s.violates().contains(Guarantee.PER_INSTANCE));
    }

    @Test
    void oneRequiredLayerThatCaughtItIsEnoughAndTheLinesComeInLayerOrder() {
        Group g = TeethRules.judge(G, S, List.of(line(Layer.JCSTRESS, VerdictKind.NOT_OBSERVED, false, false),
                line(Layer.DYNAMIC, VerdictKind.CAUGHT, true, false),
                line(Layer.STATIC, VerdictKind.NOT_OBSERVED, true, false)));
        assertThat(g.result()).isEqualTo(Result.CAUGHT);
        assertThat(g.why()).isEqualTo("caught by dynamic");
        assertThat(g.lines()).extracting(l -> l.row().layer())
                .containsExactly(Layer.STATIC, Layer.DYNAMIC, Layer.JCSTRESS);
    }

    /** A layer that is not required catching it does not count. */
    @Test
    void aCatchByALayerThatIsNotRequiredIsAMiss() {
        Group g = TeethRules.judge(G, S, List.of(line(Layer.STATIC, VerdictKind.NOT_OBSERVED, true, false),
                line(Layer.JCSTRESS, VerdictKind.CAUGHT, false, false)));
        assertThat(g.result()).isEqualTo(Result.MISSED);
        assertThat(g.why()).isEqualTo("BROKEN_DCL_NON_VOLATILE violates SAFE_PUBLICATION, and no layer that must"
                + " catch it did: static NOT_OBSERVED (check: saw static)");
    }

    @Test
    void missingRequiredLinesAreNotJudgedOnlyWhenEveryOneIsExcused() {
        Group excused = TeethRules.judge(G, S, List.of(line(Layer.STATIC, VerdictKind.NOT_APPLICABLE, true, true),
                line(Layer.DYNAMIC, VerdictKind.NOT_APPLICABLE, true, true)));
        assertThat(excused.result()).isEqualTo(Result.NOT_JUDGED);
        assertThat(excused.why()).isEqualTo("cannot be judged here: static: saw static; dynamic: saw dynamic");
        Group oneNot = TeethRules.judge(G, S, List.of(line(Layer.STATIC, VerdictKind.NOT_APPLICABLE, true, true),
                line(Layer.DYNAMIC, VerdictKind.NOT_APPLICABLE, true, false)));
        assertThat(oneNot.result()).isEqualTo(Result.MISSED);
    }

    @Test
    void aRowAboutAGuaranteeNoControlViolatesIsShownNotJudged() {
        Row r = new Row(Guarantee.PER_INSTANCE, Strategy.SYNCHRONIZED.name(), Layer.STORE, "TwoHoldersTest",
                VerdictKind.PASS, 2, "two holders, two values");
        Group g = TeethRules.notJudged(r);
        assertThat(g.result()).isEqualTo(Result.NONE);
        assertThat(g.lines()).containsExactly(new Line(r, false, false));
    }
}
