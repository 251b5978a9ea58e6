package dev.lazyinit.jmh.report;

import dev.lazyinit.harness.contract.ProofVerdicts;
import dev.lazyinit.harness.contract.ProofVerdicts.ProofVerdict;
import dev.lazyinit.strategy.Property;
import dev.lazyinit.strategy.Strategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The JCStress gate's verdicts: one per strategy and memory-model property. */
final class JcstressSection implements Section {

    @Override
    public void write(Context c, MarkdownDoc doc) {
        doc.heading(2, "JCStress verdicts", "jcstress");
        if (c.inputs().verdicts().isEmpty()) {
            doc.para("The JCStress verdicts were not run for this report: no verdicts file at `" + Inputs.VERDICTS
                    + "` in this folder. Produce it with the `jcstress` module (see its README), copy it into this"
                    + " folder, then re-render this folder with `./bench render <results folder>`; the guide below"
                    + " then cites them.");
            return;
        }
        ProofVerdicts v = c.inputs().verdicts().get();
        doc.para("From `" + Inputs.VERDICTS + "` (mode " + MarkdownDoc.escape(v.mode()) + ", "
                + MarkdownDoc.escape(v.jvm()) + ", generated " + MarkdownDoc.escape(v.generatedAt()) + ")."
                + " PASS: the strategy behaved as the registry says in every sample (for a property it does not"
                + " guarantee, the documented opposite); FAIL: a forbidden outcome was seen; CAUGHT: a broken"
                + " control's bug was observed (the test works); NOT_OBSERVED: allowed but not seen; N/A: the"
                + " property does not apply.");
        List<Property> props = v.properties();
        List<String> header = new ArrayList<>(List.of("Strategy"));
        props.forEach(p -> header.add(p.id()));
        List<List<String>> rows = new ArrayList<>();
        for (Strategy s : Strategy.values()) {
            List<String> row = new ArrayList<>(List.of(Fmt.label(s)));
            boolean any = false;
            for (Property p : props) {
                Optional<ProofVerdict> x = v.find(s.name(), p);
                any |= x.isPresent();
                row.add(x.map(y -> y.verdict().label()).orElse(Fmt.NONE));
            }
            if (any) {
                rows.add(row);
            }
        }
        doc.textTable(header, rows);
    }
}
