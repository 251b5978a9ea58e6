package dev.lazyinit.jcstress.gate;

import static dev.lazyinit.strategy.VerdictKind.CAUGHT;
import static dev.lazyinit.strategy.VerdictKind.NOT_APPLICABLE;
import static dev.lazyinit.strategy.VerdictKind.NOT_OBSERVED;
import static dev.lazyinit.strategy.VerdictKind.PASS;

import dev.lazyinit.harness.contract.Codec;
import dev.lazyinit.harness.contract.ProofVerdicts.ProofVerdict;
import dev.lazyinit.harness.contract.StaticVerdicts;
import dev.lazyinit.harness.contract.StaticVerdicts.StaticVerdict;
import dev.lazyinit.harness.contract.Teeth;
import dev.lazyinit.harness.contract.Teeth.Row;
import dev.lazyinit.jcstress.Layer;
import dev.lazyinit.strategy.Guarantee;
import dev.lazyinit.strategy.Property;
import dev.lazyinit.strategy.Strategy;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.stream.Stream;

/**
 * The teeth table: for every guarantee a broken control {@link Strategy#violates() violates}, each layer's check of
 * it and what that check observed, and whether a layer that must catch it ({@link Layer#required}) did. Built by the
 * gate at the end of its run from its own verdicts, the static layer's verdicts and the store tests' rows; printed,
 * written as a {@link Teeth} file, and a violated guarantee that no required layer caught fails the build.
 *
 * <p>Each violated guarantee of each control is one group of rows, judged:
 * <ul>
 *   <li>{@link Result#CAUGHT}: a required layer's row is CAUGHT;</li>
 *   <li>{@link Result#KNOWN_BLIND_SPOT}: not caught, and the registry says no required layer can see it
 *       ({@link Strategy#knownBlindSpots()}); the required rows' {@code observed} say so;</li>
 *   <li>{@link Result#NOT_JUDGED}: the required layers' rows are missing for a reason that cannot be held against
 *       the suite: the store tests did not run (no files in store/target/teeth), the static layer was not given, or
 *       {@code --only} left the proof out;</li>
 *   <li>{@link Result#MISSED}: anything else. The gate fails.</li>
 * </ul>
 * Rows a layer writes about anything else (a guarantee the control does not violate, a correct strategy) are shown
 * and kept, not judged.
 */
final class TeethTable {

    /** How one group of rows, one control on one guarantee it violates, is judged. */
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
     * What one layer gave the table.
     *
     * @param rows its rows, if it gave any
     * @param source where they came from, or why there are none
     * @param excused whether missing rows can be excused (the layer did not run, or was not given), rather than
     *        held against the suite
     */
    record Input<T>(Optional<T> rows, String source, boolean excused) {

        static <T> Input<T> of(T rows, String source) {
            return new Input<>(Optional.of(rows), source, false);
        }

        static <T> Input<T> missing(String why, boolean excused) {
            return new Input<>(Optional.empty(), why, excused);
        }
    }

