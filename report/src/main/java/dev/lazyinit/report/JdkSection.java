package dev.lazyinit.report;

import static dev.lazyinit.report.Fmt.NONE;
import static dev.lazyinit.report.Fmt.num;
import static dev.lazyinit.report.Fmt.pm;
import static dev.lazyinit.report.Fmt.ratio;

import dev.lazyinit.report.Bench.Counter;
import dev.lazyinit.report.JmhResults.Metric;
import dev.lazyinit.strategy.Strategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The same benchmarks on every JDK the forks ran on, side by side: each JDK's numbers against the baseline
 * measured on that JDK in the same run, and the newest ÷ the oldest with its propagated error.
 */
final class JdkSection implements Section {

    /** A row of the comparison: the baseline (no strategy) or a strategy measured on any JDK. */
    private record Line(Optional<Strategy> strategy) {

        Optional<Metric> of(Measurements m, Bench baseline, Bench bench) {
            return strategy.map(s -> m.of(bench, s)).orElseGet(() -> m.baseline(baseline));
        }
    }

    @Override
    public void write(Context c, MarkdownDoc doc) {
        List<Integer> jdks = c.jdks();
        doc.heading(2, jdks.size() > 1 ? "JDKs side by side: " + jdks.stream().map(j -> "JDK " + j)
                .collect(Collectors.joining(" vs ")) : "JDKs side by side", "jdks");
        if (jdks.size() < 2) {
            doc.para("This run measured one JDK" + (jdks.isEmpty() || jdks.get(0) == 0 ? "" : " (" + jdks.get(0) + ")")
                    + ". `./bench --jdks 17,25` runs the same benchmarks, with the same settings, in forks of each"
                    + " JDK (JMH's `-jvm`) and puts them side by side here.");
            return;
        }
        int oldest = jdks.get(0);
        int newest = jdks.get(jdks.size() - 1);
        doc.para("The same benchmarks with the same settings, run in forks of each JDK against the same PostgreSQL,"
                + " one JDK after the other for each benchmark class. Each cell: the mean ± its 99.9 % confidence"
                + " half-width (cold: the median), then its ratio to the baseline measured on the same JDK. The last"
                + " column of each metric is JDK " + newest + " ÷ JDK " + oldest + " with its propagated error;"
                + " **≈** marks a ratio whose error reaches 1.00×, which this run cannot tell from no change."
                + " A strategy a JDK cannot build is left out on that JDK (—).");
        List<Line> lines = new ArrayList<>(List.of(new Line(Optional.empty())));
        c.strategiesOnAnyJdk().forEach(s -> lines.add(new Line(Optional.of(s))));
        steady(c, lines, doc, "JDK " + newest + " ÷ " + oldest);
        cold(c, lines, doc, "JDK " + newest + " ÷ " + oldest);
    }

    private static String name(Line line, String baseline) {
        return line.strategy().map(Fmt::label).orElse(baseline);
    }

    private static void steady(Context c, List<Line> lines, MarkdownDoc doc, String change) {
        List<String> header = new ArrayList<>(List.of("Strategy"));
        for (String what : List.of("get(), 1 thread, ns", "get(), 2 threads, ns")) {
            c.jdks().forEach(j -> header.add(what + ", JDK " + j));
            header.add(change);
        }
        List<List<String>> rows = new ArrayList<>();
        List<List<Optional<Metric>>> oneThread = new ArrayList<>();
        c.byJdk().forEach(m -> oneThread.add(new ArrayList<>()));
        for (Line line : lines) {
            List<String> row = new ArrayList<>(List.of(name(line, "baseline (plain final field)")));
            cells(c, line, Bench.FIELD_READ, Bench.GET, row, oneThread);
            cells(c, line, Bench.FIELD_READ_2_THREADS, Bench.GET_2_THREADS, row, null);
            rows.add(row);
        }
        doc.heading(3, "Steady state", "jdks-steady");
        doc.table(header, rows);
        List<Chart.Series> series = new ArrayList<>();
        for (int i = 0; i < c.byJdk().size(); i++) {
            series.add(Chart.Series.meanWithError("JDK " + c.jdks().get(i), oneThread.get(i)));
        }
        List<String> cats = lines.stream().map(l -> l.strategy().map(Strategy::name).orElse("baseline")).toList();
        doc.chart(new Chart("chart-jdks-steady", "Steady-state get(), 1 thread: ns per call on each JDK",
                "99.9 % confidence interval", "ns/op", cats, series, false));
    }

