package dev.lazyinit.report;

import static dev.lazyinit.report.Fmt.medianSpread;

import dev.lazyinit.report.JmhResults.Metric;
import dev.lazyinit.strategy.Strategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The first {@code get()} of a cold holder against creating the store without one. */
final class ColdSection implements Section {

    @Override
    public void write(Context c, MarkdownDoc doc) {
        Measurements m = c.main();
        doc.heading(2, "First access, cold", "cold");
        doc.para("`LazyInit_01_ColdFirstAccess`: a new cold holder per single-shot trial; the measured call is its"
                + " first `get()`, which opens a HikariCP pool against PostgreSQL and ensures the schema. The"
                + " holder idiom loads a fresh copy of its class per trial, so every trial is a real first class"
                + " initialization. Baseline: `new PostgresStore(config)` with no holder. Every subject runs in the"
                + " same fork, one shot each per round, in a fresh random order every round (the seed is in the"
                + " results), so drift, warm-up and the server's state fall on all of them alike; a strategy's"
                + " ratio is the median of its per-round ratios to the baseline, with a distribution-free 95 %"
                + " interval. The lock, CAS or class initialization a holder adds costs microseconds against"
                + " milliseconds of pool creation: expect every strategy ≈ baseline. The physical limit is one"
                + " connection's open (`one_connection`, the driver alone, same settings, no pool): a store opens at"
                + " least one before its constructor returns, so no strategy can beat it; the last column is each"
                + " subject's distance from it, median of per-round ratios.");
        Resolution res = m.coldResolution();
        doc.para(res.sentence());
        Optional<Metric> base = m.baseline(Bench.COLD_BASELINE);
        Optional<Metric> again = m.baseline(Bench.COLD_BASELINE_AGAIN);
        Optional<Metric> limit = m.baseline(Bench.COLD_ONE_CONNECTION);
        List<List<String>> rows = new ArrayList<>();
        List<String> cats = new ArrayList<>();
        List<Optional<Metric>> ms = new ArrayList<>();
        base.ifPresent(b -> {
            rows.add(List.of("baseline (no holder)", medianSpread(b), "1.00×", fromLimit(b, limit),
                    String.valueOf(b.samples().length)));
            cats.add("baseline");
            ms.add(base);
        });
        again.ifPresent(a -> {
            rows.add(List.of("baseline again (A/A control)", medianSpread(a),
                    res.aa().map(i -> "A/A: " + i).orElse("n/a"), fromLimit(a, limit),
                    String.valueOf(a.samples().length)));
            cats.add("baseline_again");
            ms.add(again);
        });
        limit.ifPresent(l -> {
            rows.add(List.of("one connection's open (no pool: the limit)", medianSpread(l),
                    base.map(b -> Measurements.coldRatio(l, b).toString()).orElse("n/a"), "1.00×",
                    String.valueOf(l.samples().length)));
            cats.add("one_connection");
            ms.add(limit);
        });
        for (Strategy s : m.strategies()) {
            m.of(Bench.FIRST_GET, s).ifPresent(x -> {
                rows.add(List.of(Fmt.label(s), medianSpread(x),
                        m.cold(s).map(Guide.Compared::cell).orElse("n/a"), fromLimit(x, limit),
                        String.valueOf(x.samples().length)));
                cats.add(s.name());
                ms.add(Optional.of(x));
            });
        }
        List<String> header = List.of("Strategy", "Median ms (p25–p75)",
                "× baseline: median per-round ratio (95 % interval)", "× one connection (the limit)", "Trials");
        if (limit.isEmpty()) { // results of older versions: no limit measured, no column for it
            rows.replaceAll(r -> dropColumn(r, 3));
            header = dropColumn(header, 3);
        }
        doc.table(header, rows);
        doc.chart(new Chart("chart-cold", "Cold first get(): time to a ready store", "p25 to p75 of the trials",
                "ms (median)", cats, List.of(Chart.Series.medianWithQuartiles("first get()", ms)), false));
    }

    private static List<String> dropColumn(List<String> row, int index) {
        List<String> copy = new ArrayList<>(row);
        copy.remove(index);
        return copy;
    }

    /** A subject's distance from the limit: the median of its per-round ratios to one connection's open. */
    private static String fromLimit(Metric x, Optional<Metric> limit) {
        return limit.map(l -> Fmt.num(Measurements.coldRatio(x, l).value()) + "×").orElse("n/a");
    }
}
