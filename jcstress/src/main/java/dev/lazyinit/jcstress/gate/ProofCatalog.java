package dev.lazyinit.jcstress.gate;

import dev.lazyinit.harness.contract.Property;
import dev.lazyinit.jcstress.Proof;
import dev.lazyinit.strategy.Strategy;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openjdk.jcstress.infra.TestInfo;
import org.openjdk.jcstress.infra.runners.TestList;

/**
 * The proofs in the jar (every JCStress test carrying {@link Proof}), checked against the registry before anything
 * runs: every strategy has exactly one proof of every property that applies to it ({@link Property#appliesTo}),
 * and none of a property that does not. Also says which strategies this JVM cannot run ({@link Strategy#available()}).
 */
final class ProofCatalog {

    /**
     * A proof found in the jar.
     *
     * @param test the JCStress test's name
     * @param type its class
     * @param proof what it proves
     */
    record Found(String test, Class<?> type, Proof proof) {

        /** @return the test class's simple name */
        String simpleName() {
            return test.substring(test.lastIndexOf('.') + 1);
        }
    }

    private final Map<Strategy, Map<Property, Found>> proofs;
    private final Map<Strategy, String> unavailable;

    private ProofCatalog(Map<Strategy, Map<Property, Found>> proofs, Map<Strategy, String> unavailable) {
        this.proofs = proofs;
        this.unavailable = unavailable;
    }

    /**
     * @return every proof JCStress's test list holds, and the strategies this JVM cannot build
     * @throws ClassNotFoundException if a listed test class is missing from the jar
     */
    static ProofCatalog load() throws ClassNotFoundException {
        Map<Strategy, Map<Property, Found>> proofs = new LinkedHashMap<>();
        ClassLoader loader = ProofCatalog.class.getClassLoader();
        for (String test : TestList.tests()) {
            TestInfo info = TestList.getInfo(test);
            Class<?> type = Class.forName(info.binaryName(), false, loader);
            Proof proof = type.getAnnotation(Proof.class);
            if (proof == null) {
                continue; // a JCStress test that is not one of our proofs
            }
            Found previous = proofs
                    .computeIfAbsent(Strategy.valueOf(proof.strategy()), k -> new EnumMap<>(Property.class))
                    .put(proof.property(), new Found(test, type, proof));
            if (previous != null) {
                throw new IllegalStateException(test + " and " + previous.test() + " both prove "
                        + proof.property().id() + " for " + proof.strategy());
            }
        }
        // Whether a strategy can run on this JVM (StableValue needs JDK 25 with preview features) is the registry's
        // answer, not an exception a builder happens to throw: an available strategy whose holder cannot be built,
        // for whatever reason, is a test error and fails the gate; an unavailable one is skipped, its verdicts N/A.
        Map<Strategy, String> unavailable = new LinkedHashMap<>();
        for (Strategy s : Strategy.values()) {
            if (!s.available()) {
                unavailable.put(s, "not available on Java " + Runtime.version().feature() + ": "
                        + s.unavailableReason());
            }
        }
        return new ProofCatalog(proofs, unavailable);
    }

    /**
     * @param s a strategy
     * @param p a property
     * @return its proof, if the jar has one
     */
    Optional<Found> find(Strategy s, Property p) {
        return Optional.ofNullable(proofs.getOrDefault(s, Map.of()).get(p));
    }

    /** @return every proof, in registry and property order */
    List<Found> all() {
        return proofs.values().stream().flatMap(m -> m.values().stream()).toList();
    }

    /**
     * @param s a strategy
     * @return why this JVM cannot build it, if it cannot
     */
    Optional<String> unavailable(Strategy s) {
        return Optional.ofNullable(unavailable.get(s));
    }

    /** @return what keeps the proofs from covering the registry; empty if they cover it */
    List<String> coverageProblems() {
        List<String> problems = new ArrayList<>();
        for (Strategy s : Strategy.values()) {
            for (Property p : Property.values()) {
                Optional<Found> f = find(s, p);
                if (p.appliesTo(s) && f.isEmpty()) {
                    problems.add("no proof of " + p.id() + " for " + s + " (expected " + expectedTest(p, s) + ")");
                } else if (!p.appliesTo(s) && f.isPresent()) {
                    problems.add(f.get().test() + " proves " + p.id() + " for " + s + ", which does not apply to it");
                }
            }
        }
        return problems;
    }

    /** The test the build would generate: {@code <proof class>_<STRATEGY>}, the proof class read off a sibling. */
    private String expectedTest(Property p, Strategy s) {
        return all().stream().filter(f -> f.proof().property() == p).findFirst()
                .map(f -> f.type().getSuperclass().getSimpleName() + "_" + s.name())
                .orElse("a proof class annotated @Topic(Property." + p.name() + ")");
    }
}
