package dev.lazyinit.jmh.report;

import dev.lazyinit.harness.contract.ProofVerdicts.ProofVerdict;
import dev.lazyinit.harness.contract.ProofVerdicts;
import dev.lazyinit.harness.contract.StaticVerdicts.StaticVerdict;
import dev.lazyinit.harness.contract.StaticVerdicts;
import dev.lazyinit.jmh.report.Guide.Cited;
import dev.lazyinit.jmh.report.Guide.Measured;
import dev.lazyinit.jmh.report.Guide.Moved;
import dev.lazyinit.jmh.report.JmhResults.Metric;
import dev.lazyinit.strategy.Guarantee;
import dev.lazyinit.strategy.Property;
import dev.lazyinit.strategy.Strategy;
import dev.lazyinit.strategy.Strength;
import dev.lazyinit.strategy.VerdictKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides the {@link Guide}'s answers from the registry's guarantees, the measurements and the verdicts. Each
 * answer rests on a guarantee and cites a number or a verdict; comparisons use the numbers and their errors,
 * never their formatted text.
 */
final class Decide {

    /** The guarantees an instance-scoped pool needs: the "in short" answer has all of them. */
    static final List<Guarantee> GENERAL_PURPOSE = List.of(Guarantee.EXACTLY_ONCE, Guarantee.RETRIES_AFTER_FAILURE,
            Guarantee.CLOSEABLE, Guarantee.PER_INSTANCE);

    private final Measurements main;
    private final Optional<ProofVerdicts> verdicts;
    private final List<Strategy> correct;

    private final Optional<StaticVerdicts> staticVerdicts;

    private Decide(Measurements main, Optional<ProofVerdicts> verdicts, Optional<StaticVerdicts> staticVerdicts) {
        this.staticVerdicts = staticVerdicts;
        this.main = main;
        this.verdicts = verdicts;
        this.correct = main.strategies().stream().filter(s -> !s.broken()).toList();
    }

    /**
     * @param main the report's main JDK's measurements
     * @param byJdk every JDK's measurements, oldest first
     * @param verdicts the JCStress verdicts, if present
     * @param virtualThreadsMeasured whether the virtual-thread stampede ran
     * @return the answers
     */
    static Guide guide(Measurements main, List<Measurements> byJdk, Optional<ProofVerdicts> verdicts,
                       boolean virtualThreadsMeasured) {
        return guide(main, byJdk, verdicts, Optional.empty(), virtualThreadsMeasured);
    }

    /**
     * @param main the report's main JDK's measurements
     * @param byJdk every JDK's measurements, oldest first
     * @param verdicts the JCStress verdicts, if present
     * @param staticVerdicts the static layer's verdicts, if present
     * @param virtualThreadsMeasured whether the virtual-thread stampede ran
     * @return the answers
     */
    static Guide guide(Measurements main, List<Measurements> byJdk, Optional<ProofVerdicts> verdicts,
                       Optional<StaticVerdicts> staticVerdicts, boolean virtualThreadsMeasured) {
        Decide d = new Decide(main, verdicts, staticVerdicts);
        return new Guide(main.baseline(Bench.FIELD_READ), d.scope(), d.retry(), d.close(),
                d.virtualThreads(virtualThreadsMeasured), d.steadyCost(), d.jdkChange(byJdk), d.coldCost(),
                d.inShort());
    }

    private Guide.Scope scope() {
        return new Guide.Scope(cite(without(correct, Guarantee.PER_INSTANCE), Bench.GET, null),
                cite(with(correct, Guarantee.PER_INSTANCE), Bench.GET, null));
    }

    private Guide.Retry retry() {
        return new Guide.Retry(cite(with(correct, Guarantee.RETRIES_AFTER_FAILURE), null,
                Property.FAILURE_THEN_ACCESS),
                cite(without(correct, Guarantee.RETRIES_AFTER_FAILURE), null, Property.FAILURE_THEN_ACCESS));
    }

    private Guide.Close close() {
        return new Guide.Close(cite(with(correct, Guarantee.CLOSEABLE), null, Property.CLOSE_VS_GET),
                without(correct, Guarantee.CLOSEABLE));
    }

    private Guide.VirtualThreads virtualThreads(boolean measured) {
        return new Guide.VirtualThreads(main.jdk(), withStampede(with(correct, Guarantee.CLOSES_DUPLICATES), null),
                measured);
    }

    private Guide.SteadyCost steadyCost() {
        Optional<Strategy> cheapest = main.cheapest(correct, Bench.GET);
        List<Cited> tied = cheapest.map(c -> cite(correct.stream().filter(s -> s != c)
                .filter(s -> overlapsOn(Bench.GET, s, c)).toList(), Bench.GET, null)).orElse(List.of());
        return new Guide.SteadyCost(cheapest.map(s -> cite(s, Bench.GET, null)), tied,
                main.dearest(correct, Bench.GET_2_THREADS).map(s -> cite(s, Bench.GET_2_THREADS, null)),
                main.baseline(Bench.PING));
    }

    /** Which correct strategies' 1-thread steady state moved beyond the error from the oldest to the newest JDK. */
    private Optional<Guide.JdkChange> jdkChange(List<Measurements> byJdk) {
        if (byJdk.size() < 2) {
            return Optional.empty();
        }
        Measurements oldest = byJdk.get(0);
        Measurements newest = byJdk.get(byJdk.size() - 1);
        List<Moved> moved = new ArrayList<>();
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
                moved.add(new Moved(s, a.get(), b.get(), r));
            }
        }
        return Optional.of(new Guide.JdkChange(oldest.jdk(), newest.jdk(), errorsKnown, moved,
                oldest.cheapest(correct, Bench.GET), newest.cheapest(correct, Bench.GET)));
    }

    private Guide.ColdCost coldCost() {
        List<Strategy> leaking = main.strategies().stream().filter(Strategy::broken)
                .filter(s -> !s.guarantees(Guarantee.EXACTLY_ONCE)).toList();
        return new Guide.ColdCost(withStampede(with(correct, Guarantee.EXACTLY_ONCE), Property.EXACTLY_ONCE),
                withStampede(with(correct, Guarantee.CLOSES_DUPLICATES), null),
                withStampede(leaking, Property.EXACTLY_ONCE));
    }

    private Guide.InShort inShort() {
        Optional<Strategy> general = main.cheapest(correct.stream()
                .filter(s -> s.guarantees().containsAll(GENERAL_PURPOSE)).toList(), Bench.GET);
        List<Strategy> tied = general.map(g -> correct.stream().filter(s -> s != g)
                .filter(s -> s.guarantees().containsAll(g.guarantees()))
                .filter(s -> overlapsOn(Bench.GET, s, g)).toList()).orElse(List.of());
        return new Guide.InShort(general.map(s -> cite(s, Bench.GET, Property.PUBLICATION)), tied,
                without(correct, Guarantee.PER_INSTANCE));
    }

    private boolean overlapsOn(Bench bench, Strategy a, Strategy b) {
        Optional<Metric> ma = main.of(bench, a);
        Optional<Metric> mb = main.of(bench, b);
        return ma.isPresent() && mb.isPresent() && Ratio.overlaps(ma.get(), mb.get());
    }

    private List<Cited> cite(List<Strategy> strategies, Bench bench, Property property) {
        return strategies.stream().map(s -> cite(s, bench, property)).toList();
    }

    private Cited cite(Strategy s, Bench bench, Property property) {
        return new Cited(s, Optional.ofNullable(bench).flatMap(b -> main.of(b, s).map(m -> new Measured(b, m))),
                Optional.empty(), proof(s, property), staticProof(s, property));
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