    /** One metric on every JDK (mean ± error and × that JDK's baseline), then newest ÷ oldest. */
    private static void cells(Context c, Line line, Bench baseline, Bench bench, List<String> row,
                              List<List<Optional<Metric>>> chart) {
        List<Optional<Metric>> ms = new ArrayList<>();
        for (Measurements m : c.byJdk()) {
            Optional<Metric> b = m.baseline(baseline);
            Optional<Metric> x = line.of(m, baseline, bench);
            ms.add(x);
            row.add(x.map(v -> pm(v) + b.map(y -> " (" + ratio(v.score() / y.score()) + ")").orElse("")).orElse(NONE));
        }
        row.add(change(ms));
        for (int i = 0; chart != null && i < ms.size(); i++) {
            chart.get(i).add(ms.get(i));
        }
    }

    private static String change(List<Optional<Metric>> perJdk) {
        return Ratio.of(perJdk.get(perJdk.size() - 1), perJdk.get(0)).map(Fmt::change).orElse(NONE);
    }

    private static void cold(Context c, List<Line> lines, MarkdownDoc doc, String change) {
        int most = c.main().mostThreads();
        List<String> header = new ArrayList<>(List.of("Strategy"));
        c.jdks().forEach(j -> header.add("cold first get, median ms, JDK " + j));
        header.add(change);
        c.jdks().forEach(j -> header.add("get() + SELECT 1, µs, JDK " + j));
        header.add(change);
        c.jdks().forEach(j -> header.add("stampede " + most + ": median ms; pools opened per trial, JDK " + j));
        List<List<String>> rows = new ArrayList<>();
        for (Line line : lines) {
            List<String> row = new ArrayList<>(List.of(name(line, "baseline (no holder)")));
            List<Optional<Metric>> cold = new ArrayList<>();
            for (Measurements m : c.byJdk()) {
                Optional<Metric> b = m.baseline(Bench.COLD_BASELINE);
                Optional<Metric> x = line.of(m, Bench.COLD_BASELINE, Bench.FIRST_GET);
                cold.add(x);
                row.add(x.map(v -> num(v.median()) + b.map(y -> " (" + ratio(v.median() / y.median()) + ")")
                        .orElse("")).orElse(NONE));
            }
            Optional<Metric> c0 = cold.get(0);
            Optional<Metric> cn = cold.get(cold.size() - 1);
            row.add(c0.isPresent() && cn.isPresent() ? ratio(cn.get().median() / c0.get().median()) : NONE);
            List<Optional<Metric>> ping = new ArrayList<>();
            for (Measurements m : c.byJdk()) {
                Optional<Metric> b = m.baseline(m.pingBaseline());
                Optional<Metric> x = line.of(m, m.pingBaseline(), Bench.GET_AND_PING);
                ping.add(x);
                row.add(x.map(v -> pm(v.score() / 1000, v.error() / 1000) + b.map(y -> " (" + ratio(v.score()
                        / y.score()) + ")").orElse("")).orElse(NONE));
            }
            row.add(change(ping));
            for (Measurements m : c.byJdk()) {
                row.add(line.strategy().flatMap(s -> m.stampede(s, most)).map(st -> num(st.time().median())
                        + "; pools " + Fmt.counter(Optional.of(st), Counter.POOLS)).orElse(NONE));
            }
            rows.add(row);
        }
        doc.heading(3, "Cold first access, a query through the pool, and the stampede", "jdks-cold");
        doc.para("Cold and stampede are single-shot medians (a ratio of medians, without an error: compare the"
                + " spreads in [cold](#cold) and [stampede](#stampede)); these are dominated by opening connections,"
                + " so the JDK matters less here than in the steady state.");
        doc.table(header, rows);
    }
}
