package dev.lazyinit.jcstress.gate;

import dev.lazyinit.harness.contract.Layer;
import dev.lazyinit.harness.contract.ProofVerdicts.ProofVerdict;
import dev.lazyinit.harness.contract.StaticVerdicts;
import dev.lazyinit.harness.contract.Teeth;
import dev.lazyinit.harness.contract.Teeth.Row;
import dev.lazyinit.strategy.Guarantee;
import dev.lazyinit.strategy.Strategy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * The teeth table, judged: for every guarantee a broken control {@link Strategy#violates() violates}, each layer's
 * check of it and what that check observed, and whether a layer that must catch it ({@link Layer#required}) did.
 * Built once by the gate at the end of its run, from its own verdicts, the static and dynamic layers' verdicts and
 * the store tests' rows ({@link TeethRows} collects, {@link TeethRules} judges); then printed
 * ({@link TeethPrinter}), written as a {@link Teeth} file ({@link #teeth()}), and a violated guarantee that no
 * required layer caught fails the build ({@link #failures()}). Each of those reads this model, none judges again.
 *
 * <p>Each violated guarantee of each control is one {@link Group} of rows. Rows a layer writes about anything else
 * (a guarantee the control does not violate, a correct strategy) are shown and kept, not judged.
 */
final class TeethTable {

    /** How one group of rows, one control on one guarantee it violates, is judged ({@link TeethRules}). */
    enum Result {
        CAUGHT("CAUGHT"), KNOWN_BLIND_SPOT("KNOWN BLIND SPOT"), NOT_JUDGED("NOT JUDGED"), MISSED("MISSED"),
        NONE("-");

        private final String shown;

        Result(String shown) {
            this.shown = shown;
        }

        String shown() {
            return shown;
        }
    }

    /**
     * A row and how the table reads it.
     *
     * @param row the row
     * @param required whether its layer must catch this guarantee
     * @param excused for a row without a verdict, whether that is excused (see {@link TeethInput#excused})
     */
    record Line(Row row, boolean required, boolean excused) {
    }

    /**
     * One control on one guarantee.
     *
     * @param guarantee the guarantee
     * @param control the control
     * @param lines one per layer that checks it
     * @param result the judgement
     * @param why what the judgement rests on
     */
    record Group(Guarantee guarantee, String control, List<Line> lines, Result result, String why) {

        Group {
            lines = List.copyOf(lines);
        }
    }

    private final List<Group> groups;
    private final List<String> sources;

    private TeethTable(List<Group> groups, List<String> sources) {
        this.groups = List.copyOf(groups);
        this.sources = List.copyOf(sources);
    }

    /**
     * @param verdicts the gate's verdicts, one per strategy and property
     * @param isBug whether an outcome id a JCStress test observed is one of its declared bug (interesting) outcomes
     * @param partial why the JCStress rows of proofs the run left out are excused ({@code --only}), or {@code null}
     *        for a full run
     * @param staticLayer the static layer's verdicts
     * @param dynamicLayer the dynamic layer's verdicts
     * @param store the store tests' rows ({@link StoreTeethReader})
     * @return the table
     */
    static TeethTable build(List<ProofVerdict> verdicts, BiPredicate<String, String> isBug, String partial,
                            TeethInput<StaticVerdicts> staticLayer, TeethInput<StaticVerdicts> dynamicLayer,
                            TeethInput<List<Row>> store) {
        TeethRows rows = new TeethRows(verdicts, isBug, partial, staticLayer, dynamicLayer, store);
        List<Group> groups = new ArrayList<>();
        List<Row> storeRows = new ArrayList<>(store.rows().orElse(List.of()));
        for (Guarantee g : Guarantee.values()) {
            for (Strategy s : Strategy.brokenControls()) {
                if (!s.violates().contains(g)) {
                    continue;
                }
                List<Row> mine = storeRows.stream()
                        .filter(r -> r.guarantee() == g && r.control().equals(s.name())).toList();
                storeRows.removeAll(mine);
                groups.add(TeethRules.judge(g, s, rows.of(g, s, mine)));
            }
        }
        storeRows.forEach(r -> groups.add(TeethRules.notJudged(r))); // about something no control violates
        List<String> sources = List.of("static: " + staticLayer.source(), "dynamic: " + dynamicLayer.source(),
                "store: " + store.source(),
                "jcstress: " + (partial == null ? "this run" : "this run, partial (" + partial + ")"));
        return new TeethTable(groups, sources);
    }

    /** @return the groups, in guarantee and registry order, then the rows not judged */
    List<Group> groups() {
        return groups;
    }

    /** @return where each layer's rows came from, or why there are none, one line per layer */
    List<String> sources() {
        return sources;
    }

    /** @return why the build must fail: one line per violated guarantee no required layer caught */
    List<String> failures() {
        return groups.stream().filter(gr -> gr.result() == Result.MISSED)
                .map(gr -> "teeth: " + gr.why()).toList();
    }

    /** @return every row, as the {@link Teeth} file holds them */
    Teeth teeth() {
        return new Teeth(Teeth.FORMAT, Instant.now().toString(),
                groups.stream().flatMap(gr -> gr.lines().stream().map(Line::row)).toList());
    }
}
