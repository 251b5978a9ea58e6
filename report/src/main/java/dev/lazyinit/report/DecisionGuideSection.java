package dev.lazyinit.report;

import static dev.lazyinit.report.Fmt.LONG_PIN;
import static dev.lazyinit.report.Fmt.NONE;
import static dev.lazyinit.report.Fmt.count;
import static dev.lazyinit.report.Fmt.num;

import dev.lazyinit.harness.contract.ProofVerdicts.ProofVerdict;
import dev.lazyinit.harness.contract.Strength;
import dev.lazyinit.report.Bench.Counter;
import dev.lazyinit.report.Guide.Cited;
import dev.lazyinit.report.Guide.Claim;
import dev.lazyinit.report.Guide.Compared;
import dev.lazyinit.report.Guide.Row;
import dev.lazyinit.report.Guide.VirtualThreadAnswer;
import dev.lazyinit.strategy.Strategy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The {@link Guide} on one screen: the answer, a table of the questions × the correct strategies with the evidence
 * of every cell and its strength, then each question's rule and its exceptions.
 */
final class DecisionGuideSection implements Section {

    @Override
    public void write(Context c, MarkdownDoc doc) {
        doc.heading(2, "Decision guide", "decision-guide");
        Guide g = c.guide();
        doc.para(inShort(g.inShort(), g.matrix().steadyAgainst()));
        Guide.Matrix mx = g.matrix();
        doc.table(List.of("Strategy", "Scope", "Retries after a failure", "Closeable",
                "Virtual threads" + (g.virtualThreads().measuredOn().isPresent() ? " (JDK " + g.virtualThreads().jdk()
                        + ")" : ""),
                "get() ÷ " + mx.steadyAgainst().against() + ", 1 · 2 threads",
                "Cold first get() ÷ baseline", "Stampede of " + mx.stampedeThreads() + ": pools · time ÷ baseline"),
                mx.rows().stream().map(DecisionGuideSection::row).toList(), 8);
        doc.para("How strong each cell is. **PASS**: a JCStress verdict that could have failed (a control that"
                + " breaks the same property was caught by the same proof in these results); PASS (u): one that"
                + " could not have failed here; *no verdict*: the registry's word, with no verdict in this report;"
                + " *not claimed*: a provider's strategy that does not claim it, shown below the table. Virtual"
                + " threads: *finished* with no carrier pinned for " + LONG_PIN + " or more in the strategy's or the store's"
                + " code. ≈:"
                + " inside this run's resolution, the reach of its A/A control (the same code measured twice), so"
                + " not a difference and not ranked; a ratio: a difference this run resolves. Broken controls are"
                + " never an answer. Evidence: [verdicts](#jcstress), [steady state](#steady), [cold](#cold),"
                + " [stampede](#stampede), [virtual threads](#vthreads).");
        List<String> items = new ArrayList<>();
        items.add(scope(g.scope()));
        items.add(retry(g.retry()));
        items.add(close(g.close()));
        items.add(virtualThreads(g.virtualThreads()));
        items.add(steadyCost(g.steadyCost()));
        g.jdkChange().ifPresent(j -> items.add(jdkChange(j)));
        items.add(coldCost(g.coldCost(), mx.stampedeThreads()));
        if (!g.providerGaps().isEmpty()) {
            items.add(providerGaps(g.providerGaps()));
        }
        doc.bullets(items);
    }

    private static List<String> row(Row r) {
        return List.of(Fmt.label(r.strategy()), r.perInstance() ? "instance" : "static only", claim(r.retries()),
                claim(r.closes()), virtualThreads(r.virtualThreads()),
                compared(r.steady()) + " · " + compared(r.steadyTwoThreads()), compared(r.cold()),
                r.stampede().map(st -> st.counter(Counter.POOLS).map(p -> count(p.mean()) + (p.mean() == 1 ? " pool"
                        : " pools")).orElse("?")).orElse(NONE) + " · " + compared(r.stampedeTime()));
    }

    private static String claim(Claim c) {
        if (!c.judged()) {
            return "*not claimed*";
        }
        return (c.holds() ? "yes" : "**no**") + " · " + c.verdict().map(DecisionGuideSection::verdict)
                .orElse("*no verdict*");
    }

    private static String verdict(ProofVerdict v) {
        return v.strength() == Strength.UNDISCRIMINATED ? v.verdict().label() + " (u)" : "**" + v.shown() + "**";
    }

    private static String virtualThreads(VirtualThreadAnswer a) {
        return switch (a.outcome()) {
            case NOT_MEASURED -> NONE;
            case NOT_RUN -> "not run";
            case STUCK -> "**STUCK**";
            case FINISHED -> a.pinnedEvents() == 0 ? "finished" : "finished, pinned ×" + a.pinnedEvents();
        };
    }

    private static String compared(Optional<Compared> c) {
        return c.map(Compared::brief).orElse(NONE);
    }

