package dev.lazyinit.harness.staticlayer;

import dev.lazyinit.harness.contract.StaticVerdicts.Finding;
import dev.lazyinit.harness.contract.StaticVerdicts.StaticVerdict;
import dev.lazyinit.harness.contract.StaticVerdicts.Suppression;
import dev.lazyinit.harness.contract.Strength;
import dev.lazyinit.harness.contract.VerdictKind;
import dev.lazyinit.strategy.Guarantee;
import dev.lazyinit.strategy.Strategy;
import java.util.ArrayList;
import java.util.List;

/**
 * One strategy's static verdict, by the rules {@link StaticLayer} states, from SpotBugs' findings in its classes and
 * the {@link BytecodeCheck}'s, which it runs over them.
 *
 * <p>What could go wrong: a verdict that says more than the checkers saw. A broken control's unrelated findings
 * (it is wrong on purpose in its own way) must not pass for catching its publication bug, so only a publication
 * pattern ({@link StaticLayer#PUBLICATION_PATTERNS}) makes it CAUGHT; a library adapter whose library is not read
 * is N/A, not PASS; a provider's strategy, which declares no controls, is judged only on the concurrency findings
 * in its own classes.
 */
final class StaticJudge {

    private StaticJudge() {
    }

    /**
     * @param s a strategy
     * @param findings SpotBugs' findings that count (the suppressed ones left out)
     * @param suppressions where the bytecode check's suppressed findings are added, with their reasons
     * @return its verdict
     */
    static StaticVerdict judge(Strategy s, List<Finding> findings, List<Suppression> suppressions) {
        if (!s.available()) {
            return new StaticVerdict(s.name(), List.of(), VerdictKind.NOT_APPLICABLE, Strength.NONE, List.of(),
                    "not built on this JDK: " + s.unavailableReason());
        }
        List<String> analysed = StaticLayer.classesOf(s);
        String holder = analysed.get(0);
        List<Finding> spotbugs = findings.stream().filter(f -> analysed.stream().anyMatch(c ->
                f.className().equals(c) || f.className().startsWith(c + "$"))).toList();
        if (s.provided()) {
            return provided(s, analysed, spotbugs, suppressions);
        }
        if (!holder.startsWith("dev.lazyinit.lazy.")) {
            return new StaticVerdict(s.name(), analysed, VerdictKind.NOT_APPLICABLE, Strength.NONE, spotbugs,
                    "the JDK's own code, not analysed");
        }
        List<Finding> mine = new ArrayList<>(spotbugs);
        for (Finding f : BytecodeCheck.check(s.newHolder(() -> null).getClass().getClassLoader(), analysed)) {
            String reason = StaticLayer.SUPPRESSED.get(f.pattern() + " " + f.className());
            if (reason == null) {
                mine.add(f);
            } else {
                suppressions.add(new Suppression(f, reason));
            }
        }
        boolean library = holder.startsWith("dev.lazyinit.lazy.library.");
        if (s.guarantees(Guarantee.SAFE_PUBLICATION) || library) {
            // A broken control is wrong on purpose in its own way (a kept exception rethrown, say): only a
            // concurrency finding speaks against the publication it claims. A correct strategy gets no finding.
            List<Finding> against = s.broken()
                    ? mine.stream().filter(f -> "MT_CORRECTNESS".equals(f.category())).toList() : mine;
            if (!against.isEmpty()) {
                return new StaticVerdict(s.name(), analysed, VerdictKind.FAIL, Strength.NONE, mine,
                        "flagged: " + patterns(against));
            }
            return library
                    ? new StaticVerdict(s.name(), analysed, VerdictKind.NOT_APPLICABLE, Strength.NONE, mine,
                            "an adapter over library code; the adapter is clean, the library is not analysed")
                    : new StaticVerdict(s.name(), analysed, VerdictKind.PASS, Strength.NONE, mine,
                            mine.isEmpty() ? "no finding" : "no concurrency finding (a control; also: "
                                    + patterns(mine) + ")");
        }
        List<Finding> publication = mine.stream().filter(f -> StaticLayer.PUBLICATION_PATTERNS.contains(f.pattern())).toList();
        return publication.isEmpty()
                ? new StaticVerdict(s.name(), analysed, VerdictKind.NOT_OBSERVED, Strength.NONE, mine,
                        "not flagged: this control's bug is outside what the checker recognises"
                                + (mine.isEmpty() ? "" : " (other findings: " + patterns(mine) + ")"))
                : new StaticVerdict(s.name(), analysed, VerdictKind.CAUGHT, Strength.NONE, mine,
                        "flagged: " + patterns(mine));
    }

    /**
     * A provider's strategy: its own classes (those its builder constructs) are read like ours, by SpotBugs and the
     * bytecode check; only concurrency findings ({@code MT_CORRECTNESS}) count against a claim of safe publication,
     * the others are listed in the note. A provider declares no controls, so an unclaimed publication is never
     * judged: what the checkers saw is shown, N/A. A library the holder calls is not read.
     */
    private static StaticVerdict provided(Strategy s, List<String> analysed, List<Finding> spotbugs,
                                          List<Suppression> suppressions) {
        List<Finding> mine = new ArrayList<>(spotbugs);
        mine.addAll(BytecodeCheck.check(s.newHolder(() -> null).getClass().getClassLoader(), analysed));
        List<Finding> concurrency = mine.stream().filter(f -> "MT_CORRECTNESS".equals(f.category())).toList();
        List<Finding> other = mine.stream().filter(f -> !concurrency.contains(f)).toList();
        String also = other.isEmpty() ? "" : "; not about concurrency, so not counted: " + patterns(other);
        if (!s.guarantees(Guarantee.SAFE_PUBLICATION)) {
            return new StaticVerdict(s.name(), analysed, VerdictKind.NOT_APPLICABLE, Strength.NONE, mine,
                    "claims nothing about publication, so not judged; seen: "
                            + (concurrency.isEmpty() ? "no concurrency finding" : patterns(concurrency)) + also);
        }
        return concurrency.isEmpty()
                ? new StaticVerdict(s.name(), analysed, VerdictKind.PASS, Strength.NONE, mine,
                        "no concurrency finding in the provider's classes (a library they call is not read)" + also)
                : new StaticVerdict(s.name(), analysed, VerdictKind.FAIL, Strength.NONE, mine,
                        "flagged: " + patterns(concurrency) + also);
    }

    private static String patterns(List<Finding> findings) {
        return String.join(", ", findings.stream().map(f -> f.pattern() + " in "
                + f.className().substring(f.className().lastIndexOf('.') + 1)
                + (f.line() > 0 ? ":" + f.line() : "")).distinct().toList());
    }
}
