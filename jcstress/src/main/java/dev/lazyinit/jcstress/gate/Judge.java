package dev.lazyinit.jcstress.gate;

import static dev.lazyinit.harness.contract.VerdictKind.CAUGHT;
import static dev.lazyinit.harness.contract.VerdictKind.FAIL;
import static dev.lazyinit.harness.contract.VerdictKind.NOT_APPLICABLE;
import static dev.lazyinit.harness.contract.VerdictKind.NOT_OBSERVED;
import static dev.lazyinit.harness.contract.VerdictKind.PASS;

import dev.lazyinit.harness.contract.ProofVerdicts.ProofVerdict;
import dev.lazyinit.harness.contract.Property;
import dev.lazyinit.harness.contract.VerdictKind;
import dev.lazyinit.jcstress.gate.ProofCatalog.Found;
import dev.lazyinit.strategy.Strategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.infra.Status;
import org.openjdk.jcstress.infra.collectors.TestResult;
import org.openjdk.jcstress.infra.grading.GradingResult;
import org.openjdk.jcstress.infra.grading.ReportUtils;
import org.openjdk.jcstress.infra.runners.TestList;

/**
 * One verdict per strategy and property, from JCStress's own grading of the test's {@code @Outcome}s: the gate adds
 * no second opinion on what an outcome means, only what it means for the build.
 *
 * <ul>
 *   <li>{@link VerdictKind#PASS}: no forbidden outcome in any sample (its note says whether a must-see outcome
 *       was seen; {@link #failure} fails the gate if it was not);</li>
 *   <li>{@link VerdictKind#FAIL}: a forbidden outcome, a test error, no samples, or no result at all;</li>
 *   <li>{@link VerdictKind#CAUGHT}: a broken control's bug (an interesting outcome it declares) was observed;</li>
 *   <li>{@link VerdictKind#NOT_OBSERVED}: a broken control's bug did not show in the samples;</li>
 *   <li>{@link VerdictKind#NOT_APPLICABLE}: the property does not apply, the strategy cannot run on this JVM, or
 *       {@code --only} left the proof out.</li>
 * </ul>
 */
final class Judge {

    private Judge() {
    }

    /**
     * @param s a strategy
     * @param p a property
     * @param why why it was not run
     * @param test the test that was not run, or empty
     * @return an N/A verdict
     */
    static ProofVerdict notApplicable(Strategy s, Property p, String test, String why) {
        return new ProofVerdict(s.name(), p, NOT_APPLICABLE, 0, test, Map.of(), why);
    }

