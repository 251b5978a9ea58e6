package dev.lazyinit.report;

import static dev.lazyinit.harness.contract.VirtualThreadResults.Outcome.FINISHED;
import static dev.lazyinit.harness.contract.VirtualThreadResults.Outcome.STUCK;
import static dev.lazyinit.report.JmhRows.row;
import static dev.lazyinit.report.JmhRows.stampede;
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
import dev.lazyinit.harness.contract.Property;
import dev.lazyinit.harness.contract.Strength;
import dev.lazyinit.harness.contract.VerdictKind;
import dev.lazyinit.harness.contract.VirtualThreadResults;
import dev.lazyinit.harness.contract.VirtualThreadResults.Pin;
import dev.lazyinit.report.Guide.Cited;
import dev.lazyinit.report.Guide.Row;
import dev.lazyinit.report.Guide.VirtualThreadAnswer.Outcome;
import dev.lazyinit.strategy.Guarantee;
import dev.lazyinit.strategy.Strategy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The decision guide's answers from measurements chosen here, with no Markdown: which strategy answers which
 * question, which number or verdict it cites, and which differences the run's A/A control lets it call one.
 */
class DecideTest {

    /**
     * One JDK. Steady state: field read 0.5 ± 0.01 ns, its A/A twin 0.505 ± 0.01 (1.01× ± 0.03: a reach of about
     * 4 %), the floor 0.5 ± 0.01; a broken control the cheapest; SYNCHRONIZED 40× the floor; ATOMIC_REFERENCE
     * 1.06× (resolved: beyond the reach and its own interval); DCL_REENTRANT_LOCK 1.03× (its own interval leaves out
     * 1.00×, but it is inside the A/A's reach: ≈); DOUBLE_CHECKED 1.02× (≈).
     */
    private static List<Map<String, Object>> steady(int jdk, double scale) {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(row(jdk, Bench.FIELD_READ, null, 0.5, 0.01));
        rows.add(row(jdk, Bench.FIELD_READ_AGAIN, null, 0.505, 0.01));
        rows.add(row(jdk, Bench.FLOOR, null, 0.5, 0.01));
        rows.add(row(jdk, Bench.FIELD_READ_2_THREADS, null, 0.6, 0.02));
        rows.add(row(jdk, Bench.PING, null, 120_000, 1_000));
        rows.add(row(jdk, Bench.GET, BROKEN_DCL_NON_VOLATILE, 0.1, 0.01)); // cheapest, but broken
        rows.add(row(jdk, Bench.GET, SYNCHRONIZED, 20 * scale, 1));
        rows.add(row(jdk, Bench.GET, DOUBLE_CHECKED, 0.51 * scale, 0.01 * scale));
        rows.add(row(jdk, Bench.GET, HOLDER_IDIOM, 0.5, 0.01));
        rows.add(row(jdk, Bench.GET, ATOMIC_REFERENCE, 0.53 * scale, 0.005 * scale));
        rows.add(row(jdk, Bench.GET, DCL_REENTRANT_LOCK, 0.515 * scale, 0.002 * scale));
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
        return guide(rows, verdicts, Optional.empty());
    }

    private static Guide guide(List<Map<String, Object>> rows, Optional<ProofVerdicts> verdicts,
                               Optional<VirtualThreadResults> vt) {
        JmhResults all = JmhRows.results(rows);
        List<Measurements> byJdk = all.jdks().stream().map(j -> measured(all.onJdk(j))).toList();
        return Decide.guide(byJdk.get(byJdk.size() - 1), byJdk, verdicts, Optional.empty(), vt);
    }

    private static List<Strategy> strategies(List<Cited> cited) {
        return cited.stream().map(Cited::strategy).toList();
    }

    private static Row answers(Guide g, Strategy s) {
        return g.matrix().rows().stream().filter(r -> r.strategy() == s).findFirst().orElseThrow();
    }

    /** Measurements read against this build's registry, as a folder without {@code strategies.json} is. */
    private static Measurements measured(JmhResults results) {
        return new Measurements(results, Arrays.asList(Strategy.values()));
    }

