package dev.lazyinit.report;

import dev.lazyinit.harness.contract.Teeth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The teeth table: for every guarantee, the broken controls that violate it, the layer that must catch each, and
 * what it observed. It is why a PASS elsewhere in this report means something: the same check fails on a holder
 * that breaks the guarantee.
 */
final class TeethSection implements Section {

    @Override
    public void write(Context c, MarkdownDoc doc) {
        doc.heading(2, "Teeth: every guarantee caught breaking", "teeth");
        if (c.inputs().teeth().isEmpty()) {
            doc.para("The teeth table is not in this folder (`" + Inputs.TEETH + "`): `./mvnw verify` writes it"
                    + " (`jcstress/target/teeth.json`) and `./bench` copies it in.");
            return;
        }
        Teeth t = c.inputs().teeth().get();
        doc.para("From `" + Inputs.TEETH + "` (generated " + MarkdownDoc.escape(t.generatedAt()) + "). Each broken"
                + " control names the guarantees it violates; the build fails unless the layer required for each"
                + " guarantee shows the violation (CAUGHT). A layer that is not required is listed for what it"
                + " saw; a known blind spot is a control kept to show what a layer cannot see.");
        List<List<String>> rows = new ArrayList<>();
        for (Teeth.Row r : t.rows()) {
            rows.add(List.of(r.guarantee().label(), MarkdownDoc.escape(r.control()), r.layer().id(),
                    MarkdownDoc.escape(r.check()), r.verdict().label(), String.format(Locale.ROOT, "%,d", r.samples()),
                    MarkdownDoc.escape(r.observed())));
        }
        doc.textTable(List.of("guarantee", "control", "layer", "check", "verdict", "samples", "observed"), rows);
    }
}
