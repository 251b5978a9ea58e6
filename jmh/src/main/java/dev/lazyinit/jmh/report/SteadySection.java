package dev.lazyinit.jmh.report;

import static dev.lazyinit.jmh.report.Fmt.NONE;
import static dev.lazyinit.jmh.report.Fmt.orNone;
import static dev.lazyinit.jmh.report.Fmt.pm;

import dev.lazyinit.jmh.report.JmhResults.Metric;
import dev.lazyinit.strategy.Strategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@code get()} on a warm holder against a plain field read, and in proportion to a query. */
final class SteadySection implements Section {

    @Override
    public void write(Context c, MarkdownDoc doc) {
        Measurements m = c.main();
        doc.heading(2, "Steady state", "steady");
        doc.para("`LazyInit_02_SteadyState`: `get()` on a warm holder shared by 1 or 2 threads, average time per"
                + " call. Baseline: returning a store held in a plain final field (one load). The holder idiom is"
                + " measured through the real static `HolderIdiom.get()`, as production code calls it, not through"
                + " the test adapter's MethodHandle. Numbers are mean ± 99.9 % confidence half-width; ratios carry"
                + " the propagated error.");
        Optional<Metric> b1 = m.baseline(Bench.FIELD_READ);
        Optional<Metric> b2 = m.baseline(Bench.FIELD_READ_2_THREADS);
        List<List<String>> rows = new ArrayList<>();
        List<String> cats = new ArrayList<>(List.of("baseline"));
        List<Optional<Metric>> one = new ArrayList<>(List.of(b1));
        List<Optional<Metric>> two = new ArrayList<>(List.of(b2));
        rows.add(List.of("baseline (plain final field)", orNone(b1, Fmt::pm), "1.00×", orNone(b2, Fmt::pm),
                "1.00×"));
        for (Strategy s : m.strategies()) {
            Optional<Metric> g1 = m.of(Bench.GET, s);
            Optional<Metric> g2 = m.of(Bench.GET_2_THREADS, s);
            rows.add(List.of(Fmt.label(s), orNone(g1, Fmt::pm), ratioTo(g1, b1), orNone(g2, Fmt::pm), ratioTo(g2, b2)));
            cats.add(s.name());
            one.add(g1);
            two.add(g2);
        }
        doc.table(List.of("Strategy", "1 thread, ns/op", "× baseline", "2 threads, ns/op", "× baseline"), rows);
        doc.chart(new Chart("chart-steady", "Steady-state get(): ns per call", "99.9 % confidence interval",
                "ns/op", cats, List.of(Chart.Series.meanWithError("1 thread", one),
                Chart.Series.meanWithError("2 threads", two)), false));
        inProportion(m, b1, doc);
    }

    private static void inProportion(Measurements m, Optional<Metric> b1, MarkdownDoc doc) {
        doc.heading(3, "In proportion: get() plus the cheapest query", "steady-ping");
        Optional<Metric> bp = m.baseline(Bench.PING);
        List<List<String>> rows = new ArrayList<>();
        List<Optional<Metric>> pings = new ArrayList<>(List.of(bp));
        List<String> cats = new ArrayList<>(List.of("baseline"));
        rows.add(List.of("baseline: `SELECT 1` on a store in a final field", orNone(bp, SteadySection::micros),
                "1.00×", NONE));
        for (Strategy s : m.strategies()) {
            Optional<Metric> gp = m.of(Bench.GET_AND_PING, s);
            Optional<Metric> g1 = m.of(Bench.GET, s);
            String share = NONE;
            if (gp.isPresent() && g1.isPresent() && b1.isPresent()) {
                double pct = 100 * (g1.get().score() - b1.get().score()) / gp.get().score();
                share = pct < 0.01 ? "< 0.01 %" : String.format(Locale.ROOT, "%.2f %%", pct);
            }
            rows.add(List.of(Fmt.label(s), orNone(gp, SteadySection::micros), ratioTo(gp, bp), share));
            pings.add(gp);
            cats.add(s.name());
        }
        doc.para("`getAndPing()` runs `get().ping()` (SELECT 1 through the pool). The last column is the holder's"
                + " own cost (get() minus the field-read baseline, 1 thread) as a share of that call.");
        doc.table(List.of("Strategy", "µs/op", "× ping baseline", "holder's share of the call"), rows);
        List<Optional<Metric>> scaled = pings.stream().map(o -> o.map(x -> x.scaled(1000, "us/op"))).toList();
        doc.chart(new Chart("chart-ping", "get() + SELECT 1 through the pool: µs per call",
                "99.9 % confidence interval", "µs/op", cats,
                List.of(Chart.Series.meanWithError("get().ping()", scaled)), false));
    }

    private static String micros(Metric m) {
        return pm(m.score() / 1000, m.error() / 1000);
    }

    private static String ratioTo(Optional<Metric> m, Optional<Metric> base) {
        return Ratio.of(m, base).map(Fmt::ratioPm).orElse(NONE);
    }
}
