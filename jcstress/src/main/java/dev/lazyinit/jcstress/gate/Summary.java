package dev.lazyinit.jcstress.gate;

import dev.lazyinit.harness.contract.ProofVerdicts.ProofVerdict;
import dev.lazyinit.harness.contract.Property;
import dev.lazyinit.harness.contract.StaticVerdicts;
import dev.lazyinit.harness.contract.Strength;
import dev.lazyinit.harness.contract.VerdictKind;
import dev.lazyinit.strategy.Strategy;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The gate's summary at the end of the build: the strategy x property table of verdicts and sample counts, then
 * every test with its samples and every outcome it showed.
 */
final class Summary {

    private static final int FIRST_COLUMN = 24;
    private static final int COLUMN = 22;

    private Summary() {
    }

    /**
     * @param out where
     * @param verdicts one per strategy and property, in registry order
     * @param staticVerdicts the static layer's verdicts (conformance module), if the build wrote them: one more
     *        column
     * @param dynamicVerdicts the dynamic layer's verdicts (conformance module), if the build wrote them: one more
     *        column
     * @param settings the mode and its JCStress options
     * @param seconds how long JCStress ran
     */
    static void print(PrintStream out, List<ProofVerdict> verdicts, Optional<StaticVerdicts> staticVerdicts,
                      Optional<StaticVerdicts> dynamicVerdicts, String settings, long seconds) {
        out.println();
        out.println("=== JCStress proofs: strategy x property -> verdict (samples) ===");
        out.println("mode " + settings + "; JCStress run took " + seconds + " s");
        StringBuilder head = new StringBuilder(pad("strategy", FIRST_COLUMN));
        for (Property p : Property.values()) {
            head.append(pad(p.id(), COLUMN));
        }
        staticVerdicts.ifPresent(sv -> head.append(pad("static: publication", COLUMN)));
        dynamicVerdicts.ifPresent(sv -> head.append(pad("dynamic: publication", COLUMN)));
        out.println(head.toString().stripTrailing());
        Map<String, Map<Property, ProofVerdict>> grid = new LinkedHashMap<>();
        for (ProofVerdict v : verdicts) {
            grid.computeIfAbsent(v.strategy(), k -> new EnumMap<>(Property.class)).put(v.property(), v);
        }
        for (Map.Entry<String, Map<Property, ProofVerdict>> row : grid.entrySet()) {
            StringBuilder line = new StringBuilder(pad(row.getKey(), FIRST_COLUMN));
            for (Property p : Property.values()) {
                line.append(pad(cell(row.getValue().get(p)), COLUMN));
            }
            staticVerdicts.ifPresent(all -> line.append(pad(all.find(row.getKey()) // none for a provider's class
                    .map(sv -> shortLabel(sv.verdict(), sv.strength())).orElse(VerdictKind.NOT_APPLICABLE.label()),
                    COLUMN)));
            dynamicVerdicts.ifPresent(all -> line.append(pad(all.find(row.getKey())
                    .map(sv -> shortLabel(sv.verdict(), sv.strength())).orElse(VerdictKind.NOT_APPLICABLE.label()),
                    COLUMN)));
            out.println(line.toString().stripTrailing());
        }
        out.println("PASS(u): PASS (undiscriminated): no control that breaks the property was caught by the same proof"
                + " in these results, so this PASS could not have failed here (see jcstress/README.md). A"
                + " publication PASS is plain PASS where the static or dynamic layer caught a publication control"
                + " in this run and passed the strategy: its note names the layer.");
        List<String> provided = Arrays.stream(Strategy.values())
                .filter(s -> s.provided() && grid.containsKey(s.name()))
                .map(s -> s.name() + " (provider " + s.provider().orElseThrow() + ")").toList();
        if (!provided.isEmpty()) { // a user's strategies, beside ours but not ours
            out.println("From strategy providers, not built in (README, \"Bring your own holder\"): "
                    + String.join(", ", provided) + ".");
        }
        staticVerdicts.ifPresent(sv -> out.println("static: " + sv.tool() + " over the holder classes ("
                + sv.settings() + "): the unsafe publication shapes they know, on any hardware; N/A where the code is"
                + " the JDK's or a library's."));
        dynamicVerdicts.ifPresent(sv -> out.println("dynamic: " + sv.tool() + ": a data race on the holder's state,"
                + " library code included, on any hardware; N/A where it saw no field access (VarHandle, JDK)."));
        out.println();
        out.println("Per test: samples and observed outcomes");
        for (ProofVerdict v : verdicts) {
            if (v.verdict() == VerdictKind.NOT_APPLICABLE) {
                continue;
            }
            out.printf(Locale.ROOT, "  %-48s %-12s %,14d  %s%n", simpleName(v.test()), v.shown(),
                    v.samples(), v.remark());
            new TreeMap<>(v.observed()).forEach((id, n) -> out.printf(Locale.ROOT, "      %,14d  %s%n", n, id));
        }
        out.println();
    }

    private static String cell(ProofVerdict v) {
        if (v == null || v.verdict() == VerdictKind.NOT_APPLICABLE) {
            return VerdictKind.NOT_APPLICABLE.label();
        }
        return shortLabel(v.verdict(), v.strength()) + " "
                + human(v.samples());
    }

    /** The table's narrow form of a verdict: {@code PASS(u)} for an undiscriminated PASS. */
    private static String shortLabel(VerdictKind verdict, Strength strength) {
        return verdict.label() + (strength == Strength.UNDISCRIMINATED ? "(u)" : "");
    }

    private static String simpleName(String test) {
        return test.substring(test.lastIndexOf('.') + 1);
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
    }

    static String human(long n) {
        if (n >= 1_000_000) {
            return String.format(Locale.ROOT, "%.1fM", n / 1e6);
        }
        if (n >= 1_000) {
            return String.format(Locale.ROOT, "%.1fk", n / 1e3);
        }
        return Long.toString(n);
    }
}
