package dev.lazyinit.report;

import static dev.lazyinit.report.Fmt.NONE;

import dev.lazyinit.report.Bench.Counter;
import dev.lazyinit.report.JmhResults.Metric;
import dev.lazyinit.report.Measurements.Stampede;
import dev.lazyinit.strategy.Strategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** N threads onto one cold holder: time, pools opened, pools left open, server connections. */
final class StampedeSection implements Section {

    @Override
    public void write(Context c, MarkdownDoc doc) {
        Measurements m = c.main();
        doc.heading(2, "Cold stampede", "stampede");
        doc.para("`LazyInit_03_ColdStampede`: N threads, confirmed parked on a latch, are released together onto one"
                + " cold holder; a single-shot trial ends when every thread holds a store. Baseline: the same N threads"
                + " released the same way with no holder, one of them creating the store once and handing it to the"
                + " others: the least a stampede can cost. Per trial: pools opened (factory calls), pools still open"
                + " once all threads hold a store (more than 1 is a leak), distinct stores handed out, and the peak"
                + " server connections for that trial's pool name in `pg_stat_activity` (a last reading before"
                + " anything is closed, plus a poll every 5 ms once a second pool is under way, so that the"
                + " exactly-once strategies and the baseline race with no query beside them: a sampled peak, a lower"
                + " bound; HikariCP opens a pool's first connection before the store's constructor returns and the"
                + " rest in the background, so one pool often shows 1). Everything a trial created is closed after"
                + " it, outside the measurement. Time: median (p25–p75) ms and its ratio to the baseline's median at"
                + " the same N (95 % bootstrap interval); counts: mean per trial (max).");
        List<Integer> threads = m.stampedeThreads();
        List<String> aa = new ArrayList<>();
        for (int t : threads) {
            aa.add(t + " threads: " + m.stampedeResolution(t).sentence());
        }
        doc.bullets(aa);
        List<List<String>> rows = new ArrayList<>();
        for (int t : threads) {
            Optional<Interval> twins = m.stampedeResolution(t).aa();
            m.stampedeBaseline(Bench.STAMPEDE_BASELINE, t).ifPresent(b -> rows.add(row("baseline (no holder: one pool's start, the limit)", b,
                    "1.00×")));
            m.stampedeBaseline(Bench.STAMPEDE_BASELINE_AGAIN, t).ifPresent(a -> rows.add(row(
                    "baseline again (A/A control)", a, twins.map(i -> "A/A: " + i).orElse(NONE))));
        }
        for (Strategy s : m.strategies()) {
            for (int t : threads) {
                Optional<String> cell = m.stampedeTime(s, t).map(Guide.Compared::cell);
                m.stampede(s, t).ifPresent(x -> rows.add(row(Fmt.label(s), x, cell.orElse(NONE))));
            }
        }
        doc.table(List.of("Strategy", "Threads", "Time to all holding, ms", "× baseline", "Pools opened",
                "Left open", "Distinct stores", "Peak server connections"), rows);
        doc.para("Each row: " + m.stampedeTrials().stream().map(String::valueOf).distinct()
                .collect(Collectors.joining(" or ")) + " single-shot trials.");
        List<String> cats = m.strategies().stream().map(Strategy::name).toList();
        List<Chart.Series> time = new ArrayList<>();
        List<Chart.Series> conns = new ArrayList<>();
        List<Chart.Series> pools = new ArrayList<>();
        for (int t : threads) {
            List<Optional<Stampede>> rs = m.strategies().stream().map(s -> m.stampede(s, t)).toList();
            time.add(Chart.Series.medianWithQuartiles(t + " threads", rs.stream().map(o -> o.map(Stampede::time))
                    .toList()));
            conns.add(Chart.Series.meanWithRange(t + " threads", counter(rs, Counter.PEAK_CONNECTIONS)));
            pools.add(Chart.Series.meanWithRange(t + " threads", counter(rs, Counter.POOLS)));
        }
        doc.chart(new Chart("chart-stampede-time", "Cold stampede: time until every thread holds a store",
                "p25 to p75 of the trials", "ms (median, log scale)", cats, time, true));
        doc.chart(new Chart("chart-stampede-pools", "Cold stampede: pools opened per trial",
                "min to max over the trials", "pools (mean)", cats, pools, false));
        doc.chart(new Chart("chart-stampede-connections", "Cold stampede: peak server connections per trial",
                "min to max over the trials", "connections (mean)", cats, conns, false));
    }

    private static List<String> row(String label, Stampede x, String ratioCell) {
        Optional<Stampede> st = Optional.of(x);
        return List.of(label, String.valueOf(x.threads()), Fmt.medianSpread(x.time()), ratioCell,
                Fmt.counter(st, Counter.POOLS), Fmt.counter(st, Counter.LEFT_OPEN), Fmt.counter(st, Counter.DISTINCT),
                Fmt.counter(st, Counter.PEAK_CONNECTIONS));
    }

    private static List<Optional<Metric>> counter(List<Optional<Stampede>> rs, Counter counter) {
        return rs.stream().map(o -> o.flatMap(st -> st.counter(counter))).toList();
    }
}
