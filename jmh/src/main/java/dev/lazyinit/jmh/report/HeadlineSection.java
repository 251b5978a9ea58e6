package dev.lazyinit.jmh.report;

import static dev.lazyinit.jmh.report.Fmt.NONE;
import static dev.lazyinit.jmh.report.Fmt.num;
import static dev.lazyinit.jmh.report.Fmt.orNone;
import static dev.lazyinit.jmh.report.Fmt.ratio;

import dev.lazyinit.harness.contract.Environment;
import dev.lazyinit.harness.contract.ProofVerdicts;
import dev.lazyinit.jmh.report.Bench.Counter;
import dev.lazyinit.jmh.report.JmhResults.Metric;
import dev.lazyinit.jmh.report.JmhResults.Row;
import dev.lazyinit.jmh.report.Measurements.Stampede;
import dev.lazyinit.strategy.Guarantee;
import dev.lazyinit.strategy.Strategy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** One row per strategy with the number of every benchmark that matters most. */
final class HeadlineSection implements Section {

    @Override
    public void write(Context c, MarkdownDoc doc) {
        Measurements m = c.main();
        doc.heading(2, "Headline", "headline");
        int most = m.mostThreads();
        List<Integer> jdks = c.jdks();
        String forks = m.results().rows().stream().findFirst().map(Row::vm).orElse(c.env(Environment::jdk));
        doc.para("Each number from this run (" + c.env(Environment::profile) + " profile, " + c.env(Environment::cpu)
                + ", forks on " + forks
                + (jdks.size() > 1 ? "; the run also measured JDK " + jdks.subList(0, jdks.size() - 1).stream()
                .map(String::valueOf).collect(Collectors.joining(", ")) + ", shown beside it in"
                + " [JDKs side by side](#jdks)" : "") + ", PostgreSQL " + c.env(Environment::postgres) + ")."
                + " Cold: median of single-shot first `get()` calls in ms"
                + " and its ratio to creating the store without a holder. Steady state: mean ns per `get()` ± the"
                + " 99.9 % confidence half-width, and its ratio to reading a plain final field. Stampede: "
                + most + " threads on one cold holder, mean per trial (max)."
                + " Details, spreads and charts follow; the [decision guide](#decision-guide) says what to pick.");
        Optional<ProofVerdicts> verdicts = c.inputs().verdicts();
        List<String> header = new ArrayList<>(List.of("Strategy", "Guarantees", "Cold first get, ms (× baseline)",
                "get(), 1 thread, ns (× baseline)", "get(), 2 threads, ns (× baseline)",
                "get() + SELECT 1, µs (× ping baseline)",
                "Stampede " + most + ": ms until all hold a store", "pools opened", "left open",
                "peak server connections"));
        verdicts.ifPresent(v -> header.add("JCStress verdicts"));
        Optional<Metric> coldBase = m.baseline(Bench.COLD_BASELINE);
        Optional<Metric> base1 = m.baseline(Bench.FIELD_READ);
        Optional<Metric> base2 = m.baseline(Bench.FIELD_READ_2_THREADS);
        Optional<Metric> basePing = m.baseline(Bench.PING);
        List<List<String>> rows = new ArrayList<>();
        List<String> baseline = new ArrayList<>(List.of("baseline (no holder)", "",
                orNone(coldBase, b -> num(b.median()) + " (1.00×)"),
                orNone(base1, b -> num(b.score()) + " (1.00×)"),
                orNone(base2, b -> num(b.score()) + " (1.00×)"),
                orNone(basePing, b -> num(b.score() / 1000) + " (1.00×)"),
                orNone(coldBase, b -> "one creation: " + num(b.median())), "1", "1",
                "≤ " + c.env(Environment::poolSize) + " (one pool)"));
        verdicts.ifPresent(v -> baseline.add(""));
        rows.add(baseline);
        for (Strategy s : m.strategies()) {
            List<String> row = new ArrayList<>();
            row.add(Fmt.label(s));
            row.add(s.guarantees().stream().map(Guarantee::label).collect(Collectors.joining(", ")));
            row.add(orNone(m.of(Bench.FIRST_GET, s), x -> num(x.median())
                    + coldBase.map(b -> " (" + ratio(x.median() / b.median()) + ")").orElse("")));
            row.add(steadyCell(m.of(Bench.GET, s), base1, 1));
            row.add(steadyCell(m.of(Bench.GET_2_THREADS, s), base2, 1));
            row.add(steadyCell(m.of(Bench.GET_AND_PING, s), basePing, 1000));
            Optional<Stampede> st = m.stampede(s, most);
            row.add(orNone(st, x -> num(x.time().median())));
            row.add(Fmt.counter(st, Counter.POOLS));
            row.add(Fmt.counter(st, Counter.LEFT_OPEN));
            row.add(Fmt.counter(st, Counter.PEAK_CONNECTIONS));
            verdicts.ifPresent(v -> row.add(verdictSummary(v, s)));
            rows.add(row);
        }
        doc.table(header, rows, 2);
    }

    /** @return how many verdicts of each kind the strategy has, in the order they first appear */
    private static String verdictSummary(ProofVerdicts v, Strategy s) {
        Map<String, Long> counts = v.verdicts().stream().filter(x -> x.strategy().equals(s.name()))
                .collect(Collectors.groupingBy(ProofVerdicts.ProofVerdict::shown, LinkedHashMap::new,
                        Collectors.counting()));
        return counts.isEmpty() ? NONE : counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", "));
    }

    private static String steadyCell(Optional<Metric> m, Optional<Metric> base, double scale) {
        return orNone(m, x -> num(x.score() / scale) + base.map(b -> " (" + ratio(x.score() / b.score()) + ")")
                .orElse(""));
    }
}
