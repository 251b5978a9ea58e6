package dev.lazyinit.report;

import dev.lazyinit.harness.contract.ProofVerdicts;
import dev.lazyinit.harness.contract.ProofVerdicts.ProofVerdict;
import dev.lazyinit.harness.contract.Property;
import dev.lazyinit.harness.contract.StaticVerdicts;
import dev.lazyinit.harness.contract.StaticVerdicts.StaticVerdict;
import dev.lazyinit.harness.contract.Strength;
import dev.lazyinit.harness.contract.VerdictKind;
import dev.lazyinit.harness.contract.VirtualThreadResults;
import dev.lazyinit.report.Guide.Cited;
import dev.lazyinit.report.Guide.Claim;
import dev.lazyinit.report.Guide.Compared;
import dev.lazyinit.report.Guide.Row;
import dev.lazyinit.report.Guide.VirtualThreadAnswer;
import dev.lazyinit.report.Guide.VirtualThreadAnswer.Outcome;
import dev.lazyinit.report.JmhResults.Metric;
import dev.lazyinit.strategy.Guarantee;
import dev.lazyinit.strategy.Strategy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Decides the {@link Guide}'s answers from the registry's guarantees, the measurements and the verdicts. Each
 * answer rests on a guarantee and cites a number or a verdict; a number is a difference only where the run's A/A
 * control resolves it ({@link Resolution}), and differences inside that are never ranked.
 */
final class Decide {

    /** The guarantees an instance-scoped pool needs: the "in short" answer has all of them. */
    static final List<Guarantee> GENERAL_PURPOSE = List.of(Guarantee.EXACTLY_ONCE, Guarantee.RETRIES_AFTER_FAILURE,
            Guarantee.CLOSEABLE, Guarantee.PER_INSTANCE);

    private final Measurements main;
    private final Optional<ProofVerdicts> verdicts;
    private final Optional<StaticVerdicts> staticVerdicts;
    private final Optional<VirtualThreadResults> virtualThreads;
    private final List<Strategy> correct;

    private Decide(Measurements main, Optional<ProofVerdicts> verdicts, Optional<StaticVerdicts> staticVerdicts,
                   Optional<VirtualThreadResults> virtualThreads) {
        this.main = main;
        this.verdicts = verdicts;
        this.staticVerdicts = staticVerdicts;
        this.virtualThreads = virtualThreads;
        this.correct = main.strategies().stream().filter(s -> !s.broken()).toList();
    }

    /**
     * @param main the report's main JDK's measurements
     * @param byJdk every JDK's measurements, oldest first
     * @param verdicts the JCStress verdicts, if present
     * @return the answers, with no static verdicts and no virtual-thread stampede
     */
    static Guide guide(Measurements main, List<Measurements> byJdk, Optional<ProofVerdicts> verdicts) {
        return guide(main, byJdk, verdicts, Optional.empty(), Optional.empty());
    }

    /**
     * @param main the report's main JDK's measurements
     * @param byJdk every JDK's measurements, oldest first
     * @param verdicts the JCStress verdicts, if present
     * @param staticVerdicts the static layer's verdicts, if present
     * @param virtualThreads the virtual-thread stampede, if it ran
     * @return the answers
     */
    static Guide guide(Measurements main, List<Measurements> byJdk, Optional<ProofVerdicts> verdicts,
                       Optional<StaticVerdicts> staticVerdicts, Optional<VirtualThreadResults> virtualThreads) {
        Decide d = new Decide(main, verdicts, staticVerdicts, virtualThreads);
        Guide.Matrix matrix = d.matrix();
        return new Guide(matrix, d.scope(), d.retry(), d.close(), d.virtualThreads(), d.steadyCost(matrix),
                d.jdkChange(byJdk), d.coldCost(matrix), d.inShort(matrix), d.providerGaps());
    }

    private Guide.Matrix matrix() {
        int most = main.mostThreads();
        List<Row> rows = new ArrayList<>();
        for (Strategy s : correct) {
            rows.add(new Row(s, s.guarantees(Guarantee.PER_INSTANCE),
                    claim(s, Guarantee.RETRIES_AFTER_FAILURE, Property.FAILURE_THEN_ACCESS),
                    claim(s, Guarantee.CLOSEABLE, Property.CLOSE_VS_GET), virtualThreadAnswer(s),
                    main.steady(s, false), main.steady(s, true), main.cold(s), main.stampede(s, most),
                    main.stampedeTime(s, most)));
        }
        return new Guide.Matrix(rows, main.steadyAgainst(false), most,
                virtualThreads.map(VirtualThreadResults::jdk));
    }

