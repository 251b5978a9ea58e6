package dev.lazyinit.report;

import static dev.lazyinit.report.MarkdownDoc.escape;

import dev.lazyinit.harness.contract.FailureSemantics;
import dev.lazyinit.strategy.Strategy;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** What each strategy did when the database was down, slow or restarted, as the store's tests observed it. */
final class FailureSection implements Section {

    @Override
    public void write(Context c, MarkdownDoc doc) {
        doc.heading(2, "Failure semantics", "failures");
        if (c.inputs().failures().isEmpty()) {
            doc.para("Not included: no `" + Inputs.FAILURES + "` in this folder. `./mvnw verify` writes it to"
                    + " `conformance/target/failure-semantics/`; run it, then `./bench` (or `./bench render <folder>`"
                    + " after copying the file into the folder).");
            return;
        }
        FailureSemantics f = c.inputs().failures().get();
        doc.para("Observed by the conformance module's `FailureSemanticsTest` in `./mvnw verify` (generated "
                + escape(f.generatedAt()) + "), against a real PostgreSQL that the test stops, restarts"
                + " and slows down; every cell is what that run saw, and each run checks that nothing leaked"
                + " (stores, pool threads, server connections) and that a canary password appears in no message,"
                + " log or table. Settings: " + f.settings().entrySet().stream()
                .map(e -> escape(e.getKey() + " " + e.getValue())).collect(Collectors.joining(", ")) + ".");
        for (FailureSemantics.Fault fault : f.faults()) {
            List<List<String>> rows = new ArrayList<>();
            for (Strategy s : c.inputs().strategies()) {
                f.observed(fault.id(), s.name()).ifPresent(o -> rows.add(List.of(Fmt.label(s), escape(o))));
            }
            if (!rows.isEmpty()) {
                doc.heading(3, escape(fault.title()), "failure-" + fault.id());
                doc.para(escape(fault.description()));
                doc.table(List.of("Strategy", "Observed"), rows, 2);
            }
        }
    }
}