    private static String inShort(Guide.InShort s, Bench against) {
        String answer = s.general().isEmpty()
                ? "no measured strategy has every guarantee an instance-scoped pool needs"
                : (s.general().size() == 1 ? s.general().get(0).name() + " (exactly-once, retries after a failure,"
                + " closeable, per instance; the cheapest fast path of those that are)"
                : "any of " + names(s.general()) + " (exactly-once, retries after a failure, closeable, per"
                + " instance; " + (s.fastPathDisturbed().isPresent() ? "this run's 1-thread steady state is"
                + " disturbed (its floor check failed, see [steady state](#steady)), so it does not compare their fast"
                + " paths at all: run it again before choosing among them by speed)"
                : "this run cannot tell their fast paths apart, so they are not ranked)"));
        return "**In short:** for an instance-scoped pool, " + answer
                + (s.interruptible().isEmpty() ? "" : "; if a waiter must be able to give up (a request deadline),"
                + " " + names(s.interruptible()))
                + (s.generalButDearer().isEmpty() ? "" : "; as correct but dearer per call: "
                + s.generalButDearer().stream().map(r -> r.strategy().name() + " (" + compared(r.steady()) + " the "
                + against.against() + ")").collect(Collectors.joining(", ")))
                + (s.processWide().isEmpty() ? "" : ". For a process-wide singleton that never closes: "
                + names(s.processWide()))
                + ".";
    }

    private static String scope(Guide.Scope s) {
        return "**Scope.** " + (s.processWide().isEmpty() ? "Every strategy here works per instance."
                : "Only " + names(s.processWide()) + " is static (one per process, the JVM's class-init lock, no"
                + " code): it cannot close, reset or retry. Every other works per instance (per tenant, per test,"
                + " configured at run time).");
    }

    private static String retry(Guide.Retry r) {
        return "**Retry after a failed creation (database down at start-up).** Every strategy that claims it tries"
                + " again" + (r.neverRetries().isEmpty() ? "" : "; " + names(r.neverRetries(), x -> x.strategy().name()
                + x.proof().map(p -> " (JCStress " + p.property().id() + ": **" + p.shown() + "**, checking that it"
                + " never does)").orElse("")) + " fails forever after its first failure")
                + ". What each does when the database is down, slow or restarted: [failure semantics](#failures).";
    }

    private static String close(Guide.Close c) {
        return "**Close (shutdown, tests, reload).** Every strategy that claims it closes and creates nothing after"
                + (c.notCloseable().isEmpty() ? "" : "; not closeable: " + names(c.notCloseable()) + ", which keep"
                + " handing out the value, so a closed store can be handed out again") + ".";
    }

    private static String virtualThreads(Guide.VirtualThreads v) {
        String measured = v.measuredOn().isEmpty()
                ? "No [virtual-thread stampede](#vthreads) ran for this report (it needs a JDK 21 or newer)."
                : "Measured on JDK " + v.measuredOn().get() + " ([virtual-thread stampede](#vthreads)): "
                + (v.stuck().isEmpty() ? "no strategy got stuck"
                : "**" + names(v.stuck()) + " got stuck**: a round never finished")
                + (v.pinned().isEmpty() ? "" : "; finished but pinned a carrier in its own code for " + LONG_PIN + " or more: "
                + names(v.pinned()))
                + (v.clean().isEmpty() ? "" : "; every other strategy run finished with no pin of " + LONG_PIN + " or more in"
                + " its code (JFR's own default threshold for a pin; shorter pins, and pins in the JDK's own threads,"
                + " are listed in that table, not counted here)") + ".";
        return "**Virtual threads.** " + measured + " The holder idiom creates its value inside class"
                + " initialization, and a virtual thread blocked there, or waiting for it, pins its carrier on every"
                + " JDK: with as many waiters as carriers, the initializer's own network I/O can never be scheduled."
                + " Its real-world twin: a broker's start-up hung forever when per-tenant virtual threads raced to"
                + " first-touch a class inside HikariCP's pool constructor and pinned every carrier"
                + " ([camunda/camunda#62154](https://github.com/camunda/camunda/pull/62154), fixed by moving that"
                + " work to platform threads). "
                + (v.monitorsDoNotPin() ? "On this JDK a blocking `synchronized` no longer pins (JEP 491, JDK 24);"
                + " on JDK 21–23 it does, and there a strategy that creates under a monitor"
                : "On this JDK a blocking `synchronized` pins its carrier (JEP 491 removed that in JDK 24), so a"
                + " strategy that creates under a monitor") + " holds a carrier for the whole pool creation: prefer"
                + " the ReentrantLock DCL, or JDK 24+.";
    }

