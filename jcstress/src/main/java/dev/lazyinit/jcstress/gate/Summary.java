package dev.lazyinit.jcstress.gate;

import dev.lazyinit.harness.contract.ProofVerdicts.ProofVerdict;
import dev.lazyinit.strategy.Property;
import dev.lazyinit.strategy.VerdictKind;
import java.io.PrintStream;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
     * @param settings the mode and its JCStress options
     * @param seconds how long JCStress ran
     */
    static void print(PrintStream out, List<ProofVerdict> verdicts, String settings, long seconds) {
        out.println();
        out.println("=== JCStress proofs: strategy x property -> verdict (samples) ===");
        out.println("mode " + settings + "; JCStress run took " + seconds + " s");
        StringBuilder head = new StringBuilder(pad("strategy", FIRST_COLUMN));
        for (Property p : Property.values()) {
            head.append(pad(p.id(), COLUMN));
        }
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
            out.println(line.toString().stripTrailing());
        }
        out.println();
        out.println("Per test: samples and observed outcomes");
        for (ProofVerdict v : verdicts) {
            if (v.verdict() == VerdictKind.NOT_APPLICABLE) {
                continue;
            }
            out.printf(Locale.ROOT, "  %-48s %-12s %,14d  %s%n", simpleName(v.test()), v.verdict().label(),
                    v.samples(), v.note());
            new TreeMap<>(v.observed()).forEach((id, n) -> out.printf(Locale.ROOT, "      %,14d  %s%n", n, id));
        }
        out.println();
    }

    private static String cell(ProofVerdict v) {
        if (v == null || v.verdict() == VerdictKind.NOT_APPLICABLE) {
            return VerdictKind.NOT_APPLICABLE.label();
        }
        return v.verdict().label() + " " + human(v.samples());
    }

    private static String simpleName(String test) {
        return test.substring(test.lastIndexOf('.') + 1);
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
    }

    private static String human(long n) {
        if (n >= 1_000_000) {
            return String.format(Locale.ROOT, "%.1fM", n / 1e6);
        }
        if (n >= 1_000) {
            return String.format(Locale.ROOT, "%.1fk", n / 1e3);
        }
        return Long.toString(n);
    }
}