    private Claim claim(Strategy s, Guarantee g, Property checkedBy) {
        return new Claim(s.guarantees(g), s.guarantees(g) || !s.provided(),
                verdicts.flatMap(v -> v.find(s.name(), checkedBy)));
    }

    private VirtualThreadAnswer virtualThreadAnswer(Strategy s) {
        if (virtualThreads.isEmpty()) {
            return new VirtualThreadAnswer(Outcome.NOT_MEASURED, 0, "");
        }
        return virtualThreads.get().rows().stream().filter(r -> r.strategy().equals(s.name())).findFirst()
                .map(VirtualThreadAnswer::of)
                .orElse(new VirtualThreadAnswer(Outcome.NOT_RUN, 0, "not in the virtual-thread results"));
    }

    private Guide.Scope scope() {
        return new Guide.Scope(without(correct, Guarantee.PER_INSTANCE), with(correct, Guarantee.PER_INSTANCE));
    }

    private Guide.Retry retry() {
        return new Guide.Retry(with(correct, Guarantee.RETRIES_AFTER_FAILURE),
                cite(without(builtIn(), Guarantee.RETRIES_AFTER_FAILURE), null, Property.FAILURE_THEN_ACCESS));
    }

    private Guide.Close close() {
        return new Guide.Close(with(correct, Guarantee.CLOSEABLE), without(builtIn(), Guarantee.CLOSEABLE));
    }

    /**
     * The correct built-in strategies: where a guarantee is missing, the registry documents the opposite and the
     * proofs hold it to that; a provider's strategy that does not claim one is shown in {@link #providerGaps}.
     */
    private List<Strategy> builtIn() {
        return correct.stream().filter(s -> !s.provided()).toList();
    }

    private Guide.VirtualThreads virtualThreads() {
        List<Strategy> stuck = new ArrayList<>();
        List<Strategy> pinned = new ArrayList<>();
        List<Strategy> clean = new ArrayList<>();
        for (Strategy s : correct) {
            VirtualThreadAnswer a = virtualThreadAnswer(s);
            if (a.outcome() == Outcome.STUCK) {
                stuck.add(s);
            } else if (a.outcome() == Outcome.FINISHED) {
                (a.pinnedEvents() > 0 ? pinned : clean).add(s);
            }
        }
        return new Guide.VirtualThreads(main.jdk(), virtualThreads.map(VirtualThreadResults::jdk), stuck, pinned,
                clean, withStampede(with(correct, Guarantee.CLOSES_DUPLICATES), null));
    }

    private Guide.SteadyCost steadyCost(Guide.Matrix matrix) {
        List<Row> resolved = rows(matrix, r -> r.steady().filter(Compared::resolved).isPresent());
        List<Strategy> same = rows(matrix, r -> r.steady().filter(c -> !c.resolved()).isPresent()).stream()
                .map(Row::strategy).toList();
        Optional<Row> dearest = rows(matrix, r -> r.steadyTwoThreads().filter(Compared::resolved).isPresent())
                .stream().max(Comparator.comparingDouble(r -> r.steadyTwoThreads().orElseThrow().ratio().value()));
        return new Guide.SteadyCost(matrix.steadyAgainst(), resolved, same, dearest, main.baseline(main.pingBaseline()));
    }

    /** Which correct strategies' 1-thread steady state moved beyond the error from the oldest to the newest JDK. */
    private Optional<Guide.JdkChange> jdkChange(List<Measurements> byJdk) {
        if (byJdk.size() < 2) {
            return Optional.empty();
        }
        Measurements oldest = byJdk.get(0);
        Measurements newest = byJdk.get(byJdk.size() - 1);
        List<Guide.Moved> moved = new ArrayList<>();
        boolean errorsKnown = true;
        for (Strategy s : correct) {
            Optional<Metric> a = oldest.of(Bench.GET, s);
            Optional<Metric> b = newest.of(Bench.GET, s);
            if (a.isEmpty() || b.isEmpty()) {
                continue;
            }
            Ratio r = Ratio.of(b.get(), a.get());
            errorsKnown &= !Double.isNaN(a.get().error()) && !Double.isNaN(b.get().error());
            if (!r.indistinguishableFromOne()) {
                moved.add(new Guide.Moved(s, a.get(), b.get(), r));
            }
        }
        return Optional.of(new Guide.JdkChange(oldest.jdk(), newest.jdk(), errorsKnown, moved));
    }

    private Guide.ColdCost coldCost(Guide.Matrix matrix) {
        List<Strategy> leaking = main.strategies().stream().filter(Strategy::broken)
                .filter(s -> !s.guarantees(Guarantee.EXACTLY_ONCE)).toList();
        return new Guide.ColdCost(rows(matrix, r -> r.cold().filter(Compared::resolved).isPresent()),
                withStampede(with(correct, Guarantee.EXACTLY_ONCE), Property.EXACTLY_ONCE),
                withStampede(with(correct, Guarantee.CLOSES_DUPLICATES), null),
                withStampede(leaking, Property.EXACTLY_ONCE));
    }

