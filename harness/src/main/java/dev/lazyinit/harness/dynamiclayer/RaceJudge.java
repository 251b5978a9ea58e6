package dev.lazyinit.harness.dynamiclayer;

import static dev.lazyinit.harness.dynamiclayer.FalseAlarms.simple;

import dev.lazyinit.harness.contract.StaticVerdicts;
import dev.lazyinit.harness.contract.StaticVerdicts.Finding;
import dev.lazyinit.harness.contract.StaticVerdicts.StaticVerdict;
import dev.lazyinit.harness.contract.StaticVerdicts.Suppression;
import dev.lazyinit.harness.contract.Strength;
import dev.lazyinit.harness.contract.VerdictKind;
import dev.lazyinit.harness.dynamiclayer.FalseAlarms.Discount;
import dev.lazyinit.harness.dynamiclayer.VmlensReport.Access;
import dev.lazyinit.harness.dynamiclayer.VmlensReport.Run;
import dev.lazyinit.harness.support.Available;
import dev.lazyinit.strategy.Guarantee;
import dev.lazyinit.strategy.Strategy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Judges the runs read from VMLens' report, one verdict per registry strategy, by the rules {@link DynamicLayer}
 * states: a claimed {@link Guarantee#SAFE_PUBLICATION} must show no counted race, a control that violates it is
 * CAUGHT by one; races {@link FalseAlarms} explains are left out of the count and listed as suppressions.
 *
 * <p>What could go wrong: a verdict resting on a run that showed nothing. A run VMLens reports as failed with no race
 * gives no verdict ({@link DynamicLayer#FAILED_RUN}); one that failed with a race (a control's race can end its run:
 * "Failure, Data Race") is judged by that race, and its note says the run failed; a run with no field access at all
 * (state behind a VarHandle or in the JDK) gives N/A for a claimed strategy and NOT_OBSERVED for a control, never a
 * PASS or a miss passed off as one.
 */
final class RaceJudge {

    private RaceJudge() {
    }

    /**
     * The rules, over a report already read.
     *
     * @param runs the report's runs, by strategy name
     * @param settings how it ran, for the file
     * @return a verdict per registry strategy
     */
    static StaticVerdicts judge(Map<String, Run> runs, String settings) {
        List<Suppression> suppressions = new ArrayList<>();
        List<StaticVerdict> judged = new ArrayList<>();
        for (Strategy s : Strategy.values()) {
            judged.add(judge(s, Optional.ofNullable(runs.get(s.name())), suppressions));
        }
        List<StaticVerdict> verdicts = StaticVerdicts.withStrength(judged, "no control was caught in this run");
        return new StaticVerdicts(StaticVerdicts.FORMAT, DynamicLayer.TOOL, settings, Instant.now().toString(),
                verdicts, suppressions);
    }

    private static StaticVerdict judge(Strategy s, Optional<Run> found, List<Suppression> suppressions) {
        if (!s.available()) {
            return new StaticVerdict(s.name(), List.of(), VerdictKind.NOT_APPLICABLE, Strength.NONE, List.of(),
                    "not built on this JDK: " + s.unavailableReason());
        }
        if (found.isEmpty()) {
            return new StaticVerdict(s.name(), List.of(), VerdictKind.NOT_APPLICABLE, Strength.NONE, List.of(),
                    Available.inScope(s) ? "not in VMLens' report: not traced" : "not in this run's scope ("
                            + Available.OUT_OF_SCOPE + ")");
        }
        Run run = found.get();
        Map<String, List<Access>> races = races(run);
        if (run.failed() && races.isEmpty()) { // the tool could not finish its runs, and saw no race
            return new StaticVerdict(s.name(), List.of(), s.violates().contains(Guarantee.SAFE_PUBLICATION)
                    ? VerdictKind.NOT_OBSERVED : VerdictKind.NOT_APPLICABLE, Strength.NONE, List.of(),
                    DynamicLayer.FAILED_RUN + ": VMLens reported its run as '" + run.result() + "' after "
                            + run.interleavings() + " interleavings, not a race: no verdict (its report names the"
                            + " last accesses)");
        }
        List<String> touched = run.accesses().stream().filter(Access::fieldAccess).map(Access::element)
                .distinct().toList();
        List<Finding> counted = new ArrayList<>();
        List<String> racyFields = new ArrayList<>(); // the counted races' fields, for the note
        List<String> leftOut = new ArrayList<>();
        for (Map.Entry<String, List<Access>> race : races.entrySet()) {
            Finding finding = finding(race.getKey(), race.getValue());
            Optional<Discount> discount = FalseAlarms.discount(race.getKey(), race.getValue());
            if (discount.isPresent()) {
                suppressions.add(new Suppression(finding, s.name() + ": " + discount.get().reason()));
                leftOut.add(simple(race.getKey()) + " (" + discount.get().rule() + ")");
            } else {
                counted.add(finding);
                racyFields.add(simple(race.getKey()));
            }
        }
        String fields = String.join(", ", racyFields);
        String seen = run.interleavings() + " interleavings, fields or atomics touched: " + touched.size()
                + (leftOut.isEmpty() ? "" : "; a known false alarm left out: race on " + String.join(", ", leftOut))
                + (run.failed() ? "; VMLens also reported the run as '" + run.result() + "' (its race is judged)"
                        : "");
        boolean claims = s.guarantees(Guarantee.SAFE_PUBLICATION);
        boolean violates = s.violates().contains(Guarantee.SAFE_PUBLICATION);
        if (!claims && !violates) {
            return new StaticVerdict(s.name(), touched, VerdictKind.NOT_APPLICABLE, Strength.NONE, counted,
                    "claims nothing about publication, so not judged; seen: " + seen
                            + (counted.isEmpty() ? ", no race" : ", races on " + fields));
        }
        if (touched.isEmpty()) {
            return claims
                    ? new StaticVerdict(s.name(), touched, VerdictKind.NOT_APPLICABLE, Strength.NONE, counted,
                            "VMLens saw no field access (" + seen + "): its state is behind a VarHandle or in"
                                    + " the JDK, which VMLens does not trace")
                    : new StaticVerdict(s.name(), touched, VerdictKind.NOT_OBSERVED, Strength.NONE, counted,
                            "a blind spot: VMLens saw no field access (" + seen + "); VarHandle accesses are"
                                    + " not traced");
        }
        if (claims) {
            return counted.isEmpty()
                    ? new StaticVerdict(s.name(), touched, VerdictKind.PASS, Strength.NONE, counted,
                            "no race; " + seen)
                    : new StaticVerdict(s.name(), touched, VerdictKind.FAIL, Strength.NONE, counted,
                            "data race on " + fields + "; " + seen);
        }
        return counted.isEmpty()
                ? new StaticVerdict(s.name(), touched, VerdictKind.NOT_OBSERVED, Strength.NONE, counted,
                        "no race counted; " + seen)
                : new StaticVerdict(s.name(), touched, VerdictKind.CAUGHT, Strength.NONE, counted,
                        "data race on " + fields + "; " + seen);
    }

    /** @return the run's racy accesses, by field */
    private static Map<String, List<Access>> races(Run run) {
        Map<String, List<Access>> races = new LinkedHashMap<>();
        run.accesses().stream().filter(Access::race)
                .forEach(a -> races.computeIfAbsent(a.element(), k -> new ArrayList<>()).add(a));
        return races;
    }

    private static Finding finding(String field, List<Access> accesses) {
        int dot = field.lastIndexOf('.');
        String className = (dot < 0 ? field : field.substring(0, dot)).replace('/', '.');
        String how = String.join(", ", accesses.stream()
                .map(a -> a.operation().toLowerCase(java.util.Locale.ROOT) + " in " + simple(a.method())
                        + " (" + a.thread() + ")").distinct().toList());
        return new Finding(DynamicLayer.DATA_RACE, "MT_CORRECTNESS", className, 0, "data race on " + simple(field)
                + ": " + how);
    }
}
