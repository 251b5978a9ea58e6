package dev.lazyinit.jcstress.gate;

import static dev.lazyinit.harness.contract.VerdictKind.NOT_APPLICABLE;

import dev.lazyinit.harness.contract.Teeth.Row;
import dev.lazyinit.jcstress.gate.TeethTable.Group;
import dev.lazyinit.jcstress.gate.TeethTable.Line;
import dev.lazyinit.jcstress.gate.TeethTable.Result;
import java.io.PrintStream;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Prints a judged {@link TeethTable} as the gate's text table: one line per row, the group's guarantee, control and
 * judgement on its first, then a legend, where each layer's rows came from, and why each group that was not simply
 * CAUGHT was judged so. It only formats: the judgement is the table's, and the teeth file is written from the same
 * table ({@link TeethTable#teeth()}), so the two cannot disagree.
 */
final class TeethPrinter {

    private TeethPrinter() {
    }

    /**
     * @param table the judged table
     * @param out where to print it
     */
    static void print(TeethTable table, PrintStream out) {
        out.println();
        out.println("=== Teeth: each guarantee a broken control violates, the layers that check it, what they observed ===");
        String format = "%-22s %-28s %-17s %-9s %-5s %-13s %8s  %s%n";
        out.printf(Locale.ROOT, format, "guarantee", "control", "teeth", "layer", "must", "verdict", "samples",
                "check: observed");
        for (Group gr : table.groups()) {
            boolean first = true;
            for (Line l : gr.lines()) {
                Row r = l.row();
                out.printf(Locale.ROOT, format, first ? gr.guarantee().name() : "", first ? gr.control() : "",
                        first ? gr.result().shown() : "", r.layer().id(), gr.result() == Result.NONE ? "-"
                                : l.required() ? "yes" : "no", r.verdict().label(),
                        r.verdict() == NOT_APPLICABLE ? "-" : Summary.human(r.samples()),
                        r.check() + ": " + r.observed());
                first = false;
            }
        }
        out.println("teeth: CAUGHT by a layer that must catch it (must = yes: Layer.required); KNOWN BLIND SPOT: marked"
                + " so in the registry (Strategy.knownBlindSpots); NOT JUDGED: a required layer's rows are missing"
                + " (did not run here); MISSED: fails the build.");
        out.println("samples: JCStress samples (jcstress), classes analysed (static), the test's own trials (store).");
        table.sources().forEach(s -> out.println(s));
        Set<String> notes = new LinkedHashSet<>();
        table.groups().stream().filter(gr -> gr.result() != Result.CAUGHT && gr.result() != Result.NONE)
                .forEach(gr -> notes.add("  " + gr.result().shown() + ": " + gr.control() + " " + gr.guarantee()
                        + ": " + gr.why()));
        notes.forEach(out::println);
        out.println();
    }
}
