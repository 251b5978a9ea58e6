package dev.lazyinit.jmh.report;

import static dev.lazyinit.jmh.report.JmhRows.row;
import static dev.lazyinit.jmh.report.JmhRows.stampede;
import static dev.lazyinit.strategy.Strategy.ATOMIC_REFERENCE;
import static dev.lazyinit.strategy.Strategy.BROKEN_DCL_NON_VOLATILE;
import static dev.lazyinit.strategy.Strategy.BROKEN_UNSYNCHRONIZED;
import static dev.lazyinit.strategy.Strategy.DCL_REENTRANT_LOCK;
import static dev.lazyinit.strategy.Strategy.DOUBLE_CHECKED;
import static dev.lazyinit.strategy.Strategy.GUAVA_MEMOIZE;
import static dev.lazyinit.strategy.Strategy.HOLDER_IDIOM;
import static dev.lazyinit.strategy.Strategy.SYNCHRONIZED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lazyinit.harness.contract.ProofVerdicts;
import dev.lazyinit.harness.contract.ProofVerdicts.ProofVerdict;
import dev.lazyinit.jmh.report.Guide.Cited;
import dev.lazyinit.strategy.Property;
import dev.lazyinit.strategy.Strategy;
import dev.lazyinit.strategy.VerdictKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The decision guide's answers from measurements chosen here, with no Markdown: which strategy answers which
 * question, and which number or verdict it cites.
 */
class DecideTest {

    /** One JDK, steady state chosen so that a broken control is the cheapest and two correct ones overlap. */
    private static List<Map<String, Object>> steady(int jdk, double scale) {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(row(jdk, Bench.FIELD_READ, null, 0.5, 0.01));
        rows.add(row(jdk, Bench.PING, null, 120_000, 1_000));
        rows.add(row(jdk, Bench.GET, BROKEN_DCL_NON_VOLATILE, 0.1, 0.01)); // cheapest, but broken
        rows.add(row(jdk, Bench.GET, SYNCHRONIZED, 20 * scale, 1));
        rows.add(row(jdk, Bench.GET, DOUBLE_CHECKED, 1.0 * scale, 0.05 * scale));
        rows.add(row(jdk, Bench.GET, HOLDER_IDIOM, 0.9, 0.02)); // cheapest correct: no instance scope
        rows.add(row(jdk, Bench.GET, ATOMIC_REFERENCE, 1.05 * scale, 0.05 * scale)); // within DOUBLE_CHECKED's error
        rows.add(row(jdk, Bench.GET, DCL_REENTRANT_LOCK, 1.02 * scale, 0.05 * scale)); // likewise
        rows.add(row(jdk, Bench.GET, GUAVA_MEMOIZE, 3.0 * scale, 0.1));
        rows.add(row(jdk, Bench.GET_2_THREADS, SYNCHRONIZED, 90, 5));
        rows.add(row(jdk, Bench.GET_2_THREADS, DOUBLE_CHECKED, 1.5, 0.1));
        rows.add(row(jdk, Bench.GET_2_THREADS, BROKEN_UNSYNCHRONIZED, 500, 5)); // dearest, but broken
        for (Strategy s : List.of(SYNCHRONIZED, DOUBLE_CHECKED, HOLDER_IDIOM, GUAVA_MEMOIZE)) {
            rows.add(stampede(jdk, s, 64, List.of(1.0, 1.0), List.of(1.0, 2.0)));
            rows.add(stampede(jdk, s, 8, List.of(1.0, 1.0), List.of(1.0, 1.0)));
        }
        rows.add(stampede(jdk, ATOMIC_REFERENCE, 64, List.of(10.0, 14.0), List.of(8.0, 9.0)));
        rows.add(stampede(jdk, BROKEN_UNSYNCHRONIZED, 64, List.of(12.0, 13.0), List.of(13.0, 14.0)));
        rows.add(stampede(jdk, BROKEN_UNSYNCHRONIZED, 8, List.of(8.0, 8.0), List.of(8.0, 8.0)));
        return rows;
    }

    private static Guide guide(List<Map<String, Object>> rows, Optional<ProofVerdicts> verdicts) {
        JmhResults all = JmhRows.results(rows);
        List<Measurements> byJdk = all.jdks().stream().map(j -> new Measurements(all.onJdk(j))).toList();
        return Decide.guide(byJdk.get(byJdk.size() - 1), byJdk, verdicts, false);
    }

    private static List<Strategy> strategies(List<Cited> cited) {
        return cited.stream().map(Cited::strategy).toList();
    }

