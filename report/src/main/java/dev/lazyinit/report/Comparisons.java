package dev.lazyinit.report;

import dev.lazyinit.report.JmhResults.Metric;
import dev.lazyinit.report.Measurements.Stampede;
import dev.lazyinit.strategy.Strategy;
import java.util.Optional;

/**
 * What each of the report's ratios compares, and which A/A control judges it: a strategy against its floor,
 * the no-holder baseline or the query baseline, each read through the {@link Resolution} of the control that ran
 * beside it. A ratio is only as good as its control: judged by the wrong one (or by none), a difference the run
 * cannot resolve would read as a result. {@link Measurements} looks the numbers up and offers these comparisons
 * under its own name, which the sections and {@link Decide} call.
 */
final class Comparisons {

    private final Measurements m;

    /** @param m the results whose numbers are compared */
    Comparisons(Measurements m) {
        this.m = m;
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
        Optional<Metric> again = m.baseline(Bench.COLD_BASELINE_AGAIN);
        Optional<Metric> base = m.baseline(Bench.COLD_BASELINE);
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
                Ratio.of(m.baseline(again), m.baseline(base)).map(Interval::of));
    }

    /**
     * @param threads a stampede's thread count
     * @return the stampede's resolution at that count: baseline_again against baseline, ratio of median times
     */
    Resolution stampedeResolution(int threads) {
        Optional<Metric> a = m.stampedeBaseline(Bench.STAMPEDE_BASELINE_AGAIN, threads).map(Stampede::time);
        Optional<Metric> b = m.stampedeBaseline(Bench.STAMPEDE_BASELINE, threads).map(Stampede::time);
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
        return m.baseline(twin).isPresent() ? twin : m.baseline(floor).isPresent() ? floor
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
        return compared(aaResolution(twoThreads), Ratio.of(m.of(twoThreads ? Bench.GET_2_THREADS : Bench.GET,
                Measurements.FLOOR_CONTROL), m.baseline(against)).map(Interval::of));
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
        return compared(aaResolution(false), Ratio.of(m.baseline(Bench.FLOOR_TWIN_POLLUTED),
                m.baseline(Bench.FLOOR_TWIN)).map(Interval::of));
    }

    /**
     * @param strategy a strategy
     * @param twoThreads whether its 2-thread {@code get()}
     * @return its {@code get()} ÷ {@link #steadyAgainst}, judged by {@link #steadyResolution}, if measured
     */
    Optional<Guide.Compared> steady(Strategy strategy, boolean twoThreads) {
        return compared(steadyResolution(twoThreads), Ratio.of(m.of(twoThreads ? Bench.GET_2_THREADS : Bench.GET,
                strategy), m.baseline(steadyAgainst(twoThreads))).map(Interval::of));
    }

    /**
     * @param a a strategy
     * @param b another
     * @return a's 1-thread {@code get()} ÷ b's, judged by the 1-thread {@link #steadyResolution}, if both were
     *         measured
     */
    Optional<Guide.Compared> steadyBetween(Strategy a, Strategy b) {
        return compared(steadyResolution(false), Ratio.of(m.of(Bench.GET, a), m.of(Bench.GET, b)).map(Interval::of));
    }

    /**
     * @return the query baseline: {@code SELECT 1} through the floor twin (the strategies' store, pool and call
     *         path), or, in results of older versions, on a store in a final field
     */
    Bench pingBaseline() {
        return m.baseline(Bench.PING_TWIN).isPresent() ? Bench.PING_TWIN : Bench.PING;
    }

    /**
     * @param strategy a strategy
     * @return its {@code get().ping()} ÷ {@link #pingBaseline}, judged by the query's A/A control (a holder's own
     *         cost, nanoseconds against tens of microseconds, must leave it ≈ 1.00×), if both ran
     */
    Optional<Guide.Compared> ping(Strategy strategy) {
        return compared(pingResolution(), Ratio.of(m.of(Bench.GET_AND_PING, strategy), m.baseline(pingBaseline()))
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
        Optional<Metric> base = m.baseline(Bench.COLD_BASELINE);
        return compared(coldResolution(),
                m.of(Bench.FIRST_GET, strategy).flatMap(x -> base.map(b -> coldRatio(x, b))));
    }

    /**
     * @param strategy a strategy
     * @param threads a stampede's thread count
     * @return its time ÷ the no-holder baseline's at that count, judged by that count's A/A control
     */
    Optional<Guide.Compared> stampedeTime(Strategy strategy, int threads) {
        Optional<Stampede> base = m.stampedeBaseline(Bench.STAMPEDE_BASELINE, threads);
        return compared(stampedeResolution(threads), m.stampede(strategy, threads).flatMap(x -> base.map(b ->
                Ratios.ofMedians(x.time().samples(), b.time().samples()))));
    }

    private static Optional<Guide.Compared> compared(Resolution resolution, Optional<Interval> ratio) {
        return ratio.map(resolution::compare);
    }
}