    private static String steadyCost(Guide.SteadyCost s) {
        String against = switch (s.against()) {
            case FLOOR_TWIN -> "the floor twin (a plain read and null check through the same call: the limit)";
            case FLOOR -> "the floor (a plain read and null check)";
            default -> "the field read";
        };
        Optional<Row> dearest = s.resolved().stream()
                .max(Comparator.comparingDouble(r -> r.steady().orElseThrow().ratio().value()));
        List<Row> rest = s.resolved().stream().filter(r -> dearest.isEmpty() || r != dearest.get()).toList();
        DoubleSummaryStatistics range = rest.stream().mapToDouble(r -> r.steady().orElseThrow().ratio().value())
                .summaryStatistics();
        return "**Steady-state cost**, 1 thread, against " + against + ". "
                + dearest.map(d -> "Dearest: " + d.strategy().name() + " " + d.steady().orElseThrow().ratio()
                + (rest.isEmpty() ? "" : "; the other " + rest.size() + " this run resolves lie between "
                + num(range.getMin()) + "× and " + num(range.getMax()) + "×")
                + (s.indistinguishable().isEmpty() ? "" : "; " + names(s.indistinguishable()) + " ≈") + ".")
                .orElse("This run cannot tell any strategy's `get()` from it.")
                + s.dearestTwoThreads().map(r -> " With 2 threads the dearest is " + r.strategy().name() + " "
                + r.steadyTwoThreads().orElseThrow().ratio() + ".").orElse("")
                + " A `SELECT 1` through the pool costs " + s.query().map(m -> num(m.score() / 1000) + " µs")
                .orElse("(not measured)") + ", so on a path that queries every strategy's cost is noise"
                + " ([in proportion](#steady-ping)).";
    }

    private static String jdkChange(Guide.JdkChange j) {
        return "**Does the JDK change the choice?** From JDK " + j.oldest() + " to JDK " + j.newest()
                + ", the 1-thread steady state of "
                + (!j.errorsKnown() ? "the correct strategies cannot be compared: this run has no errors (one"
                + " iteration each); use the quick or full profile"
                : j.moved().isEmpty() ? "no correct strategy moved beyond this run's errors"
                : "these correct strategies moved beyond this run's errors: " + j.moved().stream()
                .map(m -> m.strategy().name() + " " + num(m.oldest().score()) + " → " + num(m.newest().score())
                        + " ns").collect(Collectors.joining("; ")))
                + ". The guarantees are the same on every JDK; see [JDKs side by side](#jdks).";
    }

    private static String coldCost(Guide.ColdCost cc, int threads) {
        return "**Cold start and stampede.** One cold first `get()` costs what creating the pool costs: "
                + (cc.coldResolved().isEmpty() ? "every strategy ≈ the no-holder baseline"
                : "≈ the no-holder baseline except " + cc.coldResolved().stream().map(r -> r.strategy().name() + " "
                + r.cold().orElseThrow().ratio()).collect(Collectors.joining("; ")))
                + " ([cold](#cold)). In a stampede of " + threads + " threads the exactly-once strategies open one"
                + " pool" + (cc.closesDuplicates().isEmpty() ? "" : "; " + names(cc.closesDuplicates(), x ->
                x.strategy().name() + " " + stampede(x)) + ", and closes every loser's pool (a database with few"
                + " free connections can refuse them)")
                + (cc.leaking().isEmpty() ? "" : "; the incident's bug leaves the extra pools open: " + cc.leaking()
                .stream().map(x -> x.strategy().name() + " " + stampede(x) + x.proof().map(p -> " (JCStress "
                + p.property().id() + ": **" + p.shown() + "**)").orElse("")).collect(Collectors.joining("; ")))
                + " ([stampede](#stampede)).";
    }

    private static String providerGaps(List<Guide.Gap> gaps) {
        return "**What the providers' holders do not claim**, and what the proof saw them do (shown, not judged): "
                + gaps.stream().map(x -> x.strategy().name() + ", *" + x.guarantee().label() + "*: "
                + x.verdict().filter(v -> !v.observed().isEmpty()).map(v -> "JCStress " + v.property().id() + " saw "
                + v.observed().entrySet().stream().map(e -> "`" + e.getKey() + "` ×"
                + String.format(Locale.ROOT, "%,d", e.getValue())).collect(Collectors.joining(", ")))
                .orElse("no verdict in this report")).collect(Collectors.joining("; ")) + ".";
    }

    /** The largest stampede's pools and peak connections per trial. */
    private static String stampede(Cited x) {
        return x.stampede().map(st -> "opens " + st.counter(Counter.POOLS).map(m -> count(m.mean())).orElse("?")
                + " pools per trial, peak " + st.counter(Counter.PEAK_CONNECTIONS).map(m -> count(m.mean()))
                .orElse("?") + " server connections").orElse("(no stampede result)");
    }

    private static String names(List<Strategy> strategies) {
        return names(strategies, Strategy::name);
    }

    private static <T> String names(List<T> items, Function<T, String> f) {
        return items.stream().map(f).collect(Collectors.joining(", "));
    }
}
