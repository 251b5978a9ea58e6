package dev.lazyinit.report;

import static dev.lazyinit.report.Fmt.NONE;
import static dev.lazyinit.report.Fmt.count;
import static dev.lazyinit.report.Fmt.num;
import static dev.lazyinit.report.Fmt.orNone;

import dev.lazyinit.harness.contract.Environment;
import dev.lazyinit.harness.contract.ProofVerdicts;
import dev.lazyinit.harness.contract.Strength;
import dev.lazyinit.harness.contract.VerdictKind;
import dev.lazyinit.report.Bench.Counter;
import dev.lazyinit.report.JmhResults.Row;
import dev.lazyinit.report.Measurements.Stampede;
import dev.lazyinit.strategy.Guarantee;
import dev.lazyinit.strategy.Strategy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** One row per strategy with the number of every benchmark that matters most. */
final class HeadlineSection implements Section {

    /** One letter per guarantee, so that a strategy's guarantees fit a narrow column. */
    private static final Map<Guarantee, String> MARKS = new EnumMap<>(Map.of(Guarantee.SAFE_PUBLICATION, "P",
            Guarantee.SAME_INSTANCE, "S", Guarantee.EXACTLY_ONCE, "1", Guarantee.CLOSES_DUPLICATES, "D",
            Guarantee.RETRIES_AFTER_FAILURE, "R", Guarantee.CLOSEABLE, "C", Guarantee.PER_INSTANCE, "I",
            Guarantee.WAITERS_CAN_GIVE_UP, "W"));

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
                + " Cold: median ms of single-shot first `get()` calls, and its ratio to creating the store without a"
                + " holder. Steady state: mean ns per `get()` and its ratio to the floor twin (a plain read and"
                + " null check through the same call: the least any per-instance holder does). Stampede: " + most + " threads on one cold holder, means per trial. A ratio is"
                + " shown only where this run's A/A control resolves it; ≈ means it cannot be told from 1.00×."
                + " Details, intervals and charts follow; the [decision guide](#decision-guide) says what to pick.");
        List<String> unknown = c.all().unknownStrategies();
        if (!unknown.isEmpty()) {
            doc.para("**Not shown:** the results hold " + String.join(", ", unknown) + ", which this build's"
                    + " registry does not know: a provider's strategies, whose jar was not on the class path when"
                    + " this report was rendered. Render it again with that jar: `./bench render <folder>"
                    + " --holder-jar <jar>`.");
        }
        Optional<ProofVerdicts> verdicts = c.inputs().verdicts();
        List<String> header = new ArrayList<>(List.of("Strategy", "Guarantees", "Cold first get, ms",
                "get(), 1 thread, ns", "get(), 2 threads, ns",
                "Stampede " + most + ": pools · left open · peak connections"));
        verdicts.ifPresent(v -> header.add("JCStress verdicts"));
        List<List<String>> rows = new ArrayList<>();
        for (Strategy s : m.strategies()) {
            List<String> row = new ArrayList<>();
            row.add(Fmt.label(s));
            row.add(marks(s));
            row.add(orNone(m.of(Bench.FIRST_GET, s), x -> num(x.median()) + compared(m.cold(s))));
            row.add(orNone(m.of(Bench.GET, s), x -> num(x.score()) + compared(m.steady(s, false))));
            row.add(orNone(m.of(Bench.GET_2_THREADS, s), x -> num(x.score()) + compared(m.steady(s, true))));
            Optional<Stampede> st = m.stampede(s, most);
            row.add(st.isEmpty() ? NONE : Stream.of(Counter.POOLS, Counter.LEFT_OPEN, Counter.PEAK_CONNECTIONS)
                    .map(k -> st.flatMap(x -> x.counter(k)).map(x -> count(x.mean())).orElse("?"))
                    .collect(Collectors.joining(" · ")));
            verdicts.ifPresent(v -> row.add(verdictSummary(v, s)));
            rows.add(row);
        }
        doc.table(header, rows, 2);
        doc.para("Guarantees: " + Arrays.stream(Guarantee.values()).map(g -> "**" + MARKS.get(g) + "** " + g.label())
                .collect(Collectors.joining(", ")) + ". Baselines: cold " + orNone(m.baseline(Bench.COLD_BASELINE),
                b -> num(b.median()) + " ms") + ", " + m.steadyAgainst(false).against() + " "
                + orNone(m.baseline(m.steadyAgainst(false)),
                b -> num(b.score()) + " ns") + " (1 thread) and " + orNone(m.baseline(m.steadyAgainst(true)),
                b -> num(b.score()) + " ns") + " (2 threads); with no holder a stampede opens one pool of at most "
                + c.env(Environment::poolSize) + " connections.");
    }

    private static String marks(Strategy s) {
        return s.guarantees().stream().map(MARKS::get).collect(Collectors.joining(" "));
    }

    /** A ratio after a number: {@code (1.16×)} where it is resolved, {@code (≈)} where not, nothing if none. */
    private static String compared(Optional<Guide.Compared> c) {
        return c.map(x -> " (" + x.brief() + ")").orElse("");
    }

    /**
     * @return how many verdicts of each kind the strategy has, shortly: {@code 5 PASS (1 u)}, {@code 3 CAUGHT}, ...;
     *         not-applicable ones left out
     */
    private static String verdictSummary(ProofVerdicts v, Strategy s) {
        List<ProofVerdicts.ProofVerdict> own = v.verdicts().stream().filter(x -> x.strategy().equals(s.name()))
                .filter(x -> x.verdict() != VerdictKind.NOT_APPLICABLE).toList();
        List<String> parts = new ArrayList<>();
        for (VerdictKind k : VerdictKind.values()) {
            long n = own.stream().filter(x -> x.verdict() == k).count();
            long u = own.stream().filter(x -> x.verdict() == k && x.strength() == Strength.UNDISCRIMINATED).count();
            if (n > 0) {
                parts.add(n + " " + k.label() + (u > 0 ? " (" + u + " u)" : ""));
            }
        }
        return parts.isEmpty() ? NONE : String.join(", ", parts);
    }
}