    @Test
    void aSteadyStateDifferenceIsOneOnlyBeyondTheAaReachAndNothingInsideItIsRanked() {
        Guide g = guide(steady(17, 1), Optional.empty());
        Guide.SteadyCost s = g.steadyCost();
        assertThat(s.against()).as("the floor was measured").isEqualTo(Bench.FLOOR);
        assertThat(s.resolved().stream().map(Row::strategy)).containsExactly(SYNCHRONIZED, ATOMIC_REFERENCE,
                GUAVA_MEMOIZE);
        assertThat(s.indistinguishable()).as("1.03× leaves out 1.00× by its own interval but is inside the A/A reach")
                .containsExactly(DOUBLE_CHECKED, HOLDER_IDIOM, DCL_REENTRANT_LOCK);
        assertThat(answers(g, DCL_REENTRANT_LOCK).steady().orElseThrow().ratio().holdsOne()).isFalse();
        assertThat(answers(g, SYNCHRONIZED).steady().orElseThrow().ratio().value()).isEqualTo(40.0);
        assertThat(s.dearestTwoThreads()).as("no 2-thread A/A pair and no 2-thread floor: against the field read, each ratio's own interval decides")
                .map(Row::strategy).contains(SYNCHRONIZED);
        assertThat(s.query()).map(JmhResults.Metric::score).contains(120_000.0);
        assertThat(g.matrix().rows().stream().map(Row::strategy)).as("broken controls are never an answer")
                .doesNotContain(BROKEN_DCL_NON_VOLATILE, BROKEN_UNSYNCHRONIZED);
    }

    /**
     * The floor twin at 0.5 ns (the inline floor 0.3 ns): the unsynchronized control's get() at {@code control} ns.
     *
     * @param control the control's 1-thread get()
     */
    private static List<Map<String, Object>> withFloorTwin(double control) {
        List<Map<String, Object>> rows = new ArrayList<>(steady(17, 1));
        rows.removeIf(r -> r.get("benchmark").toString().endsWith(".floor"));
        rows.add(row(17, Bench.FLOOR, null, 0.3, 0.01));
        rows.add(row(17, Bench.FLOOR_TWIN, null, 0.5, 0.01));
        rows.add(row(17, Bench.FLOOR_TWIN_POLLUTED, null, 1.5, 0.02));
        rows.add(row(17, Bench.GET, BROKEN_UNSYNCHRONIZED, control, 0.01));
        return rows;
    }

    @Test
    void theFloorTwinIsTheReferenceAndAPassedFloorCheckLeavesTheRankingAsTheAaPairAllows() {
        Measurements m = measured(JmhRows.results(withFloorTwin(0.505)));
        assertThat(m.steadyAgainst(false)).as("the twin wins over the inline floor").isEqualTo(Bench.FLOOR_TWIN);
        assertThat(m.floorCheck(false)).hasValueSatisfying(c -> assertThat(c.resolved()).isFalse());
        assertThat(m.steadyResolution(false).disturbedBy()).isEmpty();
        assertThat(m.dispatchControl()).as("3.00× the twin: what a polluted call site adds, resolved")
                .hasValueSatisfying(c -> assertThat(c.resolved()).isTrue());
        Guide g = guide(withFloorTwin(0.505), Optional.empty());
        assertThat(g.steadyCost().against()).isEqualTo(Bench.FLOOR_TWIN);
        assertThat(g.steadyCost().resolved().stream().map(Row::strategy)).containsExactly(SYNCHRONIZED,
                ATOMIC_REFERENCE, GUAVA_MEMOIZE);
    }

    @Test
    void aFailedFloorCheckMarksTheRunDisturbedAndNothingOnTheFastPathIsRanked() {
        Measurements m = measured(JmhRows.results(withFloorTwin(0.8))); // 1.60×: the call did not cancel
        assertThat(m.floorCheck(false)).hasValueSatisfying(c -> assertThat(c.resolved()).isTrue());
        assertThat(m.steadyResolution(false).sentence()).contains("Run disturbed", "the unsynchronized control");
        Guide g = guide(withFloorTwin(0.8), Optional.empty());
        assertThat(g.steadyCost().resolved()).as("not even SYNCHRONIZED's 40×: this run's ratios are not trusted")
                .isEmpty();
        assertThat(g.inShort().generalButDearer()).isEmpty();
        assertThat(g.inShort().fastPathDisturbed()).as("the answer says it compared nothing").isPresent();
        assertThat(guide(withFloorTwin(0.505), Optional.empty()).inShort().fastPathDisturbed()).isEmpty();
    }

