package dev.lazyinit.harness.contract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The static layer's verdicts: what its checkers (SpotBugs and the suite's own bytecode check) found in each
 * strategy's holder classes, judged against what the strategy claims. Unlike a JCStress verdict it does not depend
 * on the hardware: the publication controls are flagged on x86 as on Arm.
 *
 * @param format {@link #FORMAT}
 * @param tool the checkers and their versions
 * @param settings how it ran (effort, threshold, what it analysed)
 * @param generatedAt when (ISO-8601)
 * @param verdicts one per strategy, in registry order
 * @param suppressions every finding left out of a verdict, each with its reason
 */
public record StaticVerdicts(String format, String tool, String settings, String generatedAt,
                             List<StaticVerdict> verdicts, List<Suppression> suppressions) implements Versioned {

    /** The format this build writes and reads. */
    public static final String FORMAT = "lazyinit-static/1";

    public StaticVerdicts {
        verdicts = List.copyOf(verdicts);
        suppressions = List.copyOf(suppressions);
    }

    /**
     * One strategy's verdict.
     *
     * @param strategy the strategy name
     * @param analysed the classes whose findings count for it
     * @param verdict PASS (claims safe publication, no finding), FAIL (claims it, flagged), CAUGHT (a control,
     *     flagged), NOT_OBSERVED (a control the checker does not see: a blind spot), N/A (not our code)
     * @param strength for a PASS, whether a control was CAUGHT by the same checker in the same run
     * @param findings the findings that count, suppressed ones left out
     * @param note what the verdict rests on, for a person
     */
    public record StaticVerdict(String strategy, List<String> analysed, VerdictKind verdict, Strength strength,
                                List<Finding> findings, String note) {
        public StaticVerdict {
            strength = strength == null ? Strength.NONE : strength;
            analysed = List.copyOf(analysed);
            findings = List.copyOf(findings);
        }

        /** @return the verdict as tables show it, for example {@code PASS} or {@code PASS (undiscriminated)} */
        public String shown() {
            return strength.shown(verdict);
        }
    }

    /**
     * One finding of the checker.
     *
     * @param pattern its bug pattern, for example {@code DC_DOUBLECHECK} (SpotBugs) or
     *     {@code BYTECODE_VARHANDLE_PLAIN} (the bytecode check)
     * @param category its category, for example {@code MT_CORRECTNESS}
     * @param className the class it is in
     * @param line the first source line it names, or 0
     * @param message the checker's message
     */
    public record Finding(String pattern, String category, String className, int line, String message) {
    }

    /**
     * A finding that does not count, and why.
     *
     * @param finding the finding
     * @param reason why it is a false alarm
     */
    public record Suppression(Finding finding, String reason) {
    }

    /**
     * The layer's table as its test prints it: the tool and settings, a line per strategy, a line per finding left
     * out with its reason.
     *
     * @param layer the layer's name in the heading ("static layer")
     * @param shown which strategies get a line
     * @return the text
     */
    public String table(String layer, Predicate<String> shown) {
        StringBuilder table = new StringBuilder("[" + layer + "] " + tool + " (" + settings + ")\n");
        verdicts.stream().filter(v -> shown.test(v.strategy())).forEach(v -> table.append(String.format(
                Locale.ROOT, "  %-30s %-24s %s%n", v.strategy(), v.shown(), v.note())));
        suppressions.forEach(s -> table.append("  left out: ").append(s.finding().pattern()).append(" in ")
                .append(s.finding().className()).append(": ").append(s.reason()).append('\n'));
        return table.toString();
    }

    /**
     * @param strategy a strategy name
     * @return its verdict, if the file has one
     */
    public Optional<StaticVerdict> find(String strategy) {
        return verdicts.stream().filter(v -> v.strategy().equals(strategy)).findFirst();
    }

    /**
     * Judges the strength of every PASS of one run of a layer: {@link Strength#DISCRIMINATING} where the same run
     * CAUGHT a control, {@link Strength#UNDISCRIMINATED} otherwise, with the reason added to its note.
     *
     * @param judged one run's verdicts, strength not judged yet
     * @param notCaught the reason, for an undiscriminated PASS ("no control was flagged in this run")
     * @return the same verdicts with their strength
     */
    public static List<StaticVerdict> withStrength(List<StaticVerdict> judged, String notCaught) {
        boolean caught = judged.stream().anyMatch(v -> v.verdict() == VerdictKind.CAUGHT);
        return judged.stream().map(v -> v.verdict() != VerdictKind.PASS ? v
                : new StaticVerdict(v.strategy(), v.analysed(), v.verdict(),
                        caught ? Strength.DISCRIMINATING : Strength.UNDISCRIMINATED, v.findings(),
                        caught ? v.note() : v.note() + "; undiscriminated: " + notCaught))
                .toList();
    }

    /**
     * One layer's verdicts written by several builds, as one: the conformance module's (the built-in strategies) and
     * example-provider's (the providers' strategies, the built-in ones there out of scope and N/A). Per strategy, the
     * first verdict that judged it (anything but N/A), else the first; strategies in order of first appearance.
     *
     * @param files the files, the conformance module's first
     * @return the merged verdicts; the first file's tool, every file's settings and suppressions
     */
    public static StaticVerdicts merge(List<StaticVerdicts> files) {
        if (files.size() == 1) {
            return files.get(0);
        }
        Map<String, StaticVerdict> merged = new LinkedHashMap<>();
        List<Suppression> suppressions = new ArrayList<>();
        for (StaticVerdicts file : files) {
            for (StaticVerdict v : file.verdicts()) {
                merged.merge(v.strategy(), v, (first, next) ->
                        first.verdict() == VerdictKind.NOT_APPLICABLE && next.verdict() != VerdictKind.NOT_APPLICABLE
                                ? next : first);
            }
            file.suppressions().stream().filter(s -> !suppressions.contains(s)).forEach(suppressions::add);
        }
        StaticVerdicts first = files.get(0);
        return new StaticVerdicts(first.format(), first.tool(), String.join("; ", files.stream()
                .map(StaticVerdicts::settings).distinct().toList()), first.generatedAt(),
                List.copyOf(merged.values()), suppressions);
    }
}