    /**
     * @param s a strategy
     * @param p a property
     * @param f its proof
     * @param results the proof's results, one per JVM configuration; empty if it did not run
     * @return the verdict
     */
    static ProofVerdict judge(Strategy s, Property p, Found f, List<TestResult> results) {
        if (results.isEmpty()) {
            return verdict(s, p, FAIL, 0, f, Map.of(), "no result: the test did not run");
        }
        for (TestResult r : results) {
            if (r.status() != Status.NORMAL) {
                return verdict(s, p, FAIL, 0, f, Map.of(), "test error " + r.status() + " "
                        + String.join(" | ", r.getMessages()).lines().findFirst().orElse(""));
            }
        }
        TestResult merged = ReportUtils.mergedByName(results).get(0);
        long samples = merged.getTotalCount();
        Map<String, Long> observed = new TreeMap<>();
        List<String> forbidden = new ArrayList<>();
        long interesting = 0;
        for (GradingResult g : merged.grading().gradingResults.values()) {
            if (g.count == 0) {
                continue;
            }
            observed.put(g.id, g.count);
            if (g.expect == Expect.FORBIDDEN) {
                forbidden.add(g.id + " x" + g.count);
            } else if (g.expect == Expect.ACCEPTABLE_INTERESTING) {
                interesting += g.count;
            }
        }
        if (samples == 0) {
            return verdict(s, p, FAIL, 0, f, observed, "no samples");
        }
        if (!forbidden.isEmpty()) {
            return verdict(s, p, FAIL, samples, f, observed, "forbidden: " + String.join("; ", forbidden));
        }
        // A broken control's interesting outcomes are its bug (the build refuses anything else: Outcomes.bug).
        if (s.broken() && declaresInteresting(f.test())) {
            return interesting > 0
                    ? verdict(s, p, CAUGHT, samples, f, observed, "bad outcome observed " + interesting + " times")
                    : verdict(s, p, NOT_OBSERVED, samples, f, observed, "bad outcome allowed by the JMM but not"
                            + " observed in " + samples + " samples"
                            + (f.proof().mustCatch() ? "" : " (documented for this hardware)"));
        }
        String note = interesting > 0
                ? "interesting outcome observed " + interesting + " times (allowed for this strategy)"
                : s.broken() ? "this control holds this property" : "no forbidden outcome";
        List<String> mustSee = List.of(f.proof().mustSee());
        if (!mustSee.isEmpty()) {
            long seen = mustSee.stream().mapToLong(id -> observed.getOrDefault(id, 0L)).sum();
            note += seen > 0
                    ? "; must see " + quoted(mustSee) + ": seen " + seen + " times"
                    : "; must see " + quoted(mustSee) + ": NEVER SEEN in " + samples + " samples";
        }
        return verdict(s, p, PASS, samples, f, observed, note);
    }

    /**
     * @param v a PASS of a proof that declares {@link dev.lazyinit.jcstress.Proof#mustSee()}
     * @param f the proof
     * @return whether none of its must-see outcomes was observed
     */
    static boolean mustSeeMissed(ProofVerdict v, Found f) {
        List<String> mustSee = List.of(f.proof().mustSee());
        return v.verdict() == PASS && !mustSee.isEmpty()
                && mustSee.stream().noneMatch(id -> v.observed().getOrDefault(id, 0L) > 0);
    }

    /**
     * @param v a verdict
     * @param f its proof, if it has one
     * @return why it fails the gate, or {@code null} if it does not: FAIL always, NOT_OBSERVED where the proof
     *         must catch its bug, a PASS where the proof must see an outcome that never showed
     */
    static String failure(ProofVerdict v, Found f) {
        String what = v.strategy() + " " + v.property().id() + ": ";
        if (v.verdict() == FAIL) {
            return what + v.remark();
        }
        if (v.verdict() == NOT_OBSERVED && f != null && f.proof().mustCatch()) {
            return what + "the broken control's bad outcome was never observed, so this harness can no longer catch"
                    + " the bug (" + v.remark() + ")";
        }
        if (f != null && mustSeeMissed(v, f)) {
            return what + "PASS without the outcome it must see, " + quoted(List.of(f.proof().mustSee())) + ", in "
                    + v.samples() + " samples: the path the strategy's claim is about was never taken, so this PASS"
                    + " says nothing about it";
        }
        return null;
    }

    private static String quoted(List<String> ids) {
        return String.join(" or ", ids.stream().map(id -> "\"" + id + "\"").toList());
    }

    private static ProofVerdict verdict(Strategy s, Property p, VerdictKind kind, long samples, Found f,
                                        Map<String, Long> observed, String note) {
        return new ProofVerdict(s.name(), p, kind, samples, f.test(), observed, note);
    }

    /**
     * @param test a JCStress test
     * @param id an outcome id it observed
     * @return whether the test declares that outcome interesting: for a broken control, its bug
     */
    static boolean isBugOutcome(String test, String id) {
        return TestList.getInfo(test).cases().stream()
                .anyMatch(c -> c.expect() == Expect.ACCEPTABLE_INTERESTING && c.matches(id));
    }

    private static boolean declaresInteresting(String test) {
        return TestList.getInfo(test).cases().stream().anyMatch(c -> c.expect() == Expect.ACCEPTABLE_INTERESTING);
    }
}