    /**
     * Three forks of each 1-thread entry around 0.5 ns; two of DCL_REENTRANT_LOCK's forks in a slow stretch of the
     * machine (0.85 ns, 1.7×, as seen here for seconds at a time).
     */
    private static List<Map<String, Object>> threeForks() {
        List<Double> normal = List.of(0.50, 0.51, 0.49, 0.50, 0.50, 0.51, 0.49, 0.50);
        List<Double> slow = normal.stream().map(v -> v * 1.7).toList();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Bench b : List.of(Bench.FIELD_READ, Bench.FIELD_READ_AGAIN, Bench.FLOOR_TWIN)) {
            rows.add(JmhRows.forks(17, b, null, List.of(normal, normal, normal)));
        }
        rows.add(JmhRows.forks(17, Bench.GET, BROKEN_UNSYNCHRONIZED, List.of(normal, normal, normal)));
        rows.add(JmhRows.forks(17, Bench.GET, DOUBLE_CHECKED, List.of(normal, normal, normal)));
        rows.add(JmhRows.forks(17, Bench.GET, DCL_REENTRANT_LOCK, List.of(slow, normal, slow)));
        return rows;
    }

    @Test
    void anEntryIsReadAtItsFastestForkSoThatASlowStretchOfTheMachineRanksNothing() {
        JmhResults results = JmhRows.results(threeForks());
        Measurements m = measured(results);
        double pooled = results.metric("LazyInit_02_SteadyState", "get", Bench.STRATEGY, DCL_REENTRANT_LOCK.name())
                .orElseThrow().score();
        assertThat(pooled / 0.5).as("the control: the mean over all forks would make it 1.47× dearer")
                .isGreaterThan(1.4);
        assertThat(m.of(Bench.GET, DCL_REENTRANT_LOCK)).hasValueSatisfying(x -> assertThat(x.score()).isEqualTo(0.5));
        Guide g = guide(threeForks(), Optional.empty());
        assertThat(g.inShort().generalButDearer()).as("ranked at its fastest fork").isEmpty();
        assertThat(SteadySection.forks(m)).contains("up to 3 per entry", "DCL_REENTRANT_LOCK 0.850 · 0.500 · 0.850")
                .doesNotContain("DOUBLE_CHECKED");
    }

    @Test
    void aStrategyTheTableShowsAsTheFloorTwinIsNeverNamedDearer() {
        List<Map<String, Object>> rows = new ArrayList<>(withFloorTwin(0.505));
        rows.removeIf(r -> r.get("params") instanceof Map<?, ?> p && (DOUBLE_CHECKED.name().equals(p.get(Bench.STRATEGY))
                || DCL_REENTRANT_LOCK.name().equals(p.get(Bench.STRATEGY))) && r.get("benchmark").toString().endsWith(".get"));
        rows.add(row(17, Bench.GET, DOUBLE_CHECKED, 0.45, 0.005)); // the cheapest, 0.90× the twin
        rows.add(row(17, Bench.GET, DCL_REENTRANT_LOCK, 0.58, 0.09)); // a disturbed fork: 1.16× ± 0.18 the twin
        Guide g = guide(rows, Optional.empty());
        assertThat(answers(g, DCL_REENTRANT_LOCK).steady()).hasValueSatisfying(c -> assertThat(c.resolved()).isFalse());
        Measurements m = measured(JmhRows.results(rows));
        assertThat(m.steadyBetween(DCL_REENTRANT_LOCK, DOUBLE_CHECKED)).as("the control: resolved above the cheapest")
                .hasValueSatisfying(c -> assertThat(c.resolved()).isTrue());
        assertThat(g.inShort().generalButDearer().stream().map(Row::strategy)).doesNotContain(DCL_REENTRANT_LOCK);
        assertThat(g.inShort().generalButDearer().stream().map(Row::strategy)).contains(SYNCHRONIZED);
    }

    @Test
    void thePingCheckNamesEveryCorrectHolderThatDoesNotReadTheBaseline() {
        assertThat(SteadySection.pingCheck(Bench.PING_TWIN, 3, List.of())).endsWith("All 3 do.");
        assertThat(SteadySection.pingCheck(Bench.PING_TWIN, 3, List.of("SYNCHRONIZED 1.20×")))
                .contains("**Not so** for SYNCHRONIZED 1.20×", "the run is disturbed for this table");
        assertThat(SteadySection.pingCheck(Bench.PING, 3, List.of("SYNCHRONIZED 1.20×")))
                .contains("predate the ping twin");
    }

    @Test
    void aDisturbedAaPairWidensTheReachSoThatLessIsResolved() {
        List<Map<String, Object>> rows = new ArrayList<>(steady(17, 1));
        rows.removeIf(r -> r.get("benchmark").toString().endsWith(".baseline_again"));
        rows.add(row(17, Bench.FIELD_READ_AGAIN, null, 0.6, 0.01)); // 1.20× ± 0.03: identical code, not 1.00×
        JmhResults all = JmhRows.results(rows);
        Resolution r = measured(all).steadyResolution(Bench.FIELD_READ_AGAIN, Bench.FIELD_READ);
        assertThat(r.disturbed()).isTrue();
        assertThat(r.sentence()).contains("Run disturbed");
        Guide g = guide(rows, Optional.empty());
        assertThat(g.steadyCost().resolved().stream().map(Row::strategy)).as("1.06× is inside a reach of 23 %")
                .containsExactly(SYNCHRONIZED, GUAVA_MEMOIZE);
    }

    @Test
    void inShortNamesEveryGeneralPurposeStrategyTheRunCannotTellFromTheCheapestOfThemUnranked() {
        Guide.InShort s = guide(steady(17, 1), Optional.empty()).inShort();
        assertThat(s.general()).as("ATOMIC_REFERENCE is not exactly-once, GUAVA_MEMOIZE not closeable, HOLDER_IDIOM"
                + " not per instance").containsExactly(DOUBLE_CHECKED, DCL_REENTRANT_LOCK);
        assertThat(s.generalButDearer().stream().map(Row::strategy)).containsExactly(SYNCHRONIZED);
        assertThat(s.interruptible()).containsExactly(DCL_REENTRANT_LOCK);
        assertThat(s.processWide()).containsExactly(HOLDER_IDIOM);
    }

    @Test
    void retryAndCloseFollowTheGuaranteesAndEachCellCarriesItsVerdictWithItsStrength() {
        List<ProofVerdict> list = new ArrayList<>();
        for (Strategy s : List.of(SYNCHRONIZED, DOUBLE_CHECKED, HOLDER_IDIOM, ATOMIC_REFERENCE, GUAVA_MEMOIZE)) {
            for (Property p : Property.values()) {
                list.add(new ProofVerdict(s.name(), p, p.appliesTo(s) ? VerdictKind.PASS : VerdictKind.NOT_APPLICABLE,
                        1000, "a test", Map.of(), ""));
            }
        }
        list.replaceAll(v -> new ProofVerdict(v.strategy(), v.property(), v.verdict(), v.verdict() != VerdictKind.PASS
                ? Strength.NONE : v.strategy().equals(DOUBLE_CHECKED.name()) && v.property() == Property.CLOSE_VS_GET
                ? Strength.UNDISCRIMINATED : Strength.DISCRIMINATING, v.samples(), v.test(), v.observed(), v.note(), ""));
        ProofVerdicts verdicts = new ProofVerdicts(ProofVerdicts.FORMAT, "gate", "a JVM", "amd64", "Linux", "now",
                list);
        Guide g = guide(steady(17, 1), Optional.of(verdicts));
        assertThat(g.retry().retries())
                .containsExactly(SYNCHRONIZED, DOUBLE_CHECKED, ATOMIC_REFERENCE, DCL_REENTRANT_LOCK, GUAVA_MEMOIZE);
        assertThat(strategies(g.retry().neverRetries())).containsExactly(HOLDER_IDIOM);
        assertThat(g.retry().neverRetries().get(0).proof()).map(ProofVerdict::property)
                .contains(Property.FAILURE_THEN_ACCESS);
        assertThat(g.close().closeable()).containsExactly(SYNCHRONIZED, DOUBLE_CHECKED, ATOMIC_REFERENCE,
                DCL_REENTRANT_LOCK);
        assertThat(g.close().notCloseable()).containsExactly(HOLDER_IDIOM, GUAVA_MEMOIZE);
        assertThat(answers(g, SYNCHRONIZED).closes().verdict()).map(ProofVerdict::property)
                .contains(Property.CLOSE_VS_GET);
        assertThat(answers(g, DOUBLE_CHECKED).closes().verdict()).as("an undiscriminated PASS is shown with its strength")
                .map(ProofVerdict::strength).contains(Strength.UNDISCRIMINATED);
        assertThat(answers(g, DCL_REENTRANT_LOCK).closes().verdict()).as("no verdict in the file for it").isEmpty();
        assertThat(answers(g, HOLDER_IDIOM).retries().holds()).isFalse();
        assertThat(guide(steady(17, 1), Optional.empty()).matrix().rows())
                .as("no verdicts file: nothing cited").allSatisfy(r -> assertThat(r.retries().verdict()).isEmpty());
    }

    @Test
    void theStampedeCitedIsTheLargestAndItsTimeIsComparedWithTheBaselineAtTheSameCount() {
        List<Map<String, Object>> rows = new ArrayList<>(steady(17, 1));
        List<Double> same = List.of(20.0, 21.0, 19.0, 20.0, 22.0, 18.0, 20.0, 21.0, 19.0, 20.0);
        rows.add(JmhRows.stampedeBaseline(17, Bench.STAMPEDE_BASELINE, 64, same));
        rows.add(JmhRows.stampedeBaseline(17, Bench.STAMPEDE_BASELINE_AGAIN, 64, same));
        Guide g = guide(rows, Optional.empty());
        Guide.ColdCost cold = g.coldCost();
        assertThat(g.matrix().stampedeThreads()).isEqualTo(64);
        assertThat(strategies(cold.exactlyOnce())).containsExactly(SYNCHRONIZED, DOUBLE_CHECKED, HOLDER_IDIOM,
                DCL_REENTRANT_LOCK, GUAVA_MEMOIZE);
        assertThat(cold.exactlyOnce().get(3).stampede()).as("no stampede measured for it").isEmpty();
        assertThat(strategies(cold.closesDuplicates())).containsExactly(ATOMIC_REFERENCE);
        assertThat(strategies(cold.leaking())).as("the non-volatile DCL is broken but exactly-once")
                .containsExactly(BROKEN_UNSYNCHRONIZED);
        Measurements.Stampede leak = cold.leaking().get(0).stampede().orElseThrow();
        assertThat(leak.threads()).isEqualTo(64);
        assertThat(leak.counter(Bench.Counter.POOLS)).map(JmhResults.Metric::mean).contains(12.5);
        assertThat(answers(g, SYNCHRONIZED).stampedeTime()).as("20 ms per trial, as the baseline's: 1.00×, ≈")
                .hasValueSatisfying(c -> {
                    assertThat(c.ratio().value()).isEqualTo(1.0);
                    assertThat(c.resolved()).isFalse();
                });
        assertThat(strategies(g.virtualThreads().lockFree())).containsExactly(ATOMIC_REFERENCE);
    }

    @Test
    void theVirtualThreadAnswerComesFromTheVirtualThreadStampedeAndItsJdk() {
        List<VirtualThreadResults.Row> vt = List.of(
                new VirtualThreadResults.Row(SYNCHRONIZED.name(), FINISHED, 2000, List.of(1L, 2L, 3L), 3, 1,
                        25_000_000, List.of(new Pin("sun.nio.ch.Poller.subPollerLoop", false, 1, 1)),
                        ""), // the JDK's own thread: not counted
                new VirtualThreadResults.Row(HOLDER_IDIOM.name(), STUCK, 2000, List.of(), 1, 4, 60_000_000_000L,
                        List.of(new Pin("HolderIdiom.get", true, 2, 2)),
                        "after 30 s only 0 of 2000 threads held the store"), // the outcome says stuck, not the note
                new VirtualThreadResults.Row(GUAVA_MEMOIZE.name(), FINISHED, 2000, List.of(1L, 2L, 3L), 3, 2,
                        40_400_000, List.of(new Pin("GuavaMemoizeLazy.get", true, 2, 1)), ""),
                new VirtualThreadResults.Row(DCL_REENTRANT_LOCK.name(), FINISHED, 2000, List.of(1L, 2L, 3L), 3, 1,
                        400_000, List.of(new Pin("ReentrantLockLazy.get", true, 1, 0)),
                        ""), // 0.4 ms: a brief pin, no answer
                VirtualThreadResults.Row.notRun(ATOMIC_REFERENCE.name(),
                        "not run: every racing thread may build its own pool"));
        Guide g = guide(steady(17, 1), Optional.empty(), Optional.of(new VirtualThreadResults(
                VirtualThreadResults.FORMAT, "25.0.3+9-LTS", "a vendor", "now", 2000, 3, "a database", vt)));
        Guide.VirtualThreads v = g.virtualThreads();
        assertThat(v.forkJdk()).as("the benchmarks' forks").isEqualTo(17);
        assertThat(v.jdk()).as("the virtual-thread stampede's JDK, not the forks'").isEqualTo(25);
        assertThat(v.monitorsDoNotPin()).isTrue();
        assertThat(v.stuck()).containsExactly(HOLDER_IDIOM);
        assertThat(v.pinned()).containsExactly(GUAVA_MEMOIZE);
        assertThat(v.clean()).as("a pin in the JDK's poller, or one under JFR's 20 ms threshold, is no answer")
                .containsExactly(SYNCHRONIZED, DCL_REENTRANT_LOCK);
        assertThat(answers(g, ATOMIC_REFERENCE).virtualThreads().outcome()).isEqualTo(Outcome.NOT_RUN);
        assertThat(answers(g, DOUBLE_CHECKED).virtualThreads().outcome()).as("missing from the file").isEqualTo(
                Outcome.NOT_RUN);
        assertThat(g.matrix().virtualThreadsJdk()).contains("25.0.3+9-LTS");

        Guide.VirtualThreads none = guide(steady(21, 1), Optional.empty()).virtualThreads();
        assertThat(none.measuredOn()).isEmpty();
        assertThat(none.jdk()).isEqualTo(21);
        assertThat(none.monitorsDoNotPin()).isFalse();
        assertThat(answers(guide(steady(21, 1), Optional.empty()), SYNCHRONIZED).virtualThreads().outcome())
                .isEqualTo(Outcome.NOT_MEASURED);
    }

    @Test
    void aProvidersStrategyIsHeldToItsClaimsAndWhatItDoesNotClaimIsShownWithItsVerdict() {
        Strategy kotlin = Strategy.valueOf("KOTLIN_LAZY_PUBLICATION"); // the example provider, on this class path
        List<Map<String, Object>> rows = new ArrayList<>(steady(17, 1));
        rows.add(row(17, Bench.GET, kotlin, 0.6, 0.01));
        ProofVerdict seen = new ProofVerdict(kotlin.name(), Property.EXACTLY_ONCE, VerdictKind.PASS,
                Strength.DISCRIMINATING, 1000, "a test", Map.of("1 created", 600L, "2 created, extra left open", 400L),
                "interesting outcome observed", "");
        Guide g = guide(rows, Optional.of(new ProofVerdicts(ProofVerdicts.FORMAT, "gate", "a JVM", "amd64", "Linux",
                "now", List.of(seen))));
        assertThat(kotlin.provided()).isTrue();
        assertThat(g.providerGaps()).as("it claims retries, not exactly-once nor closeable")
                .extracting(Guide.Gap::guarantee).containsExactlyInAnyOrder(Guarantee.EXACTLY_ONCE, Guarantee.CLOSEABLE);
        assertThat(g.providerGaps()).filteredOn(x -> x.guarantee() == Guarantee.EXACTLY_ONCE).singleElement()
                .satisfies(x -> assertThat(x.verdict()).contains(seen));
        assertThat(g.providerGaps()).as("a built-in strategy is no provider's").allSatisfy(x -> assertThat(x.strategy())
                .isEqualTo(kotlin));
        assertThat(Fmt.label(kotlin)).isEqualTo("KOTLIN_LAZY_PUBLICATION (provider example)");
        Guide.Row k = answers(g, kotlin);
        assertThat(k.closes().judged()).as("a provider's unclaimed guarantee is shown, not judged").isFalse();
        assertThat(k.retries().judged()).as("a claimed one is judged").isTrue();
        assertThat(answers(g, HOLDER_IDIOM).closes().judged()).as("a built-in's missing one: the documented opposite")
                .isTrue();
        assertThat(g.close().notCloseable()).as("the bullet's list is the built-in ones").doesNotContain(kotlin);
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
        assertThat(dcl.oldest().score()).isEqualTo(1.02);
        assertThat(dcl.newest().score()).isEqualTo(0.51);
        assertThat(dcl.ratio().value()).isEqualTo(0.5);
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

        List<Map<String, Object>> once = new ArrayList<>();
        once.add(row(17, Bench.GET, DOUBLE_CHECKED, 1.0, Double.NaN));
        once.add(row(25, Bench.GET, DOUBLE_CHECKED, 1.0, Double.NaN));
        assertThat(guide(once, Optional.empty()).jdkChange().orElseThrow().errorsKnown()).isFalse();
    }

    @Test
    void nothingMeasuredAnswersNothing() {
        Guide g = guide(List.of(row(17, Bench.FIELD_READ, null, 0.5, 0.01)), Optional.empty());
        assertThat(g.matrix().rows()).isEmpty();
        assertThat(g.steadyCost().resolved()).isEmpty();
        assertThat(g.inShort().general()).isEmpty();
        assertThat(g.scope().perInstance()).isEmpty();
        assertThat(g.virtualThreads().forkJdk()).isEqualTo(17);
    }
}
