package dev.lazyinit.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What a run can resolve: the A/A control's reach, and the intervals of the ratios it judges. */
class ResolutionTest {

    private static Resolution aa(double lo, double hi) {
        return new Resolution("a pair", Optional.of(new Interval((lo + hi) / 2, lo, hi)));
    }

    @Test
    void aRatioIsADifferenceOnlyBeyondTheAaReachAndOutsideItsOwnInterval() {
        Resolution r = aa(0.9, 1.1);
        assertThat(r.reach()).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(r.disturbed()).isFalse();
        assertThat(r.resolves(new Interval(1.05, 1.02, 1.08))).as("leaves out 1.00×, but inside the reach").isFalse();
        assertThat(r.resolves(new Interval(1.2, 1.1, 1.3))).isTrue();
        assertThat(r.resolves(new Interval(0.8, 0.7, 0.88))).as("below, beyond the reach").isTrue();
        assertThat(r.resolves(new Interval(1.2, 0.95, 1.45))).as("its own interval holds 1.00×").isFalse();
        assertThat(r.resolves(new Interval(1.2, Double.NaN, Double.NaN))).as("no interval, no difference").isFalse();
        assertThat(r.cell(new Interval(1.05, 1.02, 1.08))).isEqualTo("≈ 1.05× (1.02–1.08)");
        assertThat(r.cell(new Interval(1.2, 1.1, 1.3))).isEqualTo("1.20× (1.10–1.30)");
    }

    @Test
    void anAaPairThatLeavesOutOneSaysTheRunWasDisturbed() {
        Resolution r = aa(1.05, 1.2);
        assertThat(r.disturbed()).isTrue();
        assertThat(r.reach()).as("the far end").isCloseTo(0.2, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(r.sentence()).contains("Run disturbed");
        assertThat(aa(0.95, 1.1).sentence()).doesNotContain("disturbed").contains("±10 %");
    }

    @Test
    void withoutAnAaPairEachRatiosOwnIntervalDecidesAndTheSectionSaysSo() {
        Resolution none = new Resolution("a pair", Optional.empty());
        assertThat(none.reach()).isNaN();
        assertThat(none.resolves(new Interval(1.05, 1.02, 1.08))).isTrue();
        assertThat(none.sentence()).startsWith("No A/A control");
    }

    @Test
    void theMedianIntervalIsTheBinomialOrderStatisticsAndNeedsSixSamples() {
        double[] v = IntStream.rangeClosed(1, 120).mapToDouble(i -> i).toArray();
        Interval m = Ratios.medianWithInterval(v);
        assertThat(m.value()).isEqualTo(60.5);
        assertThat(m.lo()).as("the 49th smallest: P(Binomial(120, ½) ≤ 48) ≤ 2.5 % < P(≤ 49)").isEqualTo(49);
        assertThat(m.hi()).isEqualTo(72);
        assertThat(Ratios.medianWithInterval(new double[] {1, 2, 3, 4, 5, 6}).known()).isTrue();
        assertThat(Ratios.medianWithInterval(new double[] {1, 2, 3, 4, 5}).known()).isFalse();
    }

    @Test
    void pairedRatiosCancelWhatDriftsFromRoundToRound() {
        double[] base = IntStream.range(0, 40).mapToDouble(i -> 10 + i).toArray(); // the machine slows down
        double[] x = IntStream.range(0, 40).mapToDouble(i -> 1.1 * (10 + i)).toArray();
        Interval paired = Ratios.paired(x, base);
        assertThat(paired.value()).isCloseTo(1.1, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(paired.hi() - paired.lo()).as("every round says 1.10×").isLessThan(1e-12);
        Interval unpaired = Ratios.ofMedians(x, base);
        assertThat(unpaired.holdsOne()).as("the drift hides the same difference when rounds are not paired")
                .isTrue();
    }

    @Test
    void theBootstrapIsSeededSoTheSameSamplesGiveTheSameInterval() {
        double[] a = {20, 22, 19, 25, 21, 30, 18, 20, 23, 21};
        double[] b = {21, 20, 24, 19, 22, 20, 28, 21, 20, 22};
        assertThat(Ratios.ofMedians(a, b)).isEqualTo(Ratios.ofMedians(a, b));
        assertThat(Ratios.ofMedians(a, b).holdsOne()).isTrue();
        assertThat(Ratios.ofMedians(new double[] {1, 2}, b).known()).as("too few samples").isFalse();
    }
}