    @Test
    void theCheapestSteadyStateIsNeverABrokenControlAndItsTiesAreThoseWithinTheErrors() {
        Guide.SteadyCost s = guide(steady(17, 1), Optional.empty()).steadyCost();
        assertThat(s.cheapest()).map(Cited::strategy).contains(HOLDER_IDIOM);
        assertThat(s.cheapest().orElseThrow().measured()).map(Guide.Measured::bench).contains(Bench.GET);
        assertThat(strategies(s.tiedWithCheapest())).as("0.9 ± 0.02 against 1.0 ± 0.05 and 1.05 ± 0.05: apart")
                .isEmpty();
        assertThat(s.dearestTwoThreads()).map(Cited::strategy).contains(SYNCHRONIZED);
        assertThat(s.dearestTwoThreads().orElseThrow().measured()).map(m -> m.metric().score()).contains(90.0);
        assertThat(s.query()).map(JmhResults.Metric::score).contains(120_000.0);
    }

    @Test
    void inShortTheCheapestWithEveryGuaranteeAndThoseItCannotBeToldApartFrom() {
        Guide g = guide(steady(17, 1), Optional.empty());
        assertThat(g.inShort().general()).map(Cited::strategy).as("HOLDER_IDIOM is cheaper but not per instance")
                .contains(DOUBLE_CHECKED);
        assertThat(g.inShort().tied()).as("ATOMIC_REFERENCE is as cheap but not exactly-once")
                .containsExactly(DCL_REENTRANT_LOCK);
        assertThat(g.inShort().processWide()).containsExactly(HOLDER_IDIOM);
        assertThat(strategies(g.scope().processWide())).containsExactly(HOLDER_IDIOM);
        assertThat(strategies(g.scope().perInstance()))
                .containsExactly(SYNCHRONIZED, DOUBLE_CHECKED, ATOMIC_REFERENCE, DCL_REENTRANT_LOCK, GUAVA_MEMOIZE);
        assertThat(g.scope().perInstance().get(0).measured()).map(m -> m.metric().score()).contains(20.0);
    }

    @Test
    void retryAndCloseFollowTheGuaranteesAndCiteTheProofOfThatProperty() {
        List<ProofVerdict> list = new ArrayList<>();
        for (Strategy s : List.of(SYNCHRONIZED, DOUBLE_CHECKED, HOLDER_IDIOM, ATOMIC_REFERENCE, GUAVA_MEMOIZE)) {
            for (Property p : Property.values()) {
                list.add(new ProofVerdict(s.name(), p, p.appliesTo(s) ? VerdictKind.PASS : VerdictKind.NOT_APPLICABLE,
                        1000, "a test", Map.of(), ""));
            }
        }
        ProofVerdicts verdicts = new ProofVerdicts(ProofVerdicts.FORMAT, "gate", "a JVM", "amd64", "Linux", "now",
                list);
        Guide g = guide(steady(17, 1), Optional.of(verdicts));
        assertThat(strategies(g.retry().retries()))
                .containsExactly(SYNCHRONIZED, DOUBLE_CHECKED, ATOMIC_REFERENCE, DCL_REENTRANT_LOCK, GUAVA_MEMOIZE);
        assertThat(strategies(g.retry().neverRetries())).containsExactly(HOLDER_IDIOM);
        assertThat(g.retry().neverRetries().get(0).proof()).map(ProofVerdict::property)
                .contains(Property.FAILURE_THEN_ACCESS);
        assertThat(strategies(g.close().closeable()))
                .containsExactly(SYNCHRONIZED, DOUBLE_CHECKED, ATOMIC_REFERENCE, DCL_REENTRANT_LOCK);
        assertThat(g.close().closeable().get(0).proof()).map(ProofVerdict::property).contains(Property.CLOSE_VS_GET);
        assertThat(g.close().closeable().get(3).proof()).as("no verdict in the file for it").isEmpty();
        assertThat(g.close().notCloseable()).containsExactly(HOLDER_IDIOM, GUAVA_MEMOIZE);
        assertThat(g.inShort().general().orElseThrow().proof()).map(ProofVerdict::property)
                .contains(Property.PUBLICATION);
        assertThat(guide(steady(17, 1), Optional.empty()).retry().retries())
                .as("no verdicts file: nothing cited").allSatisfy(c -> assertThat(c.proof()).isEmpty());
    }

