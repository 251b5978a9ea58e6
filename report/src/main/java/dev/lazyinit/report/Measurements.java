package dev.lazyinit.report;

import dev.lazyinit.report.Bench.Counter;
import dev.lazyinit.report.JmhResults.Metric;
import dev.lazyinit.report.JmhResults.Row;
import dev.lazyinit.strategy.Strategy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The results of one set of forks (usually one JDK's), looked up by {@link Bench} and {@link Strategy} instead
 * of by names: what every section and decision reads. Which number each ratio compares with which, and which
 * A/A control judges it, is {@link Comparisons}' job; this class offers its comparisons under its own name.
 */
final class Measurements {

    /** The control that does the floor twin's work (a plain read and a null check) through a holder of its own. */
    static final Strategy FLOOR_CONTROL = Strategy.BROKEN_UNSYNCHRONIZED;

    private final JmhResults results;
    private final List<Strategy> catalogue;
    private final Comparisons compare;

    /**
     * @param results the rows to read
     * @param catalogue the strategies the run measured, in its registry's order ({@link Inputs#strategies()})
     */
    Measurements(JmhResults results, List<Strategy> catalogue) {
        this.results = results;
        this.catalogue = List.copyOf(catalogue);
        this.compare = new Comparisons(this);
    }

    /** @return the rows */
    JmhResults results() {
        return results;
    }

    /** @return the feature release of the JDK the forks ran on (of the first row), or 0 */
    int jdk() {
        return results.rows().stream().findFirst().map(Row::jdk).orElse(0);
    }

    /** @return the strategies with any result, in registry order */
    List<Strategy> strategies() {
        return catalogue.stream()
                .filter(s -> results.rows().stream().anyMatch(r -> s.name().equals(r.param(Bench.STRATEGY))))
                .toList();
    }

    /**
     * @return the strategy names these results hold that neither the folder's {@code strategies.json} nor this
     *         build's registry describes, sorted: a provider's strategies from a folder written before that file,
     *         rendered without the provider's jar, which every table would otherwise leave out in silence
     */
    List<String> unknownStrategies() {
        Set<String> known = catalogue.stream().map(Strategy::name).collect(Collectors.toSet());
        Stream<String> params = results.rows().stream().map(r -> r.param(Bench.STRATEGY)).filter(n -> n != null);
        Stream<String> subjects = results.rows().stream().filter(Bench.FIRST_GET::matches)
                .flatMap(r -> r.secondary().keySet().stream())
                .filter(n -> !n.equals(Bench.COLD_BASELINE.subject())
                        && !n.equals(Bench.COLD_BASELINE_AGAIN.subject())
                        && !n.equals(Bench.COLD_ONE_CONNECTION.subject()));
        return Stream.concat(params, subjects).filter(n -> !known.contains(n)).distinct().sorted().toList();
    }

    /**
     * @param bench a baseline (a benchmark without a strategy)
     * @return its score, if it ran
     */
    Optional<Metric> baseline(Bench bench) {
        if (bench.coldSubject()) {
            return subject(bench, bench.subject());
        }
        return row(bench, r -> true).map(Measurements::score);
    }

    /**
     * @param bench a stampede baseline ({@link Bench#STAMPEDE_BASELINE} or its A/A twin)
     * @param threads a thread count
     * @return its result, if it ran
     */
    Optional<Stampede> stampedeBaseline(Bench bench, int threads) {
        return row(bench, r -> String.valueOf(threads).equals(r.param(Bench.THREADS)))
                .map(r -> new Stampede(threads, r.primary(), r.secondary()));
    }

    /**
     * @param bench a benchmark with a strategy parameter
     * @param strategy the strategy
     * @return its score, if it ran
     */
    Optional<Metric> of(Bench bench, Strategy strategy) {
        if (bench.coldSubject()) {
            return subject(bench, strategy.name());
        }
        return row(bench, r -> strategy.name().equals(r.param(Bench.STRATEGY))).map(Measurements::score);
    }

    // The comparisons: what each ratio is measured against and which A/A control judges it is Comparisons' job;
    // the sections and Decide ask for them here.

    /** @return a cold subject's shots ÷ the baseline's, round by round ({@link Comparisons#coldRatio}) */
    static Interval coldRatio(Metric x, Metric base) {
        return Comparisons.coldRatio(x, base);
    }

    /** @return the cold family's A/A resolution ({@link Comparisons#coldResolution}) */
    Resolution coldResolution() {
        return compare.coldResolution();
    }

    /** @return the resolution of a steady-state A/A pair ({@link Comparisons#steadyResolution(Bench, Bench)}) */
    Resolution steadyResolution(Bench again, Bench base) {
        return compare.steadyResolution(again, base);
    }

    /** @return the stampede's A/A resolution at a thread count ({@link Comparisons#stampedeResolution}) */
    Resolution stampedeResolution(int threads) {
        return compare.stampedeResolution(threads);
    }

    /** @return what a steady-state {@code get()} is compared with ({@link Comparisons#steadyAgainst}) */
    Bench steadyAgainst(boolean twoThreads) {
        return compare.steadyAgainst(twoThreads);
    }

    /** @return the floor check: the unsynchronized control ÷ the floor twin ({@link Comparisons#floorCheck}) */
    Optional<Guide.Compared> floorCheck(boolean twoThreads) {
        return compare.floorCheck(twoThreads);
    }

    /** @return a steady-state column's resolution ({@link Comparisons#steadyResolution(boolean)}) */
    Resolution steadyResolution(boolean twoThreads) {
        return compare.steadyResolution(twoThreads);
    }

    /** @return the dispatch control: polluted floor twin ÷ floor twin ({@link Comparisons#dispatchControl}) */
    Optional<Guide.Compared> dispatchControl() {
        return compare.dispatchControl();
    }

    /** @return a strategy's {@code get()} ÷ what it is compared with ({@link Comparisons#steady}) */
    Optional<Guide.Compared> steady(Strategy strategy, boolean twoThreads) {
        return compare.steady(strategy, twoThreads);
    }

    /** @return one strategy's 1-thread {@code get()} ÷ another's ({@link Comparisons#steadyBetween}) */
    Optional<Guide.Compared> steadyBetween(Strategy a, Strategy b) {
        return compare.steadyBetween(a, b);
    }

    /** @return the query baseline ({@link Comparisons#pingBaseline}) */
    Bench pingBaseline() {
        return compare.pingBaseline();
    }

    /** @return a strategy's {@code get().ping()} ÷ the query baseline ({@link Comparisons#ping}) */
    Optional<Guide.Compared> ping(Strategy strategy) {
        return compare.ping(strategy);
    }

    /** @return the query's A/A resolution ({@link Comparisons#pingResolution}) */
    Resolution pingResolution() {
        return compare.pingResolution();
    }

    /** @return a strategy's cold first {@code get()} ÷ the no-holder baseline ({@link Comparisons#cold}) */
    Optional<Guide.Compared> cold(Strategy strategy) {
        return compare.cold(strategy);
    }

    /** @return a strategy's stampede time ÷ the no-holder baseline's ({@link Comparisons#stampedeTime}) */
    Optional<Guide.Compared> stampedeTime(Strategy strategy, int threads) {
        return compare.stampedeTime(strategy, threads);
    }

    /** @return the stampede's thread counts, smallest first */
    List<Integer> stampedeThreads() {
        return results.rows().stream().filter(Bench.STAMPEDE::matches).map(r -> r.param(Bench.THREADS))
                .filter(t -> t != null).map(Integer::valueOf).distinct().sorted().toList();
    }

    /** @return the number of trials of every stampede row, baselines included */
    List<Integer> stampedeTrials() {
        return results.rows().stream().filter(r -> Bench.STAMPEDE.matches(r) || Bench.STAMPEDE_BASELINE.matches(r)
                || Bench.STAMPEDE_BASELINE_AGAIN.matches(r)).map(r -> r.primary().samples().length).toList();
    }

    /** @return the largest stampede, or 0 if none ran */
    int mostThreads() {
        List<Integer> threads = stampedeThreads();
        return threads.isEmpty() ? 0 : threads.get(threads.size() - 1);
    }

    /**
     * @param strategy a strategy
     * @param threads a thread count
     * @return that stampede's result, if it ran
     */
    Optional<Stampede> stampede(Strategy strategy, int threads) {
        return row(Bench.STAMPEDE, r -> strategy.name().equals(r.param(Bench.STRATEGY))
                && String.valueOf(threads).equals(r.param(Bench.THREADS)))
                .map(r -> new Stampede(threads, r.primary(), r.secondary()));
    }

    /**
     * What a row's number is: for the steady state, its fastest fork ({@link Metric#fastestFork}), so that a slow
     * stretch of the machine during one or two of its forks moves no ratio; for single shots
     * (cold start, stampede), every shot of every fork, which their medians and bootstrap intervals read.
     *
     * @param row a result
     * @return its primary metric as the report reads it
     */
    static Metric score(Row row) {
        return row.className().equals(Bench.Names.simple(Bench.Names.STEADY)) ? row.primary().fastestFork()
                : row.primary();
    }

    /**
     * @param bench a steady-state benchmark without a strategy parameter
     * @return its metric with every fork (not only the fastest), if it ran
     */
    Optional<Metric> allForks(Bench bench) {
        return row(bench, r -> true).map(Row::primary);
    }

    /**
     * @param bench a steady-state benchmark with a strategy parameter
     * @param strategy the strategy
     * @return its metric with every fork (not only the fastest), if it ran
     */
    Optional<Metric> allForks(Bench bench, Strategy strategy) {
        return row(bench, r -> strategy.name().equals(r.param(Bench.STRATEGY))).map(Row::primary);
    }

    /** A subject of the interleaved cold benchmark: a secondary result of its row, named after the subject. */
    private Optional<Metric> subject(Bench bench, String subject) {
        return results.rows().stream().filter(bench::matches).map(r -> r.secondary().get(subject))
                .filter(m -> m != null).findFirst();
    }

    private Optional<Row> row(Bench bench, Predicate<Row> params) {
        return results.rows().stream().filter(bench::matches).filter(params).findFirst();
    }

    /**
     * One stampede: the time until every thread held a store, and the per-trial counts.
     *
     * @param threads the racing threads
     * @param time the time per trial
     * @param counters the aux counters by field name
     */
    record Stampede(int threads, Metric time, Map<String, Metric> counters) {

        /**
         * @param counter a counter
         * @return its per-trial values, if recorded
         */
        Optional<Metric> counter(Counter counter) {
            return Optional.ofNullable(counters.get(counter.field()));
        }
    }
}
