package dev.lazyinit.jcstress.gate;

import static dev.lazyinit.harness.contract.VerdictKind.CAUGHT;
import static dev.lazyinit.harness.contract.VerdictKind.NOT_APPLICABLE;

import dev.lazyinit.harness.contract.Layer;
import dev.lazyinit.harness.contract.Teeth.Row;
import dev.lazyinit.jcstress.gate.TeethTable.Group;
import dev.lazyinit.jcstress.gate.TeethTable.Line;
import dev.lazyinit.jcstress.gate.TeethTable.Result;
import dev.lazyinit.strategy.Guarantee;
import dev.lazyinit.strategy.Strategy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The teeth table's rules: how one control's rows on one guarantee it violates are judged. Plain data in (the
 * lines {@link TeethRows} collected), plain data out (a {@link Group}), nothing read or printed, so each rule can be
 * tested alone on lines made up for it:
 * <ul>
 *   <li>{@link Result#CAUGHT}: a required layer's ({@link Layer#required}) row is CAUGHT;</li>
 *   <li>{@link Result#KNOWN_BLIND_SPOT}: not caught, and the registry says no required layer can see it
 *       ({@link Strategy#knownBlindSpots()}); the required rows' {@code observed} say so;</li>
 *   <li>{@link Result#NOT_JUDGED}: every required row is missing for a reason that cannot be held against the
 *       suite (its {@link Line#excused()}): the store tests did not run, the static layer was not given, or
 *       {@code --only} left the proof out;</li>
 *   <li>{@link Result#MISSED}: anything else, and a violated guarantee no layer is required to catch. The gate
 *       fails.</li>
 * </ul>
 */
final class TeethRules {

    private TeethRules() {
    }

    /**
     * @param g a guarantee
     * @param s a control that violates it
     * @param lines its lines, one per layer that checks it, in any order
     * @return the group, its lines in {@link Layer} order, judged
     */
    static Group judge(Guarantee g, Strategy s, List<Line> lines) {
        Set<Layer> required = Layer.required(g);
        lines = new ArrayList<>(lines);
        lines.sort(Comparator.comparing(l -> l.row().layer()));
        List<Line> mustCatch = lines.stream().filter(Line::required).toList();
        boolean blindSpot = s.knownBlindSpots().contains(g);
        if (required.isEmpty()) {
            return new Group(g, s.name(), lines, Result.MISSED, "no layer is required to catch " + g
                    + " (Layer.required), yet " + s.name() + " violates it: say which layer must catch it");
        }
        if (mustCatch.stream().anyMatch(l -> l.row().verdict() == CAUGHT)) {
            return new Group(g, s.name(), lines, Result.CAUGHT, blindSpot
                    ? "caught, although the registry marks it a known blind spot: drop the mark (Strategy)"
                    : "caught by " + layers(mustCatch.stream().filter(l -> l.row().verdict() == CAUGHT)));
        }
        if (blindSpot) {
            List<Line> marked = lines.stream().map(l -> !l.required() ? l : new Line(new Row(l.row().guarantee(),
                    l.row().control(), l.row().layer(), l.row().check(), l.row().verdict(), l.row().samples(),
                    "known blind spot (Strategy.knownBlindSpots): " + l.row().observed()), true, l.excused()))
                    .toList();
            return new Group(g, s.name(), marked, Result.KNOWN_BLIND_SPOT, "the registry marks " + g + " a known"
                    + " blind spot of " + s.name() + ": no layer that must catch it can see it");
        }
        if (mustCatch.stream().allMatch(l -> l.row().verdict() == NOT_APPLICABLE && l.excused())) {
            return new Group(g, s.name(), lines, Result.NOT_JUDGED, "cannot be judged here: " + String.join("; ",
                    mustCatch.stream().map(l -> l.row().layer().id() + ": " + l.row().observed()).toList()));
        }
        return new Group(g, s.name(), lines, Result.MISSED, s.name() + " violates " + g + ", and no layer that must"
                + " catch it did: " + String.join("; ", mustCatch.stream().map(l -> l.row().layer().id() + " "
                + l.row().verdict().label() + " (" + l.row().check() + ": " + l.row().observed() + ")").toList()));
    }

    /**
     * @param r a row about something no control violates (a correct strategy, a guarantee the control keeps)
     * @return its group: shown, not judged
     */
    static Group notJudged(Row r) {
        return new Group(r.guarantee(), r.control(), List.of(new Line(r, false, false)), Result.NONE,
                "not a guarantee " + r.control() + " violates in the registry (Strategy.violates)");
    }

    private static String layers(Stream<Line> lines) {
        return String.join(", ", lines.map(l -> l.row().layer().id()).distinct().toList());
    }
}
