package dev.lazyinit.jmh.report;

import static dev.lazyinit.jmh.report.Fmt.count;
import static dev.lazyinit.jmh.report.Fmt.names;
import static dev.lazyinit.jmh.report.Fmt.num;
import static dev.lazyinit.jmh.report.Fmt.pm;
import static dev.lazyinit.jmh.report.Fmt.ratio;

import dev.lazyinit.jmh.report.Bench.Counter;
import dev.lazyinit.jmh.report.Guide.Cited;
import dev.lazyinit.jmh.report.JmhResults.Metric;
import dev.lazyinit.strategy.Strategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@link Guide}'s answers in words, each with the number or verdict it rests on. */
final class DecisionGuideSection implements Section {

    @Override
    public void write(Context c, MarkdownDoc doc) {
        doc.heading(2, "Decision guide", "decision-guide");
        doc.para("Each answer rests on a guarantee from the registry and a number or verdict above. Broken controls"
                + " are never an answer.");
        Guide g = c.guide();
        List<String> items = new ArrayList<>();
        items.add(scope(g));
        items.add(retry(g.retry()));
        items.add(close(g.close()));
        items.add(virtualThreads(g.virtualThreads()));
        items.add(steadyCost(g));
        g.jdkChange().ifPresent(j -> items.add(jdkChange(j)));
        items.add(coldCost(g.coldCost()));
        items.add(inShort(g));
        doc.bullets(items);
    }

    private static String scope(Guide g) {
        Guide.Scope s = g.scope();
        return "**Static (one per process) or instance scope?** One per process: "
                + (s.processWide().isEmpty() ? "any instance strategy in a static final field."
                : names(s.processWide(), x -> x.strategy().name() + " — the JVM's class-init lock, no code; steady"
                + " state " + steady(x, g.fieldRead())) + ", but it cannot close, reset or retry.")
                + " Per instance (per tenant, per test, configured at run time): "
                + names(s.perInstance(), x -> x.strategy().name() + " (" + steady(x, g.fieldRead()) + ")")
                + ". See [steady state](#steady).";
    }

    private static String retry(Guide.Retry r) {
        return "**Must a failed initialization be retried (database down at start-up)?** Choose "
                + names(r.retries(), x -> x.strategy().name() + proof(x)) + ". Not "
                + names(r.neverRetries(), x -> x.strategy().name() + proof(x))
                + ": after a failed first attempt it never tries again (for a strategy without the guarantee, the"
                + " JCStress verdict checks that documented behaviour). What each strategy does when the database is"
                + " down, slow or restarted, measured: [failure semantics](#failures).";
    }

    private static String close(Guide.Close c) {
        return "**Must the pool be closed (shutdown, tests, reload)?** Choose "
                + names(c.closeable(), x -> x.strategy().name() + proof(x)) + "."
                + (c.notCloseable().isEmpty() ? "" : " " + names(c.notCloseable(), Strategy::name)
                + " can close the value but keeps handing out the closed store.");
    }

    private static String virtualThreads(Guide.VirtualThreads v) {
        return "**Virtual threads?** A virtual thread that blocks inside `synchronized` (the pool opens network"
                + " connections there) pins its carrier thread on JDK 21–23; JDK 24 and later no longer pin on"
                + " monitors (JEP 491). Class initialization pins on every JDK, so the holder idiom's creation"
                + " always pins. This run's forks used JDK " + (v.forkJdk() == 0 ? "unknown" : v.forkJdk())
                + (v.noVirtualThreads() ? ", which has no virtual threads (final in JDK 21)" : "") + ". "
                + (v.monitorsDoNotPin()
                ? "Here the lock-based strategies are fine on virtual threads."
                : "On JDK 21–23 prefer a strategy whose creation does not block under a monitor: "
                + names(v.lockFree(), x -> x.strategy().name() + " (lock-free, but " + stampede(x) + ")")
                + ", or move to JDK 24+.")
                + (!v.stampedeMeasured() ? " No [virtual-thread stampede](#vthreads) was run for this report."
                : " Measured in the [virtual-thread stampede](#vthreads): look for pinned events and STUCK rounds;"
                + " a class initializer that does blocking I/O while thousands of virtual threads wait for it can"
                + " stall every carrier thread.");
    }

