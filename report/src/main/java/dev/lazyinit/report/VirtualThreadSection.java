package dev.lazyinit.report;

import static dev.lazyinit.report.Fmt.LONG_PIN;
import static dev.lazyinit.report.Fmt.NONE;
import static dev.lazyinit.report.Fmt.count;
import static dev.lazyinit.report.Fmt.num;
import static dev.lazyinit.report.MarkdownDoc.escape;

import dev.lazyinit.harness.contract.VirtualThreadResults;
import dev.lazyinit.strategy.Strategy;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Many virtual threads into one cold holder: time, stores created, and where the carriers were pinned. */
final class VirtualThreadSection implements Section {

    @Override
    public void write(Context c, MarkdownDoc doc) {
        doc.heading(2, "Virtual-thread cold stampede", "vthreads");
        if (c.inputs().virtualThreads().isEmpty()) {
            doc.para("Not run for this report: it needs a JDK 21 or newer (set `BENCH_VT_JAVA` to its `java`;"
                    + " `./bench` finds one installed beside the default JDK by itself).");
            return;
        }
        VirtualThreadResults vt = c.inputs().virtualThreads().get();
        doc.para(vt.threads() + " virtual threads released together into one cold holder per strategy, " + vt.rounds()
                + " rounds, on JDK " + escape(vt.jdk()) + " (" + escape(vt.vendor()) + "); the factory opens the real"
                + " pool (blocking network I/O)."
                + " Pinning is recorded by JFR (`jdk.VirtualThreadPinned`, threshold 0, with stack traces); the"
                + " decision guide counts only pins of " + LONG_PIN + " or more in the strategy's or the store's code, JFR's own"
                + " default threshold (in parentheses below), since a brief pin comes and goes from run to run. A round"
                + " that has not finished after 30 s is reported as STUCK and torn down by interrupting its"
                + " threads. Strategies that let every racing thread build its own pool are not run here: the"
                + " platform-thread [stampede](#stampede) already shows what they cost.");
        List<List<String>> rows = new ArrayList<>();
        for (VirtualThreadResults.Row r : vt.rows()) {
            boolean ran = r.ran();
            rows.add(List.of(label(c.inputs().strategies(), r.strategy()), time(r),
                    ran ? String.valueOf(r.created()) : NONE,
                    ran ? r.pinnedEvents() + " (" + r.longPins() + " of " + LONG_PIN + " or more)" : NONE,
                    ran ? num(r.pinnedNanos() / 1e6) + " ms" : NONE,
                    r.pins().isEmpty() ? NONE : r.pins().stream()
                            .map(p -> escape(p.site()) + " ×" + count(p.events()))
                            .collect(Collectors.joining(", "))));
        }
        doc.table(List.of("Strategy", "Time until every thread holds the store (median, min–max)", "Stores created",
                "Pinned events", "Pinned time", "Pinned at"), rows, 2);
    }

    /** @return the strategy's label, or the name as written if the report's strategies do not include it */
    private static String label(List<Strategy> strategies, String name) {
        return strategies.stream().filter(s -> s.name().equals(name)).findFirst()
                .map(Fmt::label).orElse(escape(name));
    }

    private static String time(VirtualThreadResults.Row r) {
        if (r.nanos().isEmpty()) {
            return r.note().isEmpty() ? NONE : escape(r.note());
        }
        List<Double> ms = r.nanos().stream().map(n -> n / 1e6).sorted().toList();
        return num(ms.get(ms.size() / 2)) + " ms (" + num(ms.get(0)) + "–" + num(ms.get(ms.size() - 1)) + ")";
    }
}
