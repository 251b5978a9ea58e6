package dev.lazyinit.jcstress.gate;

import dev.lazyinit.harness.contract.ProofVerdicts.ProofVerdict;
import dev.lazyinit.harness.contract.Property;
import dev.lazyinit.jcstress.gate.ProofCatalog.Found;
import dev.lazyinit.strategy.Strategy;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which proofs of the catalog this run runs ({@code --only REGEX}, for developers and mutation checks), and why each
 * of the others has no verdict: its property does not apply, its strategy cannot run on this JVM, or the filter left
 * it out. Those reasons are given when the proofs are graded ({@link #grade}), so that a verdict the run never
 * produced reads N/A with its cause, never as a missing row.
 *
 * <p>What could go wrong: a filter that selects nothing (a typo) would give an empty, green run; it is refused
 * ({@link Refused}) before JCStress starts, as is a filter that is not a regular expression. A filtered run is
 * {@link #partial()}, so it can never stand in for the gate.
 */
final class ProofSelection {

    /** Why a {@code --only} filter cannot be run: the gate prints the message and stops (exit status 2). */
    static final class Refused extends Exception {

        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    private final ProofCatalog catalog;
    private final String only;
    private final Pattern selected;
    private final List<String> toRun;

    private ProofSelection(ProofCatalog catalog, String only, Pattern selected, List<String> toRun) {
        this.catalog = catalog;
        this.only = only;
        this.selected = selected;
        this.toRun = toRun;
    }

    /**
     * @param catalog the proofs in the jar
     * @param only the {@code --only} filter, or empty for every proof
     * @return the proofs this JVM can run that the filter selects
     * @throws Refused if the filter is not a regular expression, or selects no proof this JVM can run
     */
    static ProofSelection select(ProofCatalog catalog, String only) throws Refused {
        Pattern selected;
        try {
            selected = Pattern.compile(only.isEmpty() ? ".*" : only);
        } catch (PatternSyntaxException e) {
            throw new Refused("--only " + only + " is not a regular expression: " + e.getDescription());
        }
        List<String> toRun = new ArrayList<>();
        Set<String> matchedUnavailable = new LinkedHashSet<>();
        List<Found> all = catalog.all();
        for (Found f : all) {
            if (!selected.matcher(f.test()).find()) {
                continue;
            }
            Optional<String> unavailable = catalog.unavailable(Strategy.valueOf(f.proof().strategy()));
            if (unavailable.isEmpty()) {
                toRun.add(f.test().replace(".", "\\."));
            } else {
                matchedUnavailable.add(f.proof().strategy() + " " + unavailable.get());
            }
        }
        if (toRun.isEmpty()) {
            throw new Refused("--only " + only + " selects no proof this JVM can run, so nothing would be tested: "
                    + (matchedUnavailable.isEmpty()
                            ? "it matches none of the " + all.size() + " proofs (named Lazy_0N_<Property>_<STRATEGY>,"
                                    + " e.g. " + all.get(0).simpleName() + ")"
                            : "it matches only proofs of " + String.join("; ", matchedUnavailable)));
        }
        return new ProofSelection(catalog, only, selected, List.copyOf(toRun));
    }

    /** @return whether {@code --only} filtered the run: a partial run, never a gate result */
    boolean partial() {
        return !only.isEmpty();
    }

    /** @return the filter as given, for the messages that name it; empty if none */
    String only() {
        return only;
    }

    /** @return JCStress's {@code -t} test filter: every test, or exactly the selected ones */
    String testFilter() {
        return toRun.size() == catalog.all().size() ? ".*" : "^(" + String.join("|", toRun) + ")$";
    }

    /**
     * @param run what JCStress ran
     * @return one verdict per registry strategy and property, in registry and property order
     */
    List<ProofVerdict> grade(SuiteRun run) {
        List<ProofVerdict> verdicts = new ArrayList<>();
        for (Strategy s : Strategy.values()) {
            for (Property p : Property.values()) {
                verdicts.add(verdict(run, s, p));
            }
        }
        return verdicts;
    }

    private ProofVerdict verdict(SuiteRun run, Strategy s, Property p) {
        Optional<Found> proof = catalog.find(s, p);
        if (proof.isEmpty()) {
            return Judge.notApplicable(s, p, "", p.id() + " does not apply to " + s.name());
        }
        Found f = proof.get();
        Optional<String> unavailable = catalog.unavailable(s);
        if (unavailable.isPresent()) {
            return Judge.notApplicable(s, p, f.test(), unavailable.get());
        }
        if (!selected.matcher(f.test()).find()) {
            return Judge.notApplicable(s, p, f.test(), "not selected by --only " + only);
        }
        return Judge.judge(s, p, f, run.of(f.test()));
    }
}
