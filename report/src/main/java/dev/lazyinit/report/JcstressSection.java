package dev.lazyinit.report;

import dev.lazyinit.harness.contract.ProofVerdicts;
import dev.lazyinit.harness.contract.ProofVerdicts.ProofVerdict;
import dev.lazyinit.harness.contract.Property;
import dev.lazyinit.harness.contract.StaticVerdicts;
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
        Optional<StaticVerdicts> sv = c.inputs().staticVerdicts();
        Optional<StaticVerdicts> dv = c.inputs().dynamicVerdicts();
        doc.para("From `" + Inputs.VERDICTS + "` (mode " + MarkdownDoc.escape(v.mode()) + ", "
                + MarkdownDoc.escape(v.jvm()) + ", generated " + MarkdownDoc.escape(v.generatedAt()) + ")."
                + " PASS: the strategy behaved as the registry says in every sample (for a property it does not"
                + " guarantee, the documented opposite); FAIL: a forbidden outcome was seen; CAUGHT: a broken"
                + " control's bug was observed (the test works); NOT_OBSERVED: allowed but not seen; N/A: the"
                + " property does not apply. **PASS (undiscriminated)**: no control that breaks the property was"
                + " caught by the same proof in these results, so that PASS could not have failed on this hardware"
                + " (on x86 the non-volatile DCL's partly built value never shows); the decision guide does not cite"
                + " it." + sv.map(x -> " The column `static: publication` is the static layer ("
                        + MarkdownDoc.escape(x.tool())
                        + " over the holder classes, " + MarkdownDoc.escape(x.settings()) + "): it sees the"
                        + " non-volatile DCL shape on any hardware; N/A where the code is a library's or the JDK's.")
                .orElse(" The static layer's verdicts (`" + Inputs.STATIC_VERDICTS + "`) are not in this folder.")
                + dv.map(x -> " The column `dynamic: publication` is the dynamic layer ("
                        + MarkdownDoc.escape(x.tool())
                        + "): it follows the accesses of two threads, library code included, and reports a data race"
                        + " on any hardware; N/A where it saw no field access (a VarHandle's or the JDK's state, which"
                        + " it does not trace). A publication PASS is plain PASS where one of these layers caught a"
                        + " publication control in the same run and passed the strategy.")
                .orElse(" The dynamic layer's verdicts (`" + Inputs.DYNAMIC_VERDICTS + "`) are not in this folder."));
        List<Property> props = v.properties();
        List<String> header = new ArrayList<>(List.of("Strategy"));
        props.forEach(p -> header.add(p.id()));
        sv.ifPresent(x -> header.add("static: publication"));
        dv.ifPresent(x -> header.add("dynamic: publication"));
        List<List<String>> rows = new ArrayList<>();
        for (Strategy s : c.inputs().strategies()) {
            List<String> row = new ArrayList<>(List.of(Fmt.label(s)));
            boolean any = false;
            for (Property p : props) {
                Optional<ProofVerdict> x = v.find(s.name(), p);
                any |= x.isPresent();
                row.add(x.map(ProofVerdict::shown).orElse(Fmt.NONE));
            }
            sv.ifPresent(x -> row.add(x.find(s.name()).map(StaticVerdicts.StaticVerdict::shown).orElse(Fmt.NONE)));
            dv.ifPresent(x -> row.add(x.find(s.name()).map(StaticVerdicts.StaticVerdict::shown).orElse(Fmt.NONE)));
            if (any) {
                rows.add(row);
            }
        }
        doc.textTable(header, rows);
    }
}
