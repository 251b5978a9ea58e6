package dev.lazyinit.report;

import static dev.lazyinit.report.Fmt.NONE;
import static dev.lazyinit.report.Fmt.orNone;
import static dev.lazyinit.report.Fmt.pm;

import dev.lazyinit.report.JmhResults.Metric;
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
                + " call, each strategy in JVMs of its own (every JMH fork runs one strategy, so its call site sees"
                + " one holder class). Baseline: returning a store held in a plain final field (one load). The physical"
                + " limit is the floor twin: the least any per-instance lazy holder does, a plain field read and the"
                + " null check, called exactly as every strategy is called (a `Lazy` in a field of shared state,"
                + " through the interface), so the call path cancels out and `get()` ÷ floor twin is what a"
                + " strategy's safety costs on the fast path. Only the holder idiom can read below it: its value is a"
                + " static final, which the JIT folds into a constant. The holder idiom is measured through the real static"
                + " `HolderIdiom.get()`, as production code calls it. Numbers are mean ± 99.9 % confidence"
                + " half-width over the iterations of an entry's fastest fork (the only fork, where it had one);"
                + " ratios carry the propagated error as an interval.");
        Resolution res1 = m.steadyResolution(false);
        Resolution res2 = m.steadyResolution(true);
        List<String> checks = new ArrayList<>(List.of("1 thread: " + res1.sentence(), "2 threads: "
                + res2.sentence()));
        checks.add(floorCheck(m));
        dispatch(m).ifPresent(checks::add);
        checks.add(forks(m));
        doc.bullets(checks);
        Bench against1 = m.steadyAgainst(false);
        Bench against2 = m.steadyAgainst(true);
        Optional<Metric> x1 = m.baseline(against1);
        Optional<Metric> x2 = m.baseline(against2);
        List<List<String>> rows = new ArrayList<>();
        List<String> cats = new ArrayList<>();
        List<Optional<Metric>> one = new ArrayList<>();
        List<Optional<Metric>> two = new ArrayList<>();
        reference(rows, cats, one, two, "baseline (plain final field)", "baseline", m, Bench.FIELD_READ,
                Bench.FIELD_READ_2_THREADS, res1, res2, x1, x2);
        Optional<Metric> a1 = m.baseline(Bench.FIELD_READ_AGAIN);
        Optional<Metric> a2 = m.baseline(Bench.FIELD_READ_2_THREADS_AGAIN);
        if (a1.isPresent() || a2.isPresent()) {
            rows.add(List.of("baseline again (A/A control)", orNone(a1, Fmt::pm), aa(res1), orNone(a2, Fmt::pm),
                    aa(res2)));
        }
        reference(rows, cats, one, two, "floor twin (plain read + null check through `Lazy.get()`: the limit)",
                "floor twin", m, Bench.FLOOR_TWIN, Bench.FLOOR_TWIN_2_THREADS, res1, res2, x1, x2);
        reference(rows, cats, one, two, against1 == Bench.FLOOR ? "floor (unsynchronized read + null check)"
                        : "inline floor (the same work written into the benchmark method: no call)", "inline floor",
                m, Bench.FLOOR, Bench.FLOOR_2_THREADS, res1, res2, x1, x2);
        Optional<Metric> polluted = m.baseline(Bench.FLOOR_TWIN_POLLUTED);
        if (polluted.isPresent()) {
            rows.add(List.of("dispatch control (floor twin, call site polluted by 3 other holder classes)",
                    pm(polluted.get()), ratio(res1, polluted, x1), NONE, NONE));
        }
        for (Strategy s : m.strategies()) {
            Optional<Metric> g1 = m.of(Bench.GET, s);
            Optional<Metric> g2 = m.of(Bench.GET_2_THREADS, s);
            rows.add(List.of(Fmt.label(s), orNone(g1, Fmt::pm), orNone(m.steady(s, false), Guide.Compared::cell),
                    orNone(g2, Fmt::pm), orNone(m.steady(s, true), Guide.Compared::cell)));
            add(cats, one, two, s.name(), g1, g2);
        }
        String vs = "× " + against1.against();
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
        inProportion(m, doc);
    }

    /** A reference row (no strategy): its numbers and its ratio to what the strategies are compared with. */
    private static void reference(List<List<String>> rows, List<String> cats, List<Optional<Metric>> one,
                                  List<Optional<Metric>> two, String label, String cat, Measurements m, Bench b1,
                                  Bench b2, Resolution res1, Resolution res2, Optional<Metric> x1,
                                  Optional<Metric> x2) {
        Optional<Metric> m1 = m.baseline(b1);
        Optional<Metric> m2 = m.baseline(b2);
        if (m1.isEmpty() && m2.isEmpty()) {
            return;
        }
        rows.add(List.of(label, orNone(m1, Fmt::pm), b1 == m.steadyAgainst(false) ? "1.00×" : ratio(res1, m1, x1),
                orNone(m2, Fmt::pm), b2 == m.steadyAgainst(true) ? "1.00×" : ratio(res2, m2, x2)));
        add(cats, one, two, cat, m1, m2);
    }

    /** The floor check in words: it passed, it failed (the run is disturbed), or it could not be made. */
    private static String floorCheck(Measurements m) {
        String control = Measurements.FLOOR_CONTROL.name();
        Optional<Guide.Compared> check1 = m.floorCheck(false);
        Optional<Guide.Compared> check2 = m.floorCheck(true);
        if (check1.isEmpty() && check2.isEmpty()) {
            return "Floor check: not made (it needs the floor twin and " + control + " in the same results).";
        }
        boolean one = check1.filter(Guide.Compared::resolved).isPresent();
        boolean two = check2.filter(Guide.Compared::resolved).isPresent();
        List<String> parts = new ArrayList<>();
        check1.ifPresent(c -> parts.add("1 thread " + c.cell() + (one ? " (**failed**)" : "")));
        check2.ifPresent(c -> parts.add("2 threads " + c.cell() + (two ? " (**failed**)" : "")));
        String failed = one && two ? "either column" : one ? "the 1-thread column" : "the 2-thread column";
        return "Floor check: " + control + ", which does the floor twin's work through the same call, reads "
                + String.join(", ", parts) + " of it; it must read ≈ 1.00×. "
                + (one || two ? "It does not in " + failed + ", so there this run's ratios carry more than the"
                + " strategies' own cost: the run is disturbed, and no ratio of that column is ranked"
                + (one ? " (nor does the decision guide rank anything on the fast path)" : "") + "."
                : "It does, so the call path cancels out of every ratio below.");
    }

    /**
     * The forks in words: how many each entry ran in, and the entries whose forks disagree (a fork whose error bar
     * misses the fastest fork's): what a slow stretch of the machine during a fork looks like.
     */
    static String forks(Measurements m) {
        List<String> disagree = new ArrayList<>();
        int most = 0;
        List<Bench> references = List.of(Bench.FIELD_READ, Bench.FIELD_READ_AGAIN, Bench.FLOOR_TWIN, Bench.FLOOR,
                Bench.FLOOR_TWIN_POLLUTED, Bench.FIELD_READ_2_THREADS, Bench.FIELD_READ_2_THREADS_AGAIN,
                Bench.FLOOR_TWIN_2_THREADS, Bench.FLOOR_2_THREADS);
        for (Bench b : references) {
            most = Math.max(most, disagreeing(b.method(), m.allForks(b), disagree));
        }
        for (Strategy s : m.strategies()) {
            for (Bench b : List.of(Bench.GET, Bench.GET_2_THREADS)) {
                most = Math.max(most, disagreeing(s.name() + (b == Bench.GET ? "" : ", 2 threads"), m.allForks(b, s),
                        disagree));
            }
        }
        if (most < 2) {
            return "Forks: one per entry, so a slow stretch of the machine during a fork (other load on the same"
                    + " core) cannot be told from its strategy's cost here. `./bench` runs three forks of every"
                    + " 1-thread entry (the full profile: of every entry) and reads each at its fastest fork.";
        }
        return "Forks: up to " + most + " per entry, in rounds (one fork of every entry per round, so an entry's forks"
                + " are a round apart); each entry is read at its fastest fork, the one"
                + " other load on the machine disturbed least (such load only ever adds time). " + (disagree.isEmpty()
                ? "No entry's forks disagree beyond their errors."
                : "Forks that disagree beyond their errors (ns per call, fork by fork; a slow stretch of the machine"
                + " looks like this): " + String.join("; ", disagree) + ".");
    }

    /** Adds the entry to the list if one of its forks misses the fastest fork's error bar; returns its forks. */
    private static int disagreeing(String entry, Optional<Metric> all, List<String> into) {
        List<Metric> forks = all.map(Metric::eachFork).orElse(List.of());
        if (forks.size() > 1) {
            Metric fastest = all.get().fastestFork();
            if (forks.stream().anyMatch(f -> !Ratio.overlaps(f, fastest))) {
                into.add(entry + " " + String.join(" · ", forks.stream()
                        .map(f -> String.format(Locale.ROOT, "%.3f", f.score())).toList()));
            }
        }
        return forks.size();
    }

    /** The dispatch control in words: what a shared (polymorphic) call site would add, and whether it shows. */
    private static Optional<String> dispatch(Measurements m) {
        return m.dispatchControl().map(c -> "Dispatch control: the floor twin behind a call site that saw 3 other"
                + " holder classes before the measurement reads " + c.cell() + " the floor twin. " + (c.resolved()
                ? "That is what a call site shared by several strategies would add to every number; one fork per"
                + " strategy keeps it out of the rows below (and a second holder class set up in one fork fails"
                + " the trial)."
                : "This run cannot tell dispatch from the floor twin, so this control could not have shown profile"
                + " pollution here; the rows below still run one strategy per fork."));
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

    private static void inProportion(Measurements m, MarkdownDoc doc) {
        doc.heading(3, "In proportion: get() plus the cheapest query", "steady-ping");
        Bench pingBase = m.pingBaseline();
        Optional<Metric> bp = m.baseline(pingBase);
        Optional<Metric> twin = m.baseline(m.steadyAgainst(false));
        List<List<String>> rows = new ArrayList<>();
        List<Optional<Metric>> pings = new ArrayList<>(List.of(bp));
        List<String> cats = new ArrayList<>(List.of("baseline"));
        rows.add(List.of(pingBase == Bench.PING_TWIN ? "baseline: `SELECT 1` through the floor twin (the same store,"
                + " pool and call, no holder's work)" : "baseline: `SELECT 1` on a store in a final field",
                orNone(bp, SteadySection::micros), "1.00×", NONE));
        Resolution res = m.pingResolution();
        Optional<Metric> again = m.baseline(Bench.PING_TWIN_AGAIN);
        again.ifPresent(a -> rows.add(List.of("baseline again (A/A control)", micros(a), aa(res), NONE)));
        List<String> notOne = new ArrayList<>();
        int judged = 0;
        for (Strategy s : m.strategies()) {
            Optional<Metric> gp = m.of(Bench.GET_AND_PING, s);
            Optional<Metric> g1 = m.of(Bench.GET, s);
            String share = NONE;
            if (gp.isPresent() && g1.isPresent() && twin.isPresent()) {
                double pct = 100 * Math.max(0, g1.get().score() - twin.get().score()) / gp.get().score();
                share = pct < 0.01 ? "< 0.01 %" : String.format(Locale.ROOT, "%.2f %%", pct);
            }
            Optional<Guide.Compared> ratio = m.ping(s);
            if (ratio.isPresent() && !s.broken()) {
                judged++;
                if (ratio.get().resolved()) {
                    notOne.add(s.name() + " " + ratio.get().ratio());
                }
            }
            rows.add(List.of(Fmt.label(s), orNone(gp, SteadySection::micros), orNone(ratio, Guide.Compared::cell),
                    share));
            pings.add(gp);
            cats.add(s.name());
        }
        doc.para("`getAndPing()` runs `get().ping()` (SELECT 1 through the pool). The last column is the holder's"
                + " own cost (its 1-thread `get()` minus the " + m.steadyAgainst(false).against() + ") as a share of"
                + " that call. " + res.sentence() + " " + pingCheck(pingBase, judged, notOne));
        doc.table(List.of("Strategy", "µs/op", "× ping baseline", "holder's share of the call"), rows);
        List<Optional<Metric>> scaled = pings.stream().map(o -> o.map(x -> x.scaled(1000, "us/op"))).toList();
        doc.chart(new Chart("chart-ping", "get() + SELECT 1 through the pool: µs per call",
                "99.9 % confidence interval", "µs/op", cats,
                List.of(Chart.Series.meanWithError("get().ping()", scaled)), false));
    }

    /**
     * The ping check in words: a correct holder's own cost is nanoseconds against tens of microseconds, so its query
     * must read ≈ the baseline's; one that does not says something else differed between the two runs.
     */
    static String pingCheck(Bench pingBase, int judged, List<String> notOne) {
        if (judged == 0) {
            return "Ping check: not made (no correct strategy's query beside the baseline).";
        }
        String check = "Ping check: every correct holder must read ≈ 1.00× the baseline, its own cost being"
                + " nanoseconds against tens of microseconds. ";
        if (notOne.isEmpty()) {
            return check + "All " + judged + " do.";
        }
        return check + "**Not so** for " + String.join(", ", notOne) + ": "
                + (pingBase == Bench.PING ? "these results predate the ping twin, and their baseline did not take the"
                + " strategies' path (its store was created and called another way)"
                : "the difference is not the holder's (it costs nanoseconds) but the query's: the server, the pool or"
                + " the machine's load differed between the forks; the run is disturbed for this table, so measure"
                + " again, or with more forks (`./bench full`)") + ".";
    }

    private static String micros(Metric m) {
        return pm(m.score() / 1000, m.error() / 1000);
    }

}
