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
                + " call. Baseline: returning a store held in a plain final field (one load). Floor: the"
                + " unsynchronized fast path, a plain field read plus the null check that no lazy holder avoids;"
                + " `get()` ÷ floor is what a strategy's safety costs on the fast path. The holder idiom is"
                + " measured through the real static `HolderIdiom.get()`, as production code calls it. Numbers are"
                + " mean ± 99.9 % confidence half-width; ratios carry the propagated error as an interval.");
        Resolution res1 = m.steadyResolution(Bench.FIELD_READ_AGAIN, Bench.FIELD_READ);
        Resolution res2 = m.steadyResolution(Bench.FIELD_READ_2_THREADS_AGAIN, Bench.FIELD_READ_2_THREADS);
        doc.bullets(List.of("1 thread: " + res1.sentence(), "2 threads: " + res2.sentence()));
        Optional<Metric> b1 = m.baseline(Bench.FIELD_READ);
        Optional<Metric> b2 = m.baseline(Bench.FIELD_READ_2_THREADS);
        Optional<Metric> f1 = m.baseline(Bench.FLOOR);
        Optional<Metric> f2 = m.baseline(Bench.FLOOR_2_THREADS);
        List<List<String>> rows = new ArrayList<>();
        List<String> cats = new ArrayList<>();
        List<Optional<Metric>> one = new ArrayList<>();
        List<Optional<Metric>> two = new ArrayList<>();
        Optional<Metric> a1 = m.baseline(Bench.FIELD_READ_AGAIN);
        Optional<Metric> a2 = m.baseline(Bench.FIELD_READ_2_THREADS_AGAIN);
        Bench against1 = m.steadyAgainst(false);
        Bench against2 = m.steadyAgainst(true);
        Optional<Metric> x1 = m.baseline(against1);
        Optional<Metric> x2 = m.baseline(against2);
        rows.add(List.of("baseline (plain final field)", orNone(b1, Fmt::pm), ratio(res1, b1, x1),
                orNone(b2, Fmt::pm), ratio(res2, b2, x2)));
        if (a1.isPresent() || a2.isPresent()) {
            rows.add(List.of("baseline again (A/A control)", orNone(a1, Fmt::pm), aa(res1), orNone(a2, Fmt::pm),
                    aa(res2)));
        }
        if (f1.isPresent() || f2.isPresent()) {
            rows.add(List.of("floor (unsynchronized read + null check)", orNone(f1, Fmt::pm), "1.00×",
                    orNone(f2, Fmt::pm), "1.00×"));
        }
        add(cats, one, two, "baseline", b1, b2);
        add(cats, one, two, "floor", f1, f2);
        for (Strategy s : m.strategies()) {
            Optional<Metric> g1 = m.of(Bench.GET, s);
            Optional<Metric> g2 = m.of(Bench.GET_2_THREADS, s);
            rows.add(List.of(Fmt.label(s), orNone(g1, Fmt::pm), orNone(m.steady(s, false), Guide.Compared::cell),
                    orNone(g2, Fmt::pm), orNone(m.steady(s, true), Guide.Compared::cell)));
            add(cats, one, two, s.name(), g1, g2);
        }
        String vs = against1 == Bench.FLOOR ? "× floor" : "× field read";
        doc.table(List.of("Strategy", "1 thread, ns/op", vs + " (1 thread)", "2 threads, ns/op", vs + " (2 threads)"),
                rows);
        doc.chart(new Chart("chart-steady", "Steady-state get(): ns per call (log scale)",
                "99.9 % confidence interval", "ns/op (log scale)", cats,
                List.of(Chart.Series.meanWithError("1 thread", one), Chart.Series.meanWithError("2 threads", two)),
                true));
        doc.para("Why a row can be unstable with 2 threads: anything that writes shared memory on the fast path (a"
                + " lock, a CAS, a volatile store) makes the two threads' cores pass one cache line back and forth,"
                + " and how often they collide varies from iteration to iteration, so such a row carries a wide"
                + " error. `synchronized` does it by design. The `GUAVA_MEMOIZE` adapter did it by accident until"
                + " this version: it wrote a volatile flag on every `get()` (measured here: 1 thread 24.6 ns, 2"
                + " threads 52.0 ns with a maximum of 303 ns per iteration); it now writes that flag once, inside"
                + " memoize's lock, and its fast path is Guava's own volatile read.");
        inProportion(m, b1, doc);
    }

    private static void add(List<String> cats, List<Optional<Metric>> one, List<Optional<Metric>> two, String cat,
                            Optional<Metric> m1, Optional<Metric> m2) {
        if (m1.isPresent() || m2.isPresent()) {
            cats.add(cat);
            one.add(m1);
            two.add(m2);
        }
    }

    private static String aa(Resolution res) {
        return res.aa().map(i -> "A/A: " + i + " the baseline").orElse(NONE);
    }

    private static String ratio(Resolution res, Optional<Metric> m, Optional<Metric> base) {
        return Ratio.of(m, base).map(r -> res.cell(Interval.of(r))).orElse(NONE);
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

    /** The query has no A/A pair: a ratio is ≈ when its own interval holds 1.00×. */
    private static String ratioTo(Optional<Metric> m, Optional<Metric> base) {
        return ratio(new Resolution("none for the query", Optional.empty()), m, base);
    }
}