    private static String steadyCost(Guide g) {
        Guide.SteadyCost s = g.steadyCost();
        String tied = s.tiedWithCheapest().isEmpty() ? "" : "; within the error of it: "
                + names(s.tiedWithCheapest(), x -> x.strategy().name() + " at " + meanNs(x));
        return "**Steady-state cost?** Cheapest mean here: " + s.cheapest().map(x -> x.strategy().name() + " at "
                + meanNs(x) + g.fieldRead().map(b -> " vs. " + pm(b) + " ns for the field read").orElse(""))
                .orElse("not measured") + tied + ". Most expensive with 2 threads: "
                + s.dearestTwoThreads().map(x -> x.strategy().name() + " at "
                + x.measured().map(m -> num(m.metric().score()) + " ns").orElse("")).orElse("not measured")
                + ". A single `SELECT 1` through the pool costs "
                + s.query().map(m -> num(m.score() / 1000) + " µs").orElse("(not measured)")
                + ", so on a path that uses the store every strategy's cost is noise; it matters only where get() is"
                + " called millions of times per second without a query. See [in proportion](#steady-ping).";
    }

    private static String jdkChange(Guide.JdkChange j) {
        return "**Does the JDK change the choice?** From JDK " + j.oldest() + " to JDK " + j.newest()
                + ", the 1-thread steady state of "
                + (!j.errorsKnown() ? "the correct strategies cannot be compared: this run has no errors (one"
                + " iteration each); use the quick or full profile"
                : j.moved().isEmpty() ? "no correct strategy moved beyond this run's errors"
                : "these correct strategies moved beyond this run's errors: " + String.join("; ", j.moved().stream()
                .map(m -> m.strategy().name() + " " + num(m.oldest().score()) + " → " + num(m.newest().score())
                        + " ns").toList()))
                + ". Cheapest mean: " + j.cheapestOnOldest().map(Strategy::name).orElse("none") + " on JDK "
                + j.oldest() + ", " + j.cheapestOnNewest().map(Strategy::name).orElse("none") + " on JDK "
                + j.newest() + ". The guarantees are the same on every JDK (the JCStress verdicts in this report come"
                + " from the JDK that ran `./mvnw verify`); see [JDKs side by side](#jdks).";
    }

    private static String coldCost(Guide.ColdCost cc) {
        return "**Cold start and stampede cost?** One cold first get() costs what creating the pool costs, for"
                + " every strategy ([cold](#cold)). Under a stampede the exactly-once strategies open one pool: "
                + names(cc.exactlyOnce(), x -> x.strategy().name() + ": " + stampede(x) + proof(x)) + ". "
                + names(cc.closesDuplicates(), x -> x.strategy().name() + " pays, " + stampede(x)
                + " (every loser closes its pool; a database with few free connections can refuse them)")
                + ". The incident's bug, " + names(cc.leaking(), x -> x.strategy().name() + ": " + stampede(x)
                + proof(x)) + ", leaves extra pools open ([stampede](#stampede)).";
    }

    private static String inShort(Guide g) {
        Guide.InShort s = g.inShort();
        return "**In short:** " + s.general().map(x -> {
            String both = s.tied().isEmpty() ? x.strategy().name()
                    : x.strategy().name() + " or " + names(s.tied(), Strategy::name) + " (indistinguishable within"
                    + " this run's steady-state errors; compare their 2-thread column, where a lock on the fast"
                    + " path shows)";
            return "for an instance-scoped pool, " + both + ": exactly-once, retries, closeable; steady"
                    + " state " + steady(x, g.fieldRead()) + proof(x);
        }).orElse("no measured strategy has every guarantee")
                + (s.processWide().isEmpty() ? "" : "; for a process-wide singleton that never closes, "
                + names(s.processWide(), Strategy::name)) + ".";
    }

    /** The 1-thread steady state against the field read, or "not measured". */
    private static String steady(Cited x, Optional<Metric> fieldRead) {
        return x.measured().map(m -> num(m.metric().score()) + " ns" + fieldRead.map(b -> " ("
                + ratio(m.metric().score() / b.score()) + " the field read)").orElse("")).orElse("not measured");
    }

    private static String meanNs(Cited x) {
        return x.measured().map(m -> pm(m.metric()) + " ns").orElse("");
    }

    /** The largest stampede's pools and peak connections per trial. */
    private static String stampede(Cited x) {
        return x.stampede().map(st -> "per trial at " + st.threads() + " threads, pools opened: "
                + st.counter(Counter.POOLS).map(m -> count(m.mean())).orElse("?")
                + ", peak server connections: "
                + st.counter(Counter.PEAK_CONNECTIONS).map(m -> count(m.mean())).orElse("?"))
                .orElse("no stampede result");
    }

    /**
     * A reference to the verdicts the answer rests on, if the report has them: the JCStress verdict and, for
     * publication, the static layer's; never a PASS that could not have failed ({@link Decide} leaves those out).
     */
    private static String proof(Cited x) {
        List<String> cited = new ArrayList<>();
        x.proof().ifPresent(p -> cited.add("JCStress " + p.property().id() + ": **" + p.shown() + "**"));
        x.staticProof().ifPresent(p -> cited.add("static layer: **" + p.shown() + "**"));
        return cited.isEmpty() ? "" : " (" + String.join("; ", cited) + ", [verdicts](#jcstress))";
    }
}
