package dev.lazyinit.jmh.report;

import dev.lazyinit.jmh.report.JmhResults.Metric;
import dev.lazyinit.jmh.report.JmhResults.Row;
import dev.lazyinit.strategy.Guarantee;
import dev.lazyinit.strategy.Strategy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Builds the report a person reads to choose a strategy, from JSON inputs only: JMH's {@code results.json},
 * the runner's {@code environment.json} and, if present, the JCStress verdicts. So a report can be re-rendered
 * from a results folder at any time, and a later input (failure semantics, a virtual-thread stampede, a second
 * JDK) is one more {@link Section} in {@link #sections()}.
 *
 * <p>Every strategy comes from the {@link Strategy} registry: a new constant appears in every table without
 * an edit here.
 */
public final class Report {

    static final String COLD = "LazyInit_01_ColdFirstAccess";
    static final String STEADY = "LazyInit_02_SteadyState";
    static final String STAMPEDE = "LazyInit_03_ColdStampede";

    /** One part of the report, built from the inputs into the shared document. */
    @FunctionalInterface
    public interface Section {
        /**
         * @param report the inputs and look-ups
         * @param doc the document to add to
         */
        void build(Report report, Doc doc);
    }

    /** Every result of the run, on every JDK its forks ran on. */
    private final JmhResults all;
    /** The results of the report's main JDK (the newest the forks ran on): every section but the comparison. */
    private final JmhResults results;
    private final Map<String, Object> environment;
    private final Optional<Verdicts> verdicts;
    private final String verdictsSource;
    private Map<String, Object> failureSemantics = Map.of();
    private Map<String, Object> virtualThreads = Map.of();

    /**
     * @param results JMH's results
     * @param environment what the runner recorded about the machine and the run
     * @param verdicts the JCStress verdicts, if they were produced
     * @param verdictsSource where the verdicts were looked for (named when they are missing)
     */
    public Report(JmhResults results, Map<String, Object> environment, Optional<Verdicts> verdicts,
                  String verdictsSource) {
        this.all = results;
        List<Integer> jdks = results.jdks();
        this.results = jdks.size() > 1 ? results.onJdk(jdks.get(jdks.size() - 1)) : results;
        this.environment = environment;
        this.verdicts = verdicts;
        this.verdictsSource = verdictsSource;
    }

    /**
     * Reads a results folder and writes {@code report.md} and {@code report.html} into it.
     *
     * @param folder holds {@code results.json} and {@code environment.json}
     * @param verdictsFile the JCStress verdicts file, read if it exists
     * @throws IOException if a file cannot be read or written
     */
    @SuppressWarnings("unchecked")
    public static void render(Path folder, Path verdictsFile) throws IOException {
        JmhResults results = JmhResults.from(Json.parse(Files.readString(folder.resolve("results.json"))));
        Path envFile = folder.resolve("environment.json");
        Map<String, Object> env = Files.exists(envFile)
                ? (Map<String, Object>) Json.parse(Files.readString(envFile)) : Map.of();
        Optional<Verdicts> verdicts = Optional.empty();
        if (verdictsFile != null && Files.exists(verdictsFile)) {
            verdicts = Optional.of(Verdicts.from(Json.parse(Files.readString(verdictsFile))));
        }
        Report report = new Report(results, env, verdicts,
                verdictsFile == null ? "jcstress/target/jcstress-verdicts.json" : verdictsFile.toString());
        report.failureSemantics = readIfPresent(folder.resolve("failure-semantics.json"));
        report.virtualThreads = readIfPresent(folder.resolve("vthreads.json"));
        Doc doc = report.build();
        Files.writeString(folder.resolve("report.md"), MarkdownWriter.render(doc), StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("report.html"), HtmlWriter.render(doc), StandardCharsets.UTF_8);
    }

    /** The agreed one-argument form: reads only {@code folder}. */
    public static void render(Path folder) throws IOException { render(folder, folder.resolve("jcstress-verdicts.json")); }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readIfPresent(Path file) throws IOException {
        return Files.exists(file) ? (Map<String, Object>) Json.parse(Files.readString(file)) : Map.of();
    }

    /** @return the report's sections, in order */
    public static List<Section> sections() {
        return List.of(
                Report::headline,
                Report::environmentSection,
                Report::coldSection,
                Report::steadySection,
                Report::stampedeSection,
                Report::jdkSection,
                Report::virtualThreadSection,
                Report::failureSection,
                Report::jcstressSection,
                Report::decisionGuide,
                Report::method);
    }

    /** @return the document */
    public Doc build() {
        Doc doc = new Doc("Lazy initialization of a connection pool: which strategy, at what cost");
        sections().forEach(s -> s.build(this, doc));
        return doc;
    }

    // ---------------------------------------------------------------------------------------------- look-ups

    /** @return the strategies with any result, in registry order */
    List<Strategy> strategies() {
        return Arrays.stream(Strategy.values())
                .filter(s -> results.rows().stream().anyMatch(r -> s.name().equals(r.param("strategy"))))
                .toList();
    }

    Optional<Metric> metric(String cls, String method, String... params) {
        return results.metric(cls, method, params);
    }

    /** The correct strategy with the lowest mean 1-thread steady-state {@code get()} in these results. */
    private static Optional<Strategy> cheapestGet(JmhResults r, List<Strategy> among) {
        return among.stream().filter(s -> r.metric(STEADY, "get", "strategy", s.name()).isPresent())
                .min(Comparator.comparingDouble(s -> r.metric(STEADY, "get", "strategy", s.name()).get().score()));
    }

    List<Integer> stampedeThreads() {
        return results.rows().stream().filter(r -> r.className().equals(STAMPEDE) && r.param("threads") != null)
                .map(r -> Integer.valueOf(r.param("threads"))).collect(Collectors.toCollection(TreeSet::new))
                .stream().toList();
    }

    /** @return the feature release of the JDK the forks ran on (from results.json), or 0 */
    int forkJdkFeature() {
        return results.rows().stream().findFirst().map(Row::jdk).orElse(0);
    }

    static String label(Strategy s) {
        return s.broken() ? s.name() + " (broken control)" : s.name();
    }

    // ---------------------------------------------------------------------------------------------- formatting

    static String num(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        double a = Math.abs(v);
        String f = a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : a >= 1 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, f, v);
    }

    static String pm(double score, double error) {
        return num(score) + " ± " + (Double.isNaN(error) ? "n/a" : num(error));
    }

    static String ratio(double r) {
        return Double.isNaN(r) ? "n/a" : String.format(Locale.ROOT, "%.2f×", r);
    }

    static String ratioPm(double a, double ea, double b, double eb) {
        double r = a / b;
        if (Double.isNaN(ea) || Double.isNaN(eb)) {
            return ratio(r);
        }
        return String.format(Locale.ROOT, "%.2f× ± %.2f", r, ratioError(a, ea, b, eb));
    }

    /** The error of a / b from the errors of a and b (first-order propagation of relative errors). */
    static double ratioError(double a, double ea, double b, double eb) {
        return Math.abs(a / b) * Math.sqrt(Math.pow(ea / a, 2) + Math.pow(eb / b, 2));
    }

    static String medianSpread(Metric m) {
        return num(m.median()) + " (" + num(m.quantile(0.25)) + "–" + num(m.quantile(0.75)) + ")";
    }

    static String counter(Metric m) {
        return count(m.mean()) + " (max " + count(m.max()) + ")";
    }

    static String count(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private String env(String key) {
        Object v = environment.get(key);
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return String.valueOf(n.longValue());
        }
        return v == null ? "unknown" : String.valueOf(v);
    }

    // ---------------------------------------------------------------------------------------------- sections

    private void headline(Doc doc) {
        doc.heading(2, "Headline", "headline");
        List<Integer> threads = stampedeThreads();
        int most = threads.isEmpty() ? 0 : threads.get(threads.size() - 1);
        List<Integer> jdks = all.jdks();
        String forks = results.rows().stream().findFirst().map(Row::vm).orElse(env("jdk"));
        doc.para("Each number from this run (" + env("profile") + " profile, " + env("cpu") + ", forks on " + forks
                + (jdks.size() > 1 ? "; the run also measured JDK " + jdks.subList(0, jdks.size() - 1).stream()
                .map(String::valueOf).collect(Collectors.joining(", ")) + ", shown beside it in"
                + " [JDKs side by side](#jdks)" : "") + ", PostgreSQL " + env("postgres") + "). Cold: median of single-shot first `get()` calls in ms"
                + " and its ratio to creating the store without a holder. Steady state: mean ns per `get()` ± the"
                + " 99.9 % confidence half-width, and its ratio to reading a plain final field. Stampede: "
                + most + " threads on one cold holder, mean per trial (max)."
                + " Details, spreads and charts follow; the [decision guide](#decision-guide) says what to pick.");
        List<String> header = new ArrayList<>(List.of("Strategy", "Guarantees", "Cold first get, ms (× baseline)",
                "get(), 1 thread, ns (× baseline)", "get(), 2 threads, ns (× baseline)",
                "get() + SELECT 1, µs (× ping baseline)",
                "Stampede " + most + ": ms until all hold a store", "pools opened", "left open",
                "peak server connections"));
        if (verdicts.isPresent()) {
            header.add("JCStress verdicts");
        }
        List<List<String>> rows = new ArrayList<>();
        Optional<Metric> coldBase = metric(COLD, "baseline");
        Optional<Metric> base1 = metric(STEADY, "baseline");
        Optional<Metric> base2 = metric(STEADY, "baseline_2threads");
        Optional<Metric> basePing = metric(STEADY, "baselinePing");
        rows.add(List.of("baseline (no holder)", "",
                coldBase.map(m -> num(m.median()) + " (1.00×)").orElse("—"),
                base1.map(m -> num(m.score()) + " (1.00×)").orElse("—"),
                base2.map(m -> num(m.score()) + " (1.00×)").orElse("—"),
                basePing.map(m -> num(m.score() / 1000) + " (1.00×)").orElse("—"),
                metric(COLD, "baseline").map(m -> "one creation: " + num(m.median())).orElse("—"), "1", "1",
                "≤ " + env("poolSize") + " (one pool)"));
        if (verdicts.isPresent()) {
            rows.set(0, new ArrayList<>(rows.get(0)));
            rows.get(0).add("");
        }
        for (Strategy s : strategies()) {
            String n = s.name();
            List<String> row = new ArrayList<>();
            row.add(label(s));
            row.add(s.guarantees().stream().map(Guarantee::label).collect(Collectors.joining(", ")));
            row.add(metric(COLD, "firstGet", "strategy", n)
                    .map(m -> num(m.median()) + coldBase.map(b -> " (" + ratio(m.median() / b.median()) + ")").orElse(""))
                    .orElse("—"));
            row.add(steadyCell(metric(STEADY, "get", "strategy", n), base1, 1));
            row.add(steadyCell(metric(STEADY, "get_2threads", "strategy", n), base2, 1));
            row.add(steadyCell(metric(STEADY, "getAndPing", "strategy", n), basePing, 1000));
            Optional<Row> st = results.find(STAMPEDE, "stampede", "strategy", n, "threads", String.valueOf(most));
            row.add(st.map(r -> num(r.primary().median())).orElse("—"));
            row.add(st.map(r -> counterCell(r, "pools")).orElse("—"));
            row.add(st.map(r -> counterCell(r, "leftOpen")).orElse("—"));
            row.add(st.map(r -> counterCell(r, "peakConnections")).orElse("—"));
            verdicts.ifPresent(v -> row.add(verdictSummary(v, s)));
            rows.add(row);
        }
        doc.table(header, rows, 2);
    }

    private static String verdictSummary(Verdicts v, Strategy s) {
        Map<String, Long> counts = v.verdicts().stream().filter(x -> x.strategy().equals(s.name()))
                .collect(Collectors.groupingBy(Verdicts.Verdict::verdict, LinkedHashMap::new, Collectors.counting()));
        return counts.isEmpty() ? "—" : counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", "));
    }

    private static String steadyCell(Optional<Metric> m, Optional<Metric> base, double scale) {
        if (m.isEmpty()) {
            return "—";
        }
        Metric x = m.get();
        String s = num(x.score() / scale);
        return base.map(b -> s + " (" + ratio(x.score() / b.score()) + ")").orElse(s);
    }

    private static String counterCell(Row r, String name) {
        Metric m = r.secondary().get(name);
        return m == null ? "—" : counter(m);
    }

    private void environmentSection(Doc doc) {
        doc.heading(2, "Environment", "environment");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("CPU", env("cpu")));
        rows.add(List.of("Cores available to the JVM", env("cores")));
        rows.add(List.of("OS", env("os")));
        rows.add(List.of("JDK (runner)", env("jdk")));
        all.rows().stream().map(Row::vm).distinct().forEach(vm -> rows.add(List.of("JDK (benchmark forks)", vm)));
        rows.add(List.of("JMH", env("jmh")));
        rows.add(List.of("PostgreSQL", env("postgres") + ", backend " + env("backend")));
        rows.add(List.of("Pool", "HikariCP, fixed size " + env("poolSize") + " per store"));
        rows.add(List.of("Profile", env("profile")));
        rows.add(List.of("Started", env("started")));
        rows.add(List.of("Benchmark wall time", env("benchmarkSeconds") + " s"));
        rows.add(List.of("Command", "`" + env("command") + "`"));
        doc.textTable(List.of("What", "Value"), rows);
        doc.para("JMH settings as run (from results.json):");
        Map<String, Row> firstPerClass = new LinkedHashMap<>();
        results.rows().forEach(r -> firstPerClass.putIfAbsent(r.className(), r));
        List<List<String>> settings = new ArrayList<>();
        for (Row r : firstPerClass.values()) {
            Map<String, Object> j = r.json();
            settings.add(List.of(r.className(), String.valueOf(r.mode()), String.valueOf(r.forks()),
                    iter(j, "warmup"), iter(j, "measurement")));
        }
        doc.textTable(List.of("Benchmark", "Mode", "Forks", "Warmup", "Measurement"), settings);
        if (environment.get("forkJdks") instanceof List<?> forkJdks) {
            for (Object o : forkJdks) {
                if (o instanceof Map<?, ?> jdk && jdk.get("unavailable") instanceof Map<?, ?> un && !un.isEmpty()) {
                    doc.para("Not measured on JDK " + count(((Number) jdk.get("feature")).doubleValue()) + ", which"
                            + " cannot build them: " + un.entrySet().stream().map(e -> "`" + e.getKey() + "` ("
                            + e.getValue() + ")").collect(Collectors.joining(", ")) + ". A newer JDK"
                            + " (`./bench --jdks 25` or `JAVA_HOME=... ./bench`) includes them.");
                }
            }
        }
        if (env("machineNote") != null && !"unknown".equals(env("machineNote"))) {
            doc.para(env("machineNote"));
        }
    }

    private static String iter(Map<String, Object> j, String prefix) {
        Object it = j.get(prefix + "Iterations");
        Object time = j.get(prefix + "Time");
        Object batch = j.get(prefix + "BatchSize");
        String n = it instanceof Number x ? String.valueOf(x.intValue()) : String.valueOf(it);
        if ("ss".equals(j.get("mode"))) {
            return n + " single shots" + (batch instanceof Number b && b.intValue() != 1 ? " of " + b.intValue() : "");
        }
        return n + " × " + time;
    }

    private void coldSection(Doc doc) {
        doc.heading(2, "First access, cold", "cold");
        doc.para("`LazyInit_01_ColdFirstAccess`: a new cold holder per single-shot trial; the measured call is its"
                + " first `get()`, which opens a HikariCP pool against PostgreSQL and ensures the schema. The"
                + " holder idiom loads a fresh copy of its class per trial, so every trial is a real first class"
                + " initialization. Baseline: `new PostgresStore(config)` with no holder, in the same run.");
        Optional<Metric> base = metric(COLD, "baseline");
        List<List<String>> rows = new ArrayList<>();
        List<String> cats = new ArrayList<>();
        List<Metric> ms = new ArrayList<>();
        base.ifPresent(b -> {
            rows.add(List.of("baseline (no holder)", medianSpread(b), pm(b.score(), b.error()), "1.00×",
                    String.valueOf(b.samples().length)));
            cats.add("baseline");
            ms.add(b);
        });
        for (Strategy s : strategies()) {
            metric(COLD, "firstGet", "strategy", s.name()).ifPresent(m -> {
                rows.add(List.of(label(s), medianSpread(m), pm(m.score(), m.error()),
                        base.map(b -> ratio(m.median() / b.median())).orElse("n/a"),
                        String.valueOf(m.samples().length)));
                cats.add(s.name());
                ms.add(m);
            });
        }
        doc.table(List.of("Strategy", "Median ms (p25–p75)", "Mean ms ± 99.9 % CI", "Median ÷ baseline median",
                "Trials"), rows);
        doc.chart(new Doc.Chart("chart-cold", "Cold first get(): time to a ready store", "p25 to p75 of the trials",
                "ms (median)", cats, List.of(new Doc.Series("first get()",
                ms.stream().mapToDouble(Metric::median).toArray(),
                ms.stream().mapToDouble(m -> m.quantile(0.25)).toArray(),
                ms.stream().mapToDouble(m -> m.quantile(0.75)).toArray())), false));
    }

    private void steadySection(Doc doc) {
        doc.heading(2, "Steady state", "steady");
        doc.para("`LazyInit_02_SteadyState`: `get()` on a warm holder shared by 1 or 2 threads, average time per"
                + " call. Baseline: returning a store held in a plain final field (one load). The holder idiom is"
                + " measured through the real static `HolderIdiom.get()`, as production code calls it, not through"
                + " the test adapter's MethodHandle. Numbers are mean ± 99.9 % confidence half-width; ratios carry"
                + " the propagated error.");
        Optional<Metric> b1 = metric(STEADY, "baseline");
        Optional<Metric> b2 = metric(STEADY, "baseline_2threads");
        List<List<String>> rows = new ArrayList<>();
        List<String> cats = new ArrayList<>();
        List<Optional<Metric>> one = new ArrayList<>();
        List<Optional<Metric>> two = new ArrayList<>();
        rows.add(List.of("baseline (plain final field)", b1.map(m -> pm(m.score(), m.error())).orElse("—"), "1.00×",
                b2.map(m -> pm(m.score(), m.error())).orElse("—"), "1.00×"));
        cats.add("baseline");
        one.add(b1);
        two.add(b2);
        for (Strategy s : strategies()) {
            Optional<Metric> g1 = metric(STEADY, "get", "strategy", s.name());
            Optional<Metric> g2 = metric(STEADY, "get_2threads", "strategy", s.name());
            rows.add(List.of(label(s), g1.map(m -> pm(m.score(), m.error())).orElse("—"), ratioOf(g1, b1),
                    g2.map(m -> pm(m.score(), m.error())).orElse("—"), ratioOf(g2, b2)));
            cats.add(s.name());
            one.add(g1);
            two.add(g2);
        }
        doc.table(List.of("Strategy", "1 thread, ns/op", "× baseline", "2 threads, ns/op", "× baseline"), rows);
        doc.chart(new Doc.Chart("chart-steady", "Steady-state get(): ns per call", "99.9 % confidence interval",
                "ns/op", cats, List.of(series("1 thread", one), series("2 threads", two)), false));

        doc.heading(3, "In proportion: get() plus the cheapest query", "steady-ping");
        Optional<Metric> bp = metric(STEADY, "baselinePing");
        List<List<String>> prow = new ArrayList<>();
        List<Optional<Metric>> pings = new ArrayList<>();
        List<String> pcats = new ArrayList<>();
        prow.add(List.of("baseline: `SELECT 1` on a store in a final field",
                bp.map(m -> pm(m.score() / 1000, m.error() / 1000)).orElse("—"), "1.00×", "—"));
        pings.add(bp);
        pcats.add("baseline");
        for (Strategy s : strategies()) {
            Optional<Metric> gp = metric(STEADY, "getAndPing", "strategy", s.name());
            Optional<Metric> g1 = metric(STEADY, "get", "strategy", s.name());
            String share = "—";
            if (gp.isPresent() && g1.isPresent() && b1.isPresent()) {
                double pct = 100 * (g1.get().score() - b1.get().score()) / gp.get().score();
                share = pct < 0.01 ? "< 0.01 %" : String.format(Locale.ROOT, "%.2f %%", pct);
            }
            prow.add(List.of(label(s), gp.map(m -> pm(m.score() / 1000, m.error() / 1000)).orElse("—"),
                    ratioOf(gp, bp), share));
            pings.add(gp);
            pcats.add(s.name());
        }
        doc.para("`getAndPing()` runs `get().ping()` (SELECT 1 through the pool). The last column is the holder's"
                + " own cost (get() minus the field-read baseline, 1 thread) as a share of that call.");
        doc.table(List.of("Strategy", "µs/op", "× ping baseline", "holder's share of the call"), prow);
        List<Optional<Metric>> scaled = pings.stream().map(o -> o.map(m -> new Metric(m.score() / 1000,
                m.error() / 1000, "us/op", m.samples()))).toList();
        doc.chart(new Doc.Chart("chart-ping", "get() + SELECT 1 through the pool: µs per call",
                "99.9 % confidence interval", "µs/op", pcats, List.of(series("get().ping()", scaled)), false));
    }

    private static String ratioOf(Optional<Metric> m, Optional<Metric> base) {
        if (m.isEmpty() || base.isEmpty()) {
            return "—";
        }
        return ratioPm(m.get().score(), m.get().error(), base.get().score(), base.get().error());
    }

    private static Doc.Series series(String name, List<Optional<Metric>> ms) {
        double[] v = new double[ms.size()];
        double[] lo = new double[ms.size()];
        double[] hi = new double[ms.size()];
        for (int i = 0; i < ms.size(); i++) {
            Optional<Metric> m = ms.get(i);
            v[i] = m.map(Metric::score).orElse(Double.NaN);
            double e = m.map(Metric::error).filter(x -> !Double.isNaN(x)).orElse(0.0);
            lo[i] = v[i] - e;
            hi[i] = v[i] + e;
        }
        return new Doc.Series(name, v, lo, hi);
    }

    private void stampedeSection(Doc doc) {
        doc.heading(2, "Cold stampede", "stampede");
        doc.para("`LazyInit_03_ColdStampede`: N threads, parked on a latch, are released together onto one cold"
                + " holder; a single-shot trial ends when every thread holds a store. Per trial: pools opened (factory"
                + " calls), pools still open once all threads hold a store (more than 1 is a leak), distinct stores"
                + " handed out, and the peak server connections for that trial's pool name in `pg_stat_activity`"
                + " (polled every millisecond through one pre-opened connection, plus a last reading before anything"
                + " is closed: a sampled peak, so a lower bound; HikariCP opens a pool's first connection before the"
                + " store's constructor returns and the rest in the background, so one pool often shows 1). Everything"
                + " a trial created is closed after it,"
                + " outside the measurement. Time: median (p25–p75) ms; counts: mean per trial (max).");
        List<Integer> threads = stampedeThreads();
        List<List<String>> rows = new ArrayList<>();
        for (Strategy s : strategies()) {
            for (int t : threads) {
                results.find(STAMPEDE, "stampede", "strategy", s.name(), "threads", String.valueOf(t)).ifPresent(r ->
                        rows.add(List.of(label(s), String.valueOf(t), medianSpread(r.primary()),
                                counterCell(r, "pools"), counterCell(r, "leftOpen"), counterCell(r, "distinct"),
                                counterCell(r, "peakConnections"), String.valueOf(r.primary().samples().length))));
            }
        }
        doc.table(List.of("Strategy", "Threads", "Time to all holding, ms", "Pools opened", "Left open",
                "Distinct stores", "Peak server connections", "Trials"), rows);
        List<String> cats = strategies().stream().map(Strategy::name).toList();
        List<Doc.Series> time = new ArrayList<>();
        List<Doc.Series> conns = new ArrayList<>();
        List<Doc.Series> pools = new ArrayList<>();
        for (int t : threads) {
            List<Optional<Row>> rs = strategies().stream()
                    .map(s -> results.find(STAMPEDE, "stampede", "strategy", s.name(), "threads", String.valueOf(t)))
                    .toList();
            time.add(quartileSeries(t + " threads", rs.stream().map(o -> o.map(Row::primary)).toList()));
            conns.add(counterSeries(t + " threads", rs, "peakConnections"));
            pools.add(counterSeries(t + " threads", rs, "pools"));
        }
        doc.chart(new Doc.Chart("chart-stampede-time", "Cold stampede: time until every thread holds a store",
                "p25 to p75 of the trials", "ms (median, log scale)", cats, time, true));
        doc.chart(new Doc.Chart("chart-stampede-pools", "Cold stampede: pools opened per trial",
                "min to max over the trials", "pools (mean)", cats, pools, false));
        doc.chart(new Doc.Chart("chart-stampede-connections", "Cold stampede: peak server connections per trial",
                "min to max over the trials", "connections (mean)", cats, conns, false));
    }

    private static Doc.Series quartileSeries(String name, List<Optional<Metric>> ms) {
        return new Doc.Series(name,
                ms.stream().mapToDouble(o -> o.map(Metric::median).orElse(Double.NaN)).toArray(),
                ms.stream().mapToDouble(o -> o.map(m -> m.quantile(0.25)).orElse(Double.NaN)).toArray(),
                ms.stream().mapToDouble(o -> o.map(m -> m.quantile(0.75)).orElse(Double.NaN)).toArray());
    }

    private static Doc.Series counterSeries(String name, List<Optional<Row>> rows, String counter) {
        Function<Optional<Row>, Optional<Metric>> get = o -> o.map(r -> r.secondary().get(counter));
        return new Doc.Series(name,
                rows.stream().mapToDouble(o -> get.apply(o).map(Metric::mean).orElse(Double.NaN)).toArray(),
                rows.stream().mapToDouble(o -> get.apply(o).map(m -> m.quantile(0)).orElse(Double.NaN)).toArray(),
                rows.stream().mapToDouble(o -> get.apply(o).map(Metric::max).orElse(Double.NaN)).toArray());
    }

    private void jcstressSection(Doc doc) {
        doc.heading(2, "JCStress verdicts", "jcstress");
        if (verdicts.isEmpty()) {
            doc.para("The JCStress verdicts were not run for this report: no verdicts file at `" + verdictsSource
                    + "`. Produce it with the `jcstress` module (see its README), then re-render this folder with"
                    + " `./bench render <results folder>`; the guide below then cites them.");
            return;
        }
        Verdicts v = verdicts.get();
        doc.para("From `" + verdictsSource + "` (mode " + v.mode() + ", " + v.jvm() + ", generated " + v.generatedAt()
                + "). PASS: the strategy behaved as the registry says in every sample (for a property it does not"
                + " guarantee, the documented opposite); FAIL: a forbidden outcome was seen; CAUGHT: a broken"
                + " control's bug was observed (the test works); NOT_OBSERVED: allowed but not seen; N/A: the"
                + " property does not apply.");
        List<String> props = v.properties();
        List<String> header = new ArrayList<>();
        header.add("Strategy");
        header.addAll(props);
        List<List<String>> rows = new ArrayList<>();
        for (Strategy s : Strategy.values()) {
            List<String> row = new ArrayList<>();
            row.add(label(s));
            boolean any = false;
            for (String p : props) {
                Optional<Verdicts.Verdict> x = v.find(s.name(), p);
                any |= x.isPresent();
                row.add(x.map(Verdicts.Verdict::verdict).orElse("—"));
            }
            if (any) {
                rows.add(row);
            }
        }
        doc.textTable(header, rows);
    }

    private String verdictRef(Strategy s, String property) {
        return verdicts.flatMap(v -> v.find(s.name(), property))
                .map(x -> " (JCStress " + property + ": **" + x.verdict() + "**, [verdicts](#jcstress))")
                .orElse("");
    }

    private void decisionGuide(Doc doc) {
        doc.heading(2, "Decision guide", "decision-guide");
        doc.para("Each answer rests on a guarantee from the registry and a number or verdict above. Broken controls"
                + " are never an answer.");
        List<Strategy> correct = strategies().stream().filter(s -> !s.broken()).toList();
        Optional<Metric> b1 = metric(STEADY, "baseline");
        Function<Strategy, String> steady = s -> metric(STEADY, "get", "strategy", s.name())
                .map(m -> num(m.score()) + " ns" + b1.map(b -> " (" + ratio(m.score() / b.score()) + " the field read)")
                        .orElse(""))
                .orElse("not measured");
        List<Integer> threads = stampedeThreads();
        int most = threads.isEmpty() ? 0 : threads.get(threads.size() - 1);
        Function<Strategy, String> stampede = s -> results.find(STAMPEDE, "stampede", "strategy", s.name(),
                        "threads", String.valueOf(most))
                .map(r -> "per trial at " + most + " threads, pools opened: "
                        + Optional.ofNullable(r.secondary().get("pools")).map(m -> count(m.mean())).orElse("?")
                        + ", peak server connections: " + Optional.ofNullable(r.secondary().get("peakConnections"))
                        .map(m -> count(m.mean())).orElse("?"))
                .orElse("no stampede result");
        List<String> items = new ArrayList<>();

        List<Strategy> perInstance = with(correct, Guarantee.PER_INSTANCE);
        List<Strategy> staticOnly = correct.stream().filter(s -> !s.guarantees(Guarantee.PER_INSTANCE)).toList();
        items.add("**Static (one per process) or instance scope?** One per process: "
                + (staticOnly.isEmpty() ? "any instance strategy in a static final field."
                : names(staticOnly, s -> s.name() + " — the JVM's class-init lock, no code; steady state "
                + steady.apply(s)) + ", but it cannot close, reset or retry.")
                + " Per instance (per tenant, per test, configured at run time): "
                + names(perInstance, s -> s.name() + " (" + steady.apply(s) + ")") + ". See [steady state](#steady).");

        List<Strategy> retry = with(correct, Guarantee.RETRIES_AFTER_FAILURE);
        List<Strategy> noRetry = correct.stream().filter(s -> !s.guarantees(Guarantee.RETRIES_AFTER_FAILURE)).toList();
        items.add("**Must a failed initialization be retried (database down at start-up)?** Choose "
                + names(retry, s -> s.name() + verdictRef(s, "failure-then-access")) + ". Not "
                + names(noRetry, s -> s.name() + verdictRef(s, "failure-then-access"))
                + ": after a failed first attempt it never tries again (for a strategy without the guarantee, the"
                + " JCStress verdict checks that documented behaviour). What each strategy does when the database is"
                + " down, slow or restarted, measured: [failure semantics](#failures).");

        List<Strategy> closeable = with(correct, Guarantee.CLOSEABLE);
        List<Strategy> notCloseable = correct.stream().filter(s -> !s.guarantees(Guarantee.CLOSEABLE)).toList();
        items.add("**Must the pool be closed (shutdown, tests, reload)?** Choose "
                + names(closeable, s -> s.name() + verdictRef(s, "close-vs-get")) + "."
                + (notCloseable.isEmpty() ? "" : " " + names(notCloseable, Strategy::name)
                + " can close the value but keeps handing out the closed store."));

        int feature = forkJdkFeature();
        List<Strategy> lockFree = with(correct, Guarantee.CLOSES_DUPLICATES);
        items.add("**Virtual threads?** A virtual thread that blocks inside `synchronized` (the pool opens network"
                + " connections there) pins its carrier thread on JDK 21–23; JDK 24 and later no longer pin on"
                + " monitors (JEP 491). Class initialization pins on every JDK, so the holder idiom's creation"
                + " always pins. This run's forks used JDK " + (feature == 0 ? "unknown" : feature)
                + (feature > 0 && feature < 21 ? ", which has no virtual threads (final in JDK 21)" : "") + ". "
                + (feature >= 24
                ? "Here the lock-based strategies are fine on virtual threads."
                : "On JDK 21–23 prefer a strategy whose creation does not block under a monitor: "
                + names(lockFree, s -> s.name() + " (lock-free, but " + stampede.apply(s) + ")")
                + ", or move to JDK 24+.")
                + (virtualThreads.isEmpty() ? " No [virtual-thread stampede](#vthreads) was run for this report."
                : " Measured in the [virtual-thread stampede](#vthreads): look for pinned events and STUCK rounds;"
                + " a class initializer that does blocking I/O while thousands of virtual threads wait for it can"
                + " stall every carrier thread."));

        Optional<Strategy> cheapest = cheapestGet(results, correct);
        Optional<Strategy> dearest2 = correct.stream()
                .filter(s -> metric(STEADY, "get_2threads", "strategy", s.name()).isPresent())
                .max(Comparator.comparingDouble(s -> metric(STEADY, "get_2threads", "strategy", s.name()).get().score()));
        Optional<Metric> ping = metric(STEADY, "baselinePing");
        String tied = cheapest.map(c -> {
            Metric best = metric(STEADY, "get", "strategy", c.name()).get();
            List<Strategy> same = correct.stream().filter(s -> s != c)
                    .filter(s -> metric(STEADY, "get", "strategy", s.name()).map(m -> overlaps(m, best)).orElse(false))
                    .toList();
            return same.isEmpty() ? "" : "; within the error of it: " + names(same, s -> s.name() + " at "
                    + metric(STEADY, "get", "strategy", s.name()).map(m -> pm(m.score(), m.error()) + " ns").orElse(""));
        }).orElse("");
        items.add("**Steady-state cost?** Cheapest mean here: " + cheapest.map(s -> s.name() + " at "
                + metric(STEADY, "get", "strategy", s.name()).map(m -> pm(m.score(), m.error()) + " ns").orElse("")
                + b1.map(b -> " vs. " + pm(b.score(), b.error()) + " ns for the field read").orElse(""))
                .orElse("not measured") + tied + ". Most expensive with 2 threads: " + dearest2.map(s -> s.name() + " at "
                + metric(STEADY, "get_2threads", "strategy", s.name()).map(m -> num(m.score()) + " ns").orElse(""))
                .orElse("not measured") + ". A single `SELECT 1` through the pool costs "
                + ping.map(m -> num(m.score() / 1000) + " µs").orElse("(not measured)")
                + ", so on a path that uses the store every strategy's cost is noise; it matters only where get() is"
                + " called millions of times per second without a query. See [in proportion](#steady-ping).");

        jdkAnswer(correct).ifPresent(items::add);

        List<Strategy> once = with(correct, Guarantee.EXACTLY_ONCE);
        items.add("**Cold start and stampede cost?** One cold first get() costs what creating the pool costs, for"
                + " every strategy ([cold](#cold)). Under a stampede the exactly-once strategies open one pool: "
                + names(once, s -> s.name() + ": " + stampede.apply(s) + verdictRef(s, "exactly-once")) + ". "
                + names(lockFree, s -> s.name() + " pays, " + stampede.apply(s)
                + " (every loser closes its pool; a database with few free connections can refuse them)")
                + ". The incident's bug, " + names(strategies().stream().filter(Strategy::broken)
                .filter(s -> !s.guarantees(Guarantee.EXACTLY_ONCE)).toList(),
                s -> s.name() + ": " + stampede.apply(s) + verdictRef(s, "exactly-once"))
                + ", leaves extra pools open ([stampede](#stampede)).");

        Optional<Strategy> general = correct.stream()
                .filter(s -> s.guarantees().containsAll(List.of(Guarantee.EXACTLY_ONCE, Guarantee.RETRIES_AFTER_FAILURE,
                        Guarantee.CLOSEABLE, Guarantee.PER_INSTANCE)))
                .filter(s -> metric(STEADY, "get", "strategy", s.name()).isPresent())
                .min(Comparator.comparingDouble(s -> metric(STEADY, "get", "strategy", s.name()).get().score()));
        items.add("**In short:** " + general.map(s -> {
                    Metric best = metric(STEADY, "get", "strategy", s.name()).get();
                    List<Strategy> tiedAll = correct.stream().filter(o -> o != s)
                            .filter(o -> o.guarantees().containsAll(s.guarantees()))
                            .filter(o -> metric(STEADY, "get", "strategy", o.name()).map(m -> overlaps(m, best))
                                    .orElse(false))
                            .toList();
                    String both = tiedAll.isEmpty() ? s.name()
                            : s.name() + " or " + names(tiedAll, Strategy::name) + " (indistinguishable within this"
                            + " run's steady-state errors; compare their 2-thread column, where a lock on the fast"
                            + " path shows)";
                    return "for an instance-scoped pool, " + both + ": exactly-once, retries, closeable; steady"
                            + " state " + steady.apply(s) + verdictRef(s, "publication");
                }).orElse("no measured"
                + " strategy has every guarantee")
                + (staticOnly.isEmpty() ? "" : "; for a process-wide singleton that never closes, "
                + names(staticOnly, Strategy::name)) + ".");
        doc.bullets(items);
    }

    /** Whether two means are within the sum of their errors of each other (an unknown error counts as 0). */
    static boolean overlaps(Metric a, Metric b) {
        double ea = Double.isNaN(a.error()) ? 0 : a.error();
        double eb = Double.isNaN(b.error()) ? 0 : b.error();
        return Math.abs(a.score() - b.score()) <= ea + eb;
    }

    private static List<Strategy> with(List<Strategy> list, Guarantee g) {
        return list.stream().filter(s -> s.guarantees(g)).toList();
    }

    private static String names(List<Strategy> list, Function<Strategy, String> f) {
        return list.isEmpty() ? "none of the measured strategies" : list.stream().map(f).collect(Collectors.joining("; "));
    }

    /**
     * The same benchmarks on every JDK the forks ran on, side by side: each JDK's numbers against the baseline
     * measured on that JDK in the same run, and the newest ÷ the oldest with its propagated error.
     */
    private void jdkSection(Doc doc) {
        List<Integer> jdks = all.jdks();
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
        List<JmhResults> on = jdks.stream().map(all::onJdk).toList();

        List<String> header = new ArrayList<>(List.of("Strategy"));
        for (String what : List.of("get(), 1 thread, ns", "get(), 2 threads, ns")) {
            jdks.forEach(j -> header.add(what + ", JDK " + j));
            header.add("JDK " + newest + " ÷ " + oldest);
        }
        List<List<String>> rows = new ArrayList<>();
        List<String> cats = new ArrayList<>();
        List<List<Optional<Metric>>> oneThread = new ArrayList<>();
        jdks.forEach(j -> oneThread.add(new ArrayList<>()));
        for (String name : withBaseline()) {
            List<String> row = new ArrayList<>(List.of(name.equals(BASELINE) ? "baseline (plain final field)"
                    : label(Strategy.valueOf(name))));
            for (String method : List.of("get", "get_2threads")) {
                String base = method.equals("get") ? "baseline" : "baseline_2threads";
                List<Optional<Metric>> ms = new ArrayList<>();
                for (JmhResults r : on) {
                    Optional<Metric> b = r.metric(STEADY, base);
                    Optional<Metric> m = name.equals(BASELINE) ? b : r.metric(STEADY, method, "strategy", name);
                    ms.add(m);
                    row.add(m.map(x -> pm(x.score(), x.error()) + b.map(y -> " (" + ratio(x.score() / y.score())
                            + ")").orElse("")).orElse("—"));
                }
                row.add(jdkRatio(ms.get(0), ms.get(ms.size() - 1)));
                if (method.equals("get")) {
                    for (int i = 0; i < ms.size(); i++) {
                        oneThread.get(i).add(ms.get(i));
                    }
                }
            }
            cats.add(name.equals(BASELINE) ? "baseline" : name);
            rows.add(row);
        }
        doc.heading(3, "Steady state", "jdks-steady");
        doc.table(header, rows);
        List<Doc.Series> series = new ArrayList<>();
        for (int i = 0; i < jdks.size(); i++) {
            series.add(series("JDK " + jdks.get(i), oneThread.get(i)));
        }
        doc.chart(new Doc.Chart("chart-jdks-steady", "Steady-state get(), 1 thread: ns per call on each JDK",
                "99.9 % confidence interval", "ns/op", cats, series, false));

        List<Integer> threads = stampedeThreads();
        int most = threads.isEmpty() ? 0 : threads.get(threads.size() - 1);
        List<String> h2 = new ArrayList<>(List.of("Strategy"));
        jdks.forEach(j -> h2.add("cold first get, median ms, JDK " + j));
        h2.add("JDK " + newest + " ÷ " + oldest);
        jdks.forEach(j -> h2.add("get() + SELECT 1, µs, JDK " + j));
        h2.add("JDK " + newest + " ÷ " + oldest);
        jdks.forEach(j -> h2.add("stampede " + most + ": median ms; pools opened per trial, JDK " + j));
        List<List<String>> rows2 = new ArrayList<>();
        for (String name : withBaseline()) {
            boolean isBase = name.equals(BASELINE);
            List<String> row = new ArrayList<>(List.of(isBase ? "baseline (no holder)" : label(Strategy.valueOf(name))));
            List<Optional<Metric>> cold = new ArrayList<>();
            for (JmhResults r : on) {
                Optional<Metric> b = r.metric(COLD, "baseline");
                Optional<Metric> m = isBase ? b : r.metric(COLD, "firstGet", "strategy", name);
                cold.add(m);
                row.add(m.map(x -> num(x.median()) + b.map(y -> " (" + ratio(x.median() / y.median()) + ")").orElse(""))
                        .orElse("—"));
            }
            Optional<Metric> c0 = cold.get(0);
            Optional<Metric> cn = cold.get(cold.size() - 1);
            row.add(c0.isPresent() && cn.isPresent() ? ratio(cn.get().median() / c0.get().median()) : "—");
            List<Optional<Metric>> ping = new ArrayList<>();
            for (JmhResults r : on) {
                Optional<Metric> b = r.metric(STEADY, "baselinePing");
                Optional<Metric> m = isBase ? b : r.metric(STEADY, "getAndPing", "strategy", name);
                ping.add(m);
                row.add(m.map(x -> pm(x.score() / 1000, x.error() / 1000) + b.map(y -> " (" + ratio(x.score()
                        / y.score()) + ")").orElse("")).orElse("—"));
            }
            row.add(jdkRatio(ping.get(0), ping.get(ping.size() - 1)));
            for (JmhResults r : on) {
                Optional<Row> st = isBase ? Optional.empty()
                        : r.find(STAMPEDE, "stampede", "strategy", name, "threads", String.valueOf(most));
                row.add(isBase ? "—" : st.map(x -> num(x.primary().median()) + "; pools " + counterCell(x, "pools"))
                        .orElse("—"));
            }
            rows2.add(row);
        }
        doc.heading(3, "Cold first access, a query through the pool, and the stampede", "jdks-cold");
        doc.para("Cold and stampede are single-shot medians (a ratio of medians, without an error: compare the"
                + " spreads in [cold](#cold) and [stampede](#stampede)); these are dominated by opening connections,"
                + " so the JDK matters less here than in the steady state.");
        doc.table(h2, rows2);
    }

    /**
     * The decision guide's answer to "does the JDK change the choice?", when the run measured more than one:
     * which correct strategies' 1-thread steady state moved beyond the error between the oldest and newest JDK,
     * and whether the cheapest strategy is the same on both.
     */
    private Optional<String> jdkAnswer(List<Strategy> correct) {
        List<Integer> jdks = all.jdks();
        if (jdks.size() < 2) {
            return Optional.empty();
        }
        JmhResults oldest = all.onJdk(jdks.get(0));
        JmhResults newest = all.onJdk(jdks.get(jdks.size() - 1));
        List<String> moved = new ArrayList<>();
        boolean errorsKnown = true;
        for (Strategy s : correct) {
            Optional<Metric> a = oldest.metric(STEADY, "get", "strategy", s.name());
            Optional<Metric> b = newest.metric(STEADY, "get", "strategy", s.name());
            if (a.isEmpty() || b.isEmpty()) {
                continue;
            }
            errorsKnown &= !Double.isNaN(a.get().error()) && !Double.isNaN(b.get().error());
            if (!jdkRatio(a, b).startsWith("≈")) {
                moved.add(s.name() + " " + num(a.get().score()) + " → " + num(b.get().score()) + " ns");
            }
        }
        Function<JmhResults, String> cheapest = r -> cheapestGet(r, correct).map(Strategy::name).orElse("none");
        return Optional.of("**Does the JDK change the choice?** From JDK " + jdks.get(0) + " to JDK "
                + jdks.get(jdks.size() - 1) + ", the 1-thread steady state of "
                + (!errorsKnown ? "the correct strategies cannot be compared: this run has no errors (one iteration"
                + " each); use the quick or full profile"
                : moved.isEmpty() ? "no correct strategy moved beyond this run's errors"
                : "these correct strategies moved beyond this run's errors: " + String.join("; ", moved))
                + ". Cheapest mean: " + cheapest.apply(oldest) + " on JDK " + jdks.get(0) + ", "
                + cheapest.apply(newest) + " on JDK " + jdks.get(jdks.size() - 1)
                + ". The guarantees are the same on every JDK (the JCStress verdicts in this report come from the"
                + " JDK that ran `./mvnw verify`); see [JDKs side by side](#jdks).");
    }

    private static final String BASELINE = "";

    /** The baseline's key (the empty string) followed by every strategy measured on any JDK. */
    private List<String> withBaseline() {
        List<String> names = new ArrayList<>(List.of(BASELINE));
        Arrays.stream(Strategy.values())
                .filter(s -> all.rows().stream().anyMatch(r -> s.name().equals(r.param("strategy"))))
                .forEach(s -> names.add(s.name()));
        return names;
    }

    private static String jdkRatio(Optional<Metric> oldest, Optional<Metric> newest) {
        if (oldest.isEmpty() || newest.isEmpty()) {
            return "—";
        }
        Metric a = newest.get();
        Metric b = oldest.get();
        String r = ratioPm(a.score(), a.error(), b.score(), b.error());
        boolean noChange = !Double.isNaN(a.error()) && !Double.isNaN(b.error())
                && Math.abs(a.score() / b.score() - 1) <= ratioError(a.score(), a.error(), b.score(), b.error());
        return noChange ? "≈ " + r : r;
    }

    @SuppressWarnings("unchecked")
    private void virtualThreadSection(Doc doc) {
        doc.heading(2, "Virtual-thread cold stampede", "vthreads");
        if (virtualThreads.isEmpty()) {
            doc.para("Not run for this report: it needs a JDK 21 or newer (set `BENCH_VT_JAVA` to its `java`;"
                    + " `./bench` finds one installed beside the default JDK by itself).");
            return;
        }
        doc.para(count(((Number) virtualThreads.get("threads")).doubleValue()) + " virtual threads released together"
                + " into one cold holder per strategy, " + count(((Number) virtualThreads.get("rounds")).doubleValue())
                + " rounds, on JDK " + virtualThreads.get("jdk") + " ("
                + virtualThreads.get("vendor") + "); the factory opens the real pool (blocking network I/O)."
                + " Pinning is recorded by JFR (`jdk.VirtualThreadPinned`, threshold 0, with stack traces). A round"
                + " that has not finished after 30 s is reported as STUCK and torn down by interrupting its"
                + " threads. Strategies that let every racing thread build its own pool are not run here: the"
                + " platform-thread [stampede](#stampede) already shows what they cost.");
        List<List<String>> rows = new ArrayList<>();
        for (Object o : (List<Object>) virtualThreads.getOrDefault("rows", List.of())) {
            Map<String, Object> r = (Map<String, Object>) o;
            String name = String.valueOf(r.get("strategy"));
            String label = Arrays.stream(Strategy.values()).filter(s -> s.name().equals(name)).findFirst()
                    .map(Report::label).orElse(name);
            List<Object> nanos = (List<Object>) r.getOrDefault("nanos", List.of());
            String note = String.valueOf(r.getOrDefault("note", ""));
            String time;
            if (!nanos.isEmpty()) {
                List<Double> ms = nanos.stream().map(n -> ((Number) n).doubleValue() / 1e6).sorted().toList();
                time = num(ms.get(ms.size() / 2)) + " ms (" + num(ms.get(0)) + "–" + num(ms.get(ms.size() - 1)) + ")";
            } else {
                time = note.isEmpty() ? "—" : note;
            }
            boolean ran = ((Number) r.getOrDefault("threads", 0)).intValue() > 0;
            Map<String, Object> at = (Map<String, Object>) r.getOrDefault("pinnedAt", Map.of());
            rows.add(List.of(label, time,
                    ran ? count(((Number) r.get("created")).doubleValue()) : "—",
                    ran ? count(((Number) r.get("pinnedEvents")).doubleValue()) : "—",
                    ran ? num(((Number) r.get("pinnedNanos")).doubleValue() / 1e6) + " ms" : "—",
                    at.isEmpty() ? "—" : at.entrySet().stream().map(e -> e.getKey() + " ×" + count(((Number) e.getValue()).doubleValue()))
                            .collect(Collectors.joining(", "))));
        }
        doc.table(List.of("Strategy", "Time until every thread holds the store (median, min–max)", "Stores created",
                "Pinned events", "Pinned time", "Pinned at"), rows, 2);
    }

    @SuppressWarnings("unchecked")
    private void failureSection(Doc doc) {
        doc.heading(2, "Failure semantics", "failures");
        if (failureSemantics.isEmpty()) {
            doc.para("Not included: no `failure-semantics.json` in this folder. `./mvnw verify` writes it to"
                    + " `store/target/failure-semantics/`; run it, then `./bench` (or `./bench render <folder>` after"
                    + " copying the file into the folder).");
            return;
        }
        Map<String, Object> settings = (Map<String, Object>) failureSemantics.getOrDefault("settings", Map.of());
        doc.para("Observed by the store module's `FailureSemanticsTest` in `./mvnw verify` (generated "
                + failureSemantics.get("generatedAt") + "), against a real PostgreSQL that the test stops, restarts"
                + " and slows down; every cell is what that run saw, and each run checks that nothing leaked"
                + " (stores, pool threads, server connections) and that a canary password appears in no message,"
                + " log or table. Settings: " + settings.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ")) + ".");
        List<Object> faults = (List<Object>) failureSemantics.getOrDefault("faults", List.of());
        List<Object> observed = (List<Object>) failureSemantics.getOrDefault("rows", List.of());
        for (Object f : faults) {
            Map<String, Object> fault = (Map<String, Object>) f;
            List<List<String>> rows = new ArrayList<>();
            for (Strategy s : Strategy.values()) {
                observed.stream().map(o -> (Map<String, Object>) o)
                        .filter(o -> fault.get("id").equals(o.get("fault")) && s.name().equals(o.get("strategy")))
                        .findFirst().ifPresent(o -> rows.add(List.of(label(s), String.valueOf(o.get("observed")))));
            }
            if (!rows.isEmpty()) {
                doc.heading(3, String.valueOf(fault.get("title")), "failure-" + fault.get("id"));
                doc.para(String.valueOf(fault.get("description")));
                doc.table(List.of("Strategy", "Observed"), rows, 2);
            }
        }
    }

    private void method(Doc doc) {
        doc.heading(2, "How these numbers were made", "method");
        doc.bullets(List.of(
                "Raw results: `results.json` in this folder, JMH's own JSON format (loads in the usual JMH"
                        + " visualizers). This report can be rebuilt from it with `./bench render <folder>`.",
                "One PostgreSQL server is started (or reached) by the runner and shared by all JMH forks; forks get"
                        + " its URL, user and the name of a private (0600) file holding the password, never the"
                        + " password itself.",
                "Errors are JMH's 99.9 % confidence half-widths (Student t over all iterations of all forks);"
                        + " single-shot results are also given as median and interquartile range, which resist the"
                        + " stragglers a real database produces.",
                "The stampede's counts are JMH aux counters (secondary metrics in results.json, where JMH's score"
                        + " is their sum over a fork's trials); this report shows the per-trial mean and maximum from"
                        + " the raw data.",
                "The quick profile runs one fork per benchmark and few iterations: read its ns-scale differences"
                        + " with their errors; use the full profile for publishable numbers.",
                "Generated by the `jmh` module's report runner from the strategy registry; a strategy added to the"
                        + " registry appears here after a rebuild, with no benchmark edit."));
    }
}
