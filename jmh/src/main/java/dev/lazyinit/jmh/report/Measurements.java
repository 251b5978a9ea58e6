package dev.lazyinit.jmh.report;

import dev.lazyinit.jmh.LazyInit_01_ColdFirstAccess;
import dev.lazyinit.jmh.LazyInit_02_SteadyState;
import dev.lazyinit.jmh.report.Bench.Counter;
import dev.lazyinit.jmh.report.JmhResults.Metric;
import dev.lazyinit.jmh.report.JmhResults.Row;
import dev.lazyinit.strategy.Strategy;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The results of one set of forks (usually one JDK's), looked up by {@link Bench} and {@link Strategy} instead
 * of by names: what every section and decision reads.
 */
final class Measurements {

    /** The control that does the floor twin's work (a plain read and a null check) through a holder of its own. */
    static final Strategy FLOOR_CONTROL = Strategy.BROKEN_UNSYNCHRONIZED;

    private final JmhResults results;

    /** @param results the rows to read */
    Measurements(JmhResults results) {
        this.results = results;
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
        return Arrays.stream(Strategy.values())
                .filter(s -> results.rows().stream().anyMatch(r -> s.name().equals(r.param(Bench.STRATEGY))))
                .toList();
    }

    /**
     * @return the strategy names these results hold that this build's registry does not know, sorted: a provider's
     *         strategies rendered without its jar on the class path, which every table would otherwise leave out
     *         in silence
     */
    List<String> unknownStrategies() {
        Set<String> known = Arrays.stream(Strategy.values()).map(Strategy::name).collect(Collectors.toSet());
        Stream<String> params = results.rows().stream().map(r -> r.param(Bench.STRATEGY)).filter(n -> n != null);
        Stream<String> subjects = results.rows().stream().filter(Bench.FIRST_GET::matches)
                .flatMap(r -> r.secondary().keySet().stream())
                .filter(n -> !n.equals(LazyInit_01_ColdFirstAccess.BASELINE)
                        && !n.equals(LazyInit_01_ColdFirstAccess.BASELINE_AGAIN)
                        && !n.equals(LazyInit_01_ColdFirstAccess.ONE_CONNECTION));
        return Stream.concat(params, subjects).filter(n -> !known.contains(n)).distinct().sorted().toList();
    }

    /**
     * @param bench a baseline (a benchmark without a strategy)
     * @return its score, if it ran
     */
    Optional<Metric> baseline(Bench bench) {
        if (bench.coldSubject()) {
            return subject(bench, switch (bench) {
                case COLD_BASELINE_AGAIN -> LazyInit_01_ColdFirstAccess.BASELINE_AGAIN;
                case COLD_ONE_CONNECTION -> LazyInit_01_ColdFirstAccess.ONE_CONNECTION;
                default -> LazyInit_01_ColdFirstAccess.BASELINE;
            });
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

    /**
     * A cold subject's first access against the baseline's, round by round.
     *
     * @param x a cold subject's shots
     * @param base the baseline's, from the same rounds
     * @return the median of the per-round ratios with its 95 % interval; if a subject missed rounds, so that
     *         shots cannot be paired, the ratio of the medians with a bootstrap interval
     */
    static Interval coldRatio(Metric x, Metric base) {
        return x.samples().length == base.samples().length ? Ratios.paired(x.samples(), base.samples())
                : Ratios.ofMedians(x.samples(), base.samples());
    }

    /** @return the cold family's resolution: its A/A control, baseline_again against baseline, round by round */
    Resolution coldResolution() {
        Optional<Metric> again = baseline(Bench.COLD_BASELINE_AGAIN);
        Optional<Metric> base = baseline(Bench.COLD_BASELINE);
        return new Resolution("the no-holder baseline twice, `baseline_again` ÷ `baseline`, median of per-round"
                + " ratios", again.isPresent() && base.isPresent() ? Optional.of(coldRatio(again.get(), base.get()))
                : Optional.empty());
    }

    /**
     * @param again the A/A twin of a steady-state baseline
     * @param base that baseline
     * @return the resolution their ratio gives
     */
    Resolution steadyResolution(Bench again, Bench base) {
        return new Resolution("`" + again.method() + "` ÷ `" + base.method() + "`",
                Ratio.of(baseline(again), baseline(base)).map(Interval::of));
    }

    /**
     * @param threads a stampede's thread count
     * @return the stampede's resolution at that count: baseline_again against baseline, ratio of median times
     */
    Resolution stampedeResolution(int threads) {
        Optional<Metric> a = stampedeBaseline(Bench.STAMPEDE_BASELINE_AGAIN, threads).map(Stampede::time);
        Optional<Metric> b = stampedeBaseline(Bench.STAMPEDE_BASELINE, threads).map(Stampede::time);
        return new Resolution("`baseline_again` ÷ `baseline` at " + threads + " threads, ratio of median times",
                a.isPresent() && b.isPresent() ? Optional.of(Ratios.ofMedians(a.get().samples(), b.get().samples()))
                        : Optional.empty());
    }

    /**
     * @param twoThreads whether for the 2-thread column
     * @return what a steady-state {@code get()} is compared with: the floor twin (the floor's work through the
     *         strategies' own call path) if it was measured, else the inline floor, else the field read (results of
     *         older versions)
     */
    Bench steadyAgainst(boolean twoThreads) {
        Bench twin = twoThreads ? Bench.FLOOR_TWIN_2_THREADS : Bench.FLOOR_TWIN;
        Bench floor = twoThreads ? Bench.FLOOR_2_THREADS : Bench.FLOOR;
        return baseline(twin).isPresent() ? twin : baseline(floor).isPresent() ? floor
                : twoThreads ? Bench.FIELD_READ_2_THREADS : Bench.FIELD_READ;
    }

    /**
     * The floor check: the unsynchronized control does the floor twin's very work through the very same call, so it
     * must read ≈ 1.00× it. Measured against the floor twin only; against the inline floor it would carry the
     * call path, which is why the twin exists.
     *
     * @param twoThreads whether for the 2-thread column
     * @return the control's {@code get()} ÷ the floor twin, judged by the column's A/A control, if both ran
     */
    Optional<Guide.Compared> floorCheck(boolean twoThreads) {
        Bench against = steadyAgainst(twoThreads);
        if (against != Bench.FLOOR_TWIN && against != Bench.FLOOR_TWIN_2_THREADS) {
            return Optional.empty();
        }
        return compared(aaResolution(twoThreads), Ratio.of(of(twoThreads ? Bench.GET_2_THREADS : Bench.GET,
                FLOOR_CONTROL), baseline(against)).map(Interval::of));
    }

    /**
     * @param twoThreads whether for the 2-thread column
     * @return the column's resolution: its A/A control, and no resolution at all if the floor check failed
     */
    Resolution steadyResolution(boolean twoThreads) {
        Resolution aa = aaResolution(twoThreads);
        return floorCheck(twoThreads).filter(Guide.Compared::resolved).map(c -> aa.disturbedBy("the unsynchronized"
                + " control, which does the floor twin's work through the same call, reads " + c.ratio() + " of it"
                + " (it must read ≈ 1.00×), so this run's call path did not cancel out of its ratios")).orElse(aa);
    }

    private Resolution aaResolution(boolean twoThreads) {
        return twoThreads ? steadyResolution(Bench.FIELD_READ_2_THREADS_AGAIN, Bench.FIELD_READ_2_THREADS)
                : steadyResolution(Bench.FIELD_READ_AGAIN, Bench.FIELD_READ);
    }

    /**
     * @return the dispatch control: the floor twin behind a polluted call site ÷ the floor twin, judged by the
     *         1-thread A/A control, if both ran
     */
    Optional<Guide.Compared> dispatchControl() {
        return compared(aaResolution(false), Ratio.of(baseline(Bench.FLOOR_TWIN_POLLUTED),
                baseline(Bench.FLOOR_TWIN)).map(Interval::of));
    }

    /**
     * @param strategy a strategy
     * @param twoThreads whether its 2-thread {@code get()}
     * @return its {@code get()} ÷ {@link #steadyAgainst}, judged by {@link #steadyResolution}, if measured
     */
    Optional<Guide.Compared> steady(Strategy strategy, boolean twoThreads) {
        return compared(steadyResolution(twoThreads), Ratio.of(of(twoThreads ? Bench.GET_2_THREADS : Bench.GET,
                strategy), baseline(steadyAgainst(twoThreads))).map(Interval::of));
    }

    /**
     * @param a a strategy
     * @param b another
     * @return a's 1-thread {@code get()} ÷ b's, judged by the 1-thread {@link #steadyResolution}, if both were
     *         measured
     */
    Optional<Guide.Compared> steadyBetween(Strategy a, Strategy b) {
        return compared(steadyResolution(false), Ratio.of(of(Bench.GET, a), of(Bench.GET, b)).map(Interval::of));
    }

    /**
     * @return the query baseline: {@code SELECT 1} through the floor twin (the strategies' store, pool and call
     *         path), or, in results of older versions, on a store in a final field
     */
    Bench pingBaseline() {
        return baseline(Bench.PING_TWIN).isPresent() ? Bench.PING_TWIN : Bench.PING;
    }

    /**
     * @param strategy a strategy
     * @return its {@code get().ping()} ÷ {@link #pingBaseline}, judged by the query's A/A control (a holder's own
     *         cost, nanoseconds against tens of microseconds, must leave it ≈ 1.00×), if both ran
     */
    Optional<Guide.Compared> ping(Strategy strategy) {
        return compared(pingResolution(), Ratio.of(of(Bench.GET_AND_PING, strategy), baseline(pingBaseline()))
                .map(Interval::of));
    }

    /** @return the query's resolution: its A/A control, {@code pingTwin_again} ÷ {@code pingTwin} */
    Resolution pingResolution() {
        return steadyResolution(Bench.PING_TWIN_AGAIN, Bench.PING_TWIN);
    }

    /**
     * @param strategy a strategy
     * @return its cold first {@code get()} ÷ the no-holder baseline, round by round, judged by the cold A/A control
     */
    Optional<Guide.Compared> cold(Strategy strategy) {
        Optional<Metric> base = baseline(Bench.COLD_BASELINE);
        return compared(coldResolution(), of(Bench.FIRST_GET, strategy).flatMap(x -> base.map(b -> coldRatio(x, b))));
    }

    /**
     * @param strategy a strategy
     * @param threads a stampede's thread count
     * @return its time ÷ the no-holder baseline's at that count, judged by that count's A/A control
     */
    Optional<Guide.Compared> stampedeTime(Strategy strategy, int threads) {
        Optional<Stampede> base = stampedeBaseline(Bench.STAMPEDE_BASELINE, threads);
        return compared(stampedeResolution(threads), stampede(strategy, threads).flatMap(x -> base.map(b ->
                Ratios.ofMedians(x.time().samples(), b.time().samples()))));
    }

    private static Optional<Guide.Compared> compared(Resolution resolution, Optional<Interval> ratio) {
        return ratio.map(resolution::compare);
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
        return row.className().equals(LazyInit_02_SteadyState.class.getSimpleName()) ? row.primary().fastestFork()
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