    @Test
    void theStampedeCitedIsTheLargestAndTheLeakingControlsAreTheBrokenOnesWithoutExactlyOnce() {
        Guide g = guide(steady(17, 1), Optional.empty());
        Guide.ColdCost cold = g.coldCost();
        assertThat(strategies(cold.exactlyOnce())).containsExactly(SYNCHRONIZED, DOUBLE_CHECKED, HOLDER_IDIOM,
                DCL_REENTRANT_LOCK, GUAVA_MEMOIZE);
        assertThat(cold.exactlyOnce().get(3).stampede()).as("no stampede measured for it").isEmpty();
        assertThat(strategies(cold.closesDuplicates())).containsExactly(ATOMIC_REFERENCE);
        assertThat(strategies(cold.leaking())).as("the non-volatile DCL is broken but exactly-once")
                .containsExactly(BROKEN_UNSYNCHRONIZED);
        Measurements.Stampede leak = cold.leaking().get(0).stampede().orElseThrow();
        assertThat(leak.threads()).isEqualTo(64);
        assertThat(leak.counter(Bench.Counter.POOLS)).map(JmhResults.Metric::mean).contains(12.5);
        assertThat(cold.exactlyOnce().get(0).stampede().orElseThrow().counter(Bench.Counter.PEAK_CONNECTIONS))
                .map(JmhResults.Metric::mean).contains(1.5);
        assertThat(strategies(g.virtualThreads().lockFree())).containsExactly(ATOMIC_REFERENCE);
    }

    @Test
    void virtualThreadsDependOnTheForksJdk() {
        assertThat(guide(steady(17, 1), Optional.empty()).virtualThreads()).satisfies(v -> {
            assertThat(v.forkJdk()).isEqualTo(17);
            assertThat(v.noVirtualThreads()).isTrue();
            assertThat(v.monitorsDoNotPin()).isFalse();
        });
        assertThat(guide(steady(21, 1), Optional.empty()).virtualThreads()).satisfies(v -> {
            assertThat(v.noVirtualThreads()).isFalse();
            assertThat(v.monitorsDoNotPin()).isFalse();
        });
        assertThat(guide(steady(25, 1), Optional.empty()).virtualThreads().monitorsDoNotPin()).isTrue();
    }

    @Test
    void oneJdkAsksNothingAboutJdks() {
        assertThat(guide(steady(17, 1), Optional.empty()).jdkChange()).isEmpty();
    }

    @Test
    void aJdkChangeIsAMoveBeyondTheErrorsOfBothJdks() {
        List<Map<String, Object>> rows = new ArrayList<>(steady(17, 2));
        rows.addAll(steady(25, 1));
        Guide.JdkChange j = guide(rows, Optional.empty()).jdkChange().orElseThrow();
        assertThat(j.oldest()).isEqualTo(17);
        assertThat(j.newest()).isEqualTo(25);
        assertThat(j.errorsKnown()).isTrue();
        assertThat(j.moved().stream().map(Guide.Moved::strategy))
                .as("HOLDER_IDIOM is the same on both; GUAVA_MEMOIZE's 6.0 ± 0.1 → 3.0 ± 0.1 moved")
                .containsExactly(SYNCHRONIZED, DOUBLE_CHECKED, ATOMIC_REFERENCE, DCL_REENTRANT_LOCK, GUAVA_MEMOIZE);
        Guide.Moved dcl = j.moved().get(1);
        assertThat(dcl.oldest().score()).isEqualTo(2.0);
        assertThat(dcl.newest().score()).isEqualTo(1.0);
        assertThat(dcl.ratio().value()).isEqualTo(0.5);
        assertThat(j.cheapestOnOldest()).contains(HOLDER_IDIOM);
        assertThat(j.cheapestOnNewest()).contains(HOLDER_IDIOM);
    }

    @Test
    void aRatioWhoseErrorReachesOneIsNoChangeAndUnknownErrorsAreSaidSo() {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(row(17, Bench.GET, SYNCHRONIZED, 3.0, 0.5));
        rows.add(row(25, Bench.GET, SYNCHRONIZED, 3.2, 0.5));
        rows.add(row(17, Bench.GET, DOUBLE_CHECKED, 1.0, 0.01));
        rows.add(row(25, Bench.GET, DOUBLE_CHECKED, 1.1, 0.01));
        Guide.JdkChange j = guide(rows, Optional.empty()).jdkChange().orElseThrow();
        assertThat(j.moved().stream().map(Guide.Moved::strategy)).containsExactly(DOUBLE_CHECKED);
        assertThat(j.cheapestOnNewest()).contains(DOUBLE_CHECKED);

        List<Map<String, Object>> once = new ArrayList<>();
        once.add(row(17, Bench.GET, DOUBLE_CHECKED, 1.0, Double.NaN));
        once.add(row(25, Bench.GET, DOUBLE_CHECKED, 1.0, Double.NaN));
        assertThat(guide(once, Optional.empty()).jdkChange().orElseThrow().errorsKnown()).isFalse();
    }

    @Test
    void nothingMeasuredAnswersNothing() {
        Guide g = guide(List.of(row(17, Bench.FIELD_READ, null, 0.5, 0.01)), Optional.empty());
        assertThat(g.steadyCost().cheapest()).isEmpty();
        assertThat(g.inShort().general()).isEmpty();
        assertThat(g.scope().perInstance()).isEmpty();
        assertThat(g.virtualThreads().forkJdk()).isEqualTo(17);
    }
}