    /**
     * The general-purpose strategies this run cannot tell from the cheapest of them (its 1-thread A/A control
     * decides, as everywhere): equally good answers, named together and not ranked; the rest are dearer.
     */
    private Guide.InShort inShort(Guide.Matrix matrix) {
        List<Row> general = rows(matrix, r -> r.strategy().guarantees().containsAll(GENERAL_PURPOSE));
        Optional<Row> cheapest = general.stream().filter(r -> r.steady().isPresent())
                .min(Comparator.comparingDouble(r -> r.steady().orElseThrow().ratio().value()));
        // Dearer: resolved above the cheapest of them and above the floor twin, so that a strategy the table shows
        // as ≈ the twin is never named dearer (its interval, wide in a disturbed fork, reaches the twin).
        Predicate<Row> dearer = r -> resolvedAbove(cheapest.flatMap(c -> main.steadyBetween(r.strategy(),
                c.strategy()))) && resolvedAbove(r.steady());
        return new Guide.InShort(general.stream().filter(dearer.negate()).map(Row::strategy).toList(),
                general.stream().filter(dearer).toList(),
                general.stream().map(Row::strategy).filter(s -> s.guarantees(Guarantee.WAITERS_CAN_GIVE_UP)).toList(),
                without(correct, Guarantee.PER_INSTANCE), main.steadyResolution(false).disturbedBy());
    }

    /** @return whether the ratio was measured and this run resolves it above 1.00× */
    private static boolean resolvedAbove(Optional<Compared> ratio) {
        return ratio.filter(x -> x.resolved() && x.ratio().value() > 1).isPresent();
    }

    /** The guarantees users assume of a library holder, and the proof that shows what a holder does about each. */
    private static final Map<Guarantee, Property> ASSUMED = new EnumMap<>(Map.of(Guarantee.EXACTLY_ONCE,
            Property.EXACTLY_ONCE, Guarantee.RETRIES_AFTER_FAILURE, Property.FAILURE_THEN_ACCESS, Guarantee.CLOSEABLE,
            Property.CLOSE_VS_GET));

    private List<Guide.Gap> providerGaps() {
        List<Guide.Gap> gaps = new ArrayList<>();
        for (Strategy s : correct.stream().filter(Strategy::provided).toList()) {
            ASSUMED.forEach((g, p) -> {
                if (!s.guarantees(g)) {
                    gaps.add(new Guide.Gap(s, g, verdicts.flatMap(v -> v.find(s.name(), p))));
                }
            });
        }
        return gaps;
    }

    private static List<Row> rows(Guide.Matrix matrix, Predicate<Row> which) {
        return matrix.rows().stream().filter(which).toList();
    }

    private List<Cited> cite(List<Strategy> strategies, Bench bench, Property property) {
        return strategies.stream().map(s -> new Cited(s, Optional.ofNullable(bench).flatMap(b -> main.of(b, s)
                .map(m -> new Guide.Measured(b, m))), Optional.empty(), proof(s, property), staticProof(s, property)))
                .toList();
    }

    private List<Cited> withStampede(List<Strategy> strategies, Property property) {
        int most = main.mostThreads();
        return strategies.stream().map(s -> new Cited(s, Optional.empty(), main.stampede(s, most),
                proof(s, property), staticProof(s, property))).toList();
    }

    /** A JCStress verdict is cited only if it could have failed: never an undiscriminated PASS. */
    private Optional<ProofVerdict> proof(Strategy s, Property property) {
        return property == null ? Optional.empty() : verdicts.flatMap(v -> v.find(s.name(), property))
                .filter(v -> v.strength() != Strength.UNDISCRIMINATED);
    }

    /** Publication also rests on the static layer, which sees the non-volatile DCL on any hardware. */
    private Optional<StaticVerdict> staticProof(Strategy s, Property property) {
        return property != Property.PUBLICATION ? Optional.empty() : staticVerdicts.flatMap(v -> v.find(s.name()))
                .filter(v -> v.verdict() != VerdictKind.NOT_APPLICABLE && v.strength() != Strength.UNDISCRIMINATED);
    }

    static List<Strategy> with(List<Strategy> list, Guarantee g) {
        return list.stream().filter(s -> s.guarantees(g)).toList();
    }

    static List<Strategy> without(List<Strategy> list, Guarantee g) {
        return list.stream().filter(s -> !s.guarantees(g)).toList();
    }
}
