package dev.lazyinit.jcstress.gate;

import static dev.lazyinit.harness.contract.VerdictKind.CAUGHT;
import static dev.lazyinit.harness.contract.VerdictKind.NOT_APPLICABLE;
import static dev.lazyinit.harness.contract.VerdictKind.NOT_OBSERVED;
import static dev.lazyinit.harness.contract.VerdictKind.PASS;

import dev.lazyinit.harness.contract.Layer;
import dev.lazyinit.harness.contract.ProofVerdicts.ProofVerdict;
import dev.lazyinit.harness.contract.Property;
import dev.lazyinit.harness.contract.StaticVerdicts;
import dev.lazyinit.harness.contract.StaticVerdicts.StaticVerdict;
import dev.lazyinit.harness.contract.Teeth.Row;
import dev.lazyinit.jcstress.gate.TeethTable.Line;
import dev.lazyinit.strategy.Guarantee;
import dev.lazyinit.strategy.Strategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Collects what each layer says about one control on one guarantee, as rows of the teeth table: the static and
 * dynamic layers' verdicts, this run's JCStress verdicts and the store tests' rows, each turned into a
 * {@link Line} once, before anything is judged. A layer that must catch the guarantee ({@link Layer#required}) and
 * said nothing still gets a line, saying why, so that the judgement ({@link TeethRules}) sees every layer it needs.
 */
final class TeethRows {

    private final List<ProofVerdict> verdicts;
    private final BiPredicate<String, String> isBug;
    private final String partial;
    private final TeethInput<StaticVerdicts> staticLayer;
    private final TeethInput<StaticVerdicts> dynamicLayer;
    private final TeethInput<List<Row>> store;

    /**
     * @param verdicts the gate's verdicts, one per strategy and property
     * @param isBug whether an outcome id a JCStress test observed is one of its declared bug (interesting) outcomes
     * @param partial why the JCStress rows of proofs the run left out are excused ({@code --only}), or {@code null}
     *        for a full run
     * @param staticLayer the static layer's verdicts
     * @param dynamicLayer the dynamic layer's verdicts
     * @param store the store tests' rows (whether they were read, and from where)
     */
    TeethRows(List<ProofVerdict> verdicts, BiPredicate<String, String> isBug, String partial,
              TeethInput<StaticVerdicts> staticLayer, TeethInput<StaticVerdicts> dynamicLayer,
              TeethInput<List<Row>> store) {
        this.verdicts = verdicts;
        this.isBug = isBug;
        this.partial = partial;
        this.staticLayer = staticLayer;
        this.dynamicLayer = dynamicLayer;
        this.store = store;
    }

    /**
     * @param g a guarantee
     * @param s a control that violates it
     * @param storeRows the store tests' rows about {@code s} on {@code g}
     * @return one line per layer that checks it (the static and dynamic layers' on safe publication or where they
     *         are required, JCStress's where a proof shows it or it is required, every store row), in no order
     */
    List<Line> of(Guarantee g, Strategy s, List<Row> storeRows) {
        Set<Layer> required = Layer.required(g);
        List<Line> lines = new ArrayList<>();
        if (g == Guarantee.SAFE_PUBLICATION || required.contains(Layer.STATIC)) {
            lines.add(layerLine(Layer.STATIC, s, g, staticLayer, required.contains(Layer.STATIC)));
        }
        if (g == Guarantee.SAFE_PUBLICATION || required.contains(Layer.DYNAMIC)) {
            lines.add(layerLine(Layer.DYNAMIC, s, g, dynamicLayer, required.contains(Layer.DYNAMIC)));
        }
        Optional<Property> proof = Layer.proofOf(g);
        if (proof.isPresent()) {
            lines.add(jcstressLine(s, g, proof.get(), required.contains(Layer.JCSTRESS)));
        } else if (required.contains(Layer.JCSTRESS)) {
            lines.add(new Line(new Row(g, s.name(), Layer.JCSTRESS, "-", NOT_APPLICABLE, 0,
                    "no JCStress proof shows a violation of " + g + " (Layer.proofOf)"), true, false));
        }
        storeRows.forEach(r -> lines.add(new Line(r, required.contains(r.layer()), false)));
        if (storeRows.isEmpty() && required.contains(Layer.STORE)) {
            lines.add(store.rows().isPresent()
                    ? new Line(new Row(g, s.name(), Layer.STORE, "-", NOT_APPLICABLE, 0,
                            "the store tests wrote no row for this control and guarantee (" + store.source() + ")"),
                            true, false)
                    : new Line(new Row(g, s.name(), Layer.STORE, "-", NOT_APPLICABLE, 0, store.source()), true,
                            store.excused()));
        }
        return lines;
    }

    /** A line from a layer that writes per-strategy verdicts: the static layer or the dynamic one. */
    private static Line layerLine(Layer layer, Strategy s, Guarantee g, TeethInput<StaticVerdicts> input,
                                  boolean required) {
        if (input.rows().isEmpty()) {
            return new Line(new Row(g, s.name(), layer, "-", NOT_APPLICABLE, 0, input.source()),
                    required, input.excused());
        }
        StaticVerdicts all = input.rows().get();
        Optional<StaticVerdict> found = all.find(s.name());
        if (found.isEmpty()) {
            return new Line(new Row(g, s.name(), layer, "-", NOT_APPLICABLE, 0,
                    "the " + layer.id() + " layer's verdicts have no row for " + s.name() + " (" + input.source()
                            + ")"), required, false);
        }
        StaticVerdict v = found.get();
        String check = all.tool() + (v.analysed().isEmpty() ? "" : " over " + String.join(", ",
                v.analysed().stream().map(c -> c.substring(c.lastIndexOf('.') + 1)).toList()));
        return new Line(new Row(g, s.name(), layer, check, v.verdict(), v.analysed().size(), v.note()),
                required, false);
    }

    /** A line from this run's JCStress verdict of the proof that shows a violation of {@code g}. */
    private Line jcstressLine(Strategy s, Guarantee g, Property p, boolean required) {
        Optional<ProofVerdict> found = verdicts.stream()
                .filter(v -> v.strategy().equals(s.name()) && v.property() == p).findFirst();
        if (found.isEmpty()) {
            return new Line(new Row(g, s.name(), Layer.JCSTRESS, "-", NOT_APPLICABLE, 0,
                    "no verdict for " + p.id()), required, false);
        }
        ProofVerdict v = found.get();
        String test = v.test().isEmpty() ? "-" : v.test().substring(v.test().lastIndexOf('.') + 1);
        String observed;
        if (v.verdict() == CAUGHT || v.verdict() == NOT_OBSERVED) {
            List<String> seen = v.observed().entrySet().stream().filter(e -> isBug.test(v.test(), e.getKey()))
                    .map(TeethRows::counted).toList();
            observed = v.verdict() == CAUGHT ? String.join("; ", seen)
                    : String.format(Locale.ROOT, "no bug outcome in %,d samples (saw %s)", v.samples(),
                            String.join("; ", v.observed().entrySet().stream().map(TeethRows::counted).toList()));
        } else if (v.verdict() == PASS) {
            observed = "the proof declares no bug for this control: it holds " + p.id() + " here (" + v.remark()
                    + ")";
        } else {
            observed = v.remark();
        }
        boolean excused = v.verdict() == NOT_APPLICABLE && partial != null;
        return new Line(new Row(g, s.name(), Layer.JCSTRESS, test, v.verdict(), v.samples(), observed),
                required, excused);
    }

    private static String counted(Map.Entry<String, Long> e) {
        return String.format(Locale.ROOT, "\"%s\" x%,d", e.getKey(), e.getValue());
    }
}