    /**
     * A row and how the table reads it.
     *
     * @param row the row
     * @param required whether its layer must catch this guarantee
     * @param excused for a row without a verdict, whether that is excused (see {@link Input#excused})
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
     * @param store the store tests' rows
     * @return the table
     */
    static TeethTable build(List<ProofVerdict> verdicts, BiPredicate<String, String> isBug, String partial,
                            Input<StaticVerdicts> staticLayer, Input<StaticVerdicts> dynamicLayer,
                            Input<List<Row>> store) {
        List<Group> groups = new ArrayList<>();
        List<Row> storeRows = new ArrayList<>(store.rows().orElse(List.of()));
        for (Guarantee g : Guarantee.values()) {
            for (Strategy s : Strategy.brokenControls()) {
                if (!s.violates().contains(g)) {
                    continue;
                }
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
                    lines.add(jcstressLine(s, g, proof.get(), verdicts, isBug, partial,
                            required.contains(Layer.JCSTRESS)));
                } else if (required.contains(Layer.JCSTRESS)) {
                    lines.add(new Line(new Row(g, s.name(), Layer.JCSTRESS.id(), "-", NOT_APPLICABLE, 0,
                            "no JCStress proof shows a violation of " + g + " (Layer.proofOf)"), true, false));
                }
                List<Row> mine = storeRows.stream()
                        .filter(r -> r.guarantee() == g && r.control().equals(s.name())).toList();
                storeRows.removeAll(mine);
                boolean storeRequired = required.contains(Layer.STORE);
                mine.forEach(r -> lines.add(new Line(r, required.stream().anyMatch(l -> l.id().equals(r.layer())),
                        false)));
                if (mine.isEmpty() && storeRequired) {
                    lines.add(store.rows().isPresent()
                            ? new Line(new Row(g, s.name(), Layer.STORE.id(), "-", NOT_APPLICABLE, 0,
                                    "the store tests wrote no row for this control and guarantee ("
                                            + store.source() + ")"), true, false)
                            : new Line(new Row(g, s.name(), Layer.STORE.id(), "-", NOT_APPLICABLE, 0,
                                    store.source()), true, store.excused()));
                }
                groups.add(judge(g, s, required, lines));
            }
        }
        for (Row r : storeRows) { // about something no control violates: shown, not judged
            groups.add(new Group(r.guarantee(), r.control(), List.of(new Line(r, false, false)), Result.NONE,
                    "not a guarantee " + r.control() + " violates in the registry (Strategy.violates)"));
        }
        List<String> sources = List.of("static: " + staticLayer.source(), "dynamic: " + dynamicLayer.source(),
                "store: " + store.source(),
                "jcstress: " + (partial == null ? "this run" : "this run, partial (" + partial + ")"));
        return new TeethTable(groups, sources);
    }

    /** A line from a layer that writes per-strategy verdicts: the static layer or the dynamic one. */
    private static Line layerLine(Layer layer, Strategy s, Guarantee g, Input<StaticVerdicts> input,
                                  boolean required) {
        if (input.rows().isEmpty()) {
            return new Line(new Row(g, s.name(), layer.id(), "-", NOT_APPLICABLE, 0, input.source()),
                    required, input.excused());
        }
        StaticVerdicts all = input.rows().get();
        Optional<StaticVerdict> found = all.find(s.name());
        if (found.isEmpty()) {
            return new Line(new Row(g, s.name(), layer.id(), "-", NOT_APPLICABLE, 0,
                    "the " + layer.id() + " layer's verdicts have no row for " + s.name() + " (" + input.source()
                            + ")"), required, false);
        }
        StaticVerdict v = found.get();
        String check = all.tool() + (v.analysed().isEmpty() ? "" : " over " + String.join(", ",
                v.analysed().stream().map(c -> c.substring(c.lastIndexOf('.') + 1)).toList()));
        return new Line(new Row(g, s.name(), layer.id(), check, v.verdict(), v.analysed().size(), v.note()),
                required, false);
    }

    private static Line jcstressLine(Strategy s, Guarantee g, Property p, List<ProofVerdict> verdicts,
                                     BiPredicate<String, String> isBug, String partial, boolean required) {
        Optional<ProofVerdict> found = verdicts.stream()
                .filter(v -> v.strategy().equals(s.name()) && v.property() == p).findFirst();
        if (found.isEmpty()) {
            return new Line(new Row(g, s.name(), Layer.JCSTRESS.id(), "-", NOT_APPLICABLE, 0,
                    "no verdict for " + p.id()), required, false);
        }
        ProofVerdict v = found.get();
        String test = v.test().isEmpty() ? "-" : v.test().substring(v.test().lastIndexOf('.') + 1);
        String observed;
        if (v.verdict() == CAUGHT || v.verdict() == NOT_OBSERVED) {
            List<String> seen = v.observed().entrySet().stream().filter(e -> isBug.test(v.test(), e.getKey()))
                    .map(TeethTable::counted).toList();
            observed = v.verdict() == CAUGHT ? String.join("; ", seen)
                    : String.format(Locale.ROOT, "no bug outcome in %,d samples (saw %s)", v.samples(),
                            String.join("; ", v.observed().entrySet().stream().map(TeethTable::counted).toList()));
        } else if (v.verdict() == PASS) {
            observed = "the proof declares no bug for this control: it holds " + p.id() + " here (" + v.note() + ")";
        } else {
            observed = v.note();
        }
        boolean excused = v.verdict() == NOT_APPLICABLE && partial != null;
        return new Line(new Row(g, s.name(), Layer.JCSTRESS.id(), test, v.verdict(), v.samples(), observed),
                required, excused);
    }

    private static String counted(Map.Entry<String, Long> e) {
        return String.format(Locale.ROOT, "\"%s\" x%,d", e.getKey(), e.getValue());
    }

    private static Group judge(Guarantee g, Strategy s, Set<Layer> required, List<Line> lines) {
        lines.sort(Comparator.comparingInt(l -> layerOrder(l.row().layer())));
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
                    mustCatch.stream().map(l -> l.row().layer() + ": " + l.row().observed()).toList()));
        }
        return new Group(g, s.name(), lines, Result.MISSED, s.name() + " violates " + g + ", and no layer that must"
                + " catch it did: " + String.join("; ", mustCatch.stream().map(l -> l.row().layer() + " "
                + l.row().verdict().label() + " (" + l.row().check() + ": " + l.row().observed() + ")").toList()));
    }

    private static String layers(Stream<Line> lines) {
        return String.join(", ", lines.map(l -> l.row().layer()).distinct().toList());
    }

    private static int layerOrder(String layer) {
        return Arrays.stream(Layer.values()).filter(l -> l.id().equals(layer)).findFirst()
                .map(Enum::ordinal).orElse(Layer.values().length);
    }

    /** @return the groups, in guarantee and registry order, then the rows not judged */
    List<Group> groups() {
        return groups;
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

    /**
     * @param file where to write the table as a {@link Teeth} file
     * @throws IOException if it cannot be written
     */
    void write(Path file) throws IOException {
        Codec.write(file, teeth());
    }

    /** @param out where to print the table */
    void print(PrintStream out) {
        out.println();
        out.println("=== Teeth: each guarantee a broken control violates, the layers that check it, what they observed ===");
        String format = "%-22s %-28s %-17s %-9s %-5s %-13s %8s  %s%n";
        out.printf(Locale.ROOT, format, "guarantee", "control", "teeth", "layer", "must", "verdict", "samples",
                "check: observed");
        for (Group gr : groups) {
            boolean first = true;
            for (Line l : gr.lines()) {
                Row r = l.row();
                out.printf(Locale.ROOT, format, first ? gr.guarantee().name() : "", first ? gr.control() : "",
                        first ? gr.result().shown() : "", r.layer(), gr.result() == Result.NONE ? "-"
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
        sources.forEach(s -> out.println(s));
        Set<String> notes = new LinkedHashSet<>();
        groups.stream().filter(gr -> gr.result() != Result.CAUGHT && gr.result() != Result.NONE)
                .forEach(gr -> notes.add("  " + gr.result().shown() + ": " + gr.control() + " " + gr.guarantee()
                        + ": " + gr.why()));
        notes.forEach(out::println);
        out.println();
    }

    /**
     * Reads the store tests' rows: every {@code *.json} in the folder, each a {@link Teeth} file (one for the whole
     * store build, or one per test class).
     *
     * @param dir the folder, or {@code null} if the gate was not given one
     * @return the rows, or why there are none
     */
    static Input<List<Row>> readStore(Path dir) {
        if (dir == null) {
            return Input.missing("not given (--store-teeth): the store rows cannot be judged", true);
        }
        dir = dir.toAbsolutePath().normalize();
        List<Path> files;
        try (Stream<Path> list = Files.isDirectory(dir) ? Files.list(dir) : Stream.empty()) {
            files = list.filter(f -> f.getFileName().toString().endsWith(".json") && Files.isRegularFile(f))
                    .sorted().toList();
        } catch (IOException e) {
            return Input.missing("cannot list " + dir + ": " + e.getMessage(), false);
        }
        if (files.isEmpty()) {
            return Input.missing("no teeth files (*.json) in " + dir + ": the store tests did not run (for example"
                    + " -DskipTests), so the store rows cannot be judged here", true);
        }
        List<Row> rows = new ArrayList<>();
        for (Path f : files) {
            try {
                rows.addAll(Codec.read(f, Teeth.class, Teeth.FORMAT).rows());
            } catch (IOException e) {
                return Input.missing("cannot read " + f + ": " + e.getMessage(), false);
            }
        }
        return Input.of(rows, rows.size() + " rows from " + files.size() + " file(s) in " + dir);
    }
}
