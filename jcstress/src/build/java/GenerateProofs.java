/*
 * Writes one JCStress test per (strategy in the registry) x (property), run at generate-sources as a
 * single-file Java program with the store on the class path:
 *
 *     java -cp <store classes> src/build/java/GenerateProofs.java <output dir>
 *
 * Why generate instead of writing the classes by hand: the registry (dev.lazyinit.strategy.Strategy) is the
 * one list of strategies, and each strategy states its guarantees there. A proof's expectations follow from
 * those guarantees (EXACTLY_ONCE makes a duplicate creation FORBIDDEN, CLOSES_DUPLICATES makes it
 * interesting, a broken control's bad outcome is interesting and must be caught, ...). Generating the tests
 * from the registry means adding a strategy (ReentrantLock DCL, VarHandle DCL, Guava, commons-lang3,
 * StableValue) costs nothing here: its proofs appear on the next build, held to what its registry line
 * claims. Where a correct strategy promises less than a rule needs, the stricter reading wins (a correct
 * strategy must publish safely, and must never leave a duplicate open), so a weak registry line cannot
 * make a proof weaker. The hand-written Lazy_0N_* classes hold the narrative, the state and the actors'
 * logic; the generated classes are only the @JCStressTest shell: annotations and one-line actors.
 * The gate (ProofGate) independently checks that every strategy x property has a proof and a verdict.
 */

import dev.lazyinit.strategy.Guarantee;
import dev.lazyinit.strategy.Strategy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

public class GenerateProofs {

    static final String PACKAGE = "dev.lazyinit.jcstress";

    record Outcome(List<String> ids, String expect, String desc) {
        static Outcome of(String expect, String desc, String... ids) {
            return new Outcome(List.of(ids), expect, desc);
        }
    }

    record Spec(String property, String topic, String result, List<String> actors, List<Outcome> outcomes,
                boolean mustCatch) {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        Path dir = out.resolve(PACKAGE.replace('.', '/'));
        if (Files.exists(out)) {
            try (Stream<Path> old = Files.walk(out)) { // no stale proofs of a strategy that left the registry
                for (Path p : old.sorted((a, b) -> b.compareTo(a)).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
        int count = 0;
        for (Strategy s : Strategy.values()) {
            for (Spec spec : specs(s)) {
                String name = spec.topic() + "_" + s.name();
                Files.writeString(dir.resolve(name + ".java"), source(name, s, spec), StandardCharsets.UTF_8);
                count++;
            }
        }
        System.out.println("GenerateProofs: " + count + " JCStress tests for " + Strategy.values().length
                + " strategies in " + dir);
    }

    static List<Spec> specs(Strategy s) {
        List<Spec> specs = new ArrayList<>();
        specs.add(publication(s));
        specs.add(exactlyOnce(s));
        specs.add(sameInstance(s));
        specs.add(failureThenAccess(s));
        specs.add(closeVsGet(s));
        if (!s.guarantees(Guarantee.PER_INSTANCE)) { // same rule as Property.appliesTo in the gate
            specs.add(holderRace(s));
        }
        return specs;
    }

    static Spec publication(Strategy s) {
        List<Outcome> o = new ArrayList<>();
        o.add(Outcome.of("ACCEPTABLE", "Both actors saw a fully built value.", "built, built"));
        if (s.broken() && !s.guarantees(Guarantee.SAFE_PUBLICATION)) { // every correct strategy: strict
            o.add(Outcome.of("ACCEPTABLE_INTERESTING",
                    "Broken publication, the bug this control carries: an actor got a value whose constructor"
                            + " writes it could not see, or no value at all.",
                    "partial, built", "built, partial", "partial, partial",
                    "null, built", "built, null", "null, null", "null, partial", "partial, null"));
        }
        return new Spec("PUBLICATION", "Lazy_01_Publication", "LL_Result",
                List.of("@Actor public void actor1(LL_Result r) { r.r1 = see(); }",
                        "@Actor public void actor2(LL_Result r) { r.r2 = see(); }"),
                withCatchAll(o, "An actor saw null or a partly built value (or get() threw), although the strategy"
                        + " promises safe publication."), false);
    }

    static Spec exactlyOnce(Strategy s) {
        List<Outcome> o = new ArrayList<>();
        o.add(Outcome.of("ACCEPTABLE", "The factory ran once; both actors got its value.", "1 created"));
        boolean mustCatch = false;
        if (s.guarantees(Guarantee.EXACTLY_ONCE)) {
            // nothing else is acceptable
        } else if (s.broken() && !s.guarantees(Guarantee.CLOSES_DUPLICATES)) {
            o.add(Outcome.of("ACCEPTABLE_INTERESTING",
                    "Duplicate creation, the incident's bug: both actors built a pool and the one the holder"
                            + " does not keep is still open, with nobody to close it.",
                    "2 created, extra left open"));
            mustCatch = true; // a harness that cannot show this has lost its teeth
        } else {
            // CLOSES_DUPLICATES, or a correct strategy that promises neither: a duplicate is tolerated only if
            // the extra was closed. A leaked pool is never acceptable from a correct strategy.
            o.add(Outcome.of("ACCEPTABLE_INTERESTING",
                    "Both actors saw no value and both built one; the one whose value was not kept closed it:"
                            + " two pools were opened for a moment, none was leaked.",
                    "2 created, extra closed"));
        }
        return new Spec("EXACTLY_ONCE", "Lazy_02_ExactlyOnce", "L_Result",
                List.of("@Actor public void actor1() { get1(); }",
                        "@Actor public void actor2() { get2(); }",
                        "@Arbiter public void arbiter(L_Result r) { r.r1 = creations(); }"),
                withCatchAll(o, "More creations than the strategy allows, an extra value left open, or get()"
                        + " threw."), mustCatch);
    }

    static Spec sameInstance(Strategy s) {
        List<Outcome> o = new ArrayList<>();
        o.add(Outcome.of("ACCEPTABLE", "Both actors hold the one shared value.", "same"));
        if (s.broken() && !s.guarantees(Guarantee.SAME_INSTANCE)) { // every correct strategy: strict
            o.add(Outcome.of("ACCEPTABLE_INTERESTING",
                    "Each actor got its own value: two pools in use where there should be one.", "different"));
        }
        return new Spec("SAME_INSTANCE", "Lazy_03_SameInstance", "L_Result",
                List.of("@Actor public void actor1() { get1(); }",
                        "@Actor public void actor2() { get2(); }",
                        "@Arbiter public void arbiter(L_Result r) { r.r1 = compare(); }"),
                withCatchAll(o, "The actors got different values, or get() threw."), false);
    }

    static Spec failureThenAccess(Strategy s) {
        List<Outcome> o = new ArrayList<>();
        if (s.guarantees(Guarantee.RETRIES_AFTER_FAILURE)) {
            o.add(Outcome.of("ACCEPTABLE",
                    "Retries: one actor met the failed first creation; the other called the factory again and"
                            + " got a value; the later get() returns that value.",
                    "failure, value, value", "value, failure, value"));
        } else {
            o.add(Outcome.of("ACCEPTABLE",
                    "Fails forever (class initialization): the initializing actor got ExceptionInInitializerError;"
                            + " the other actor and the later get() got NoClassDefFoundError; the factory never"
                            + " ran again.",
                    "ExceptionInInitializerError, NoClassDefFoundError, NoClassDefFoundError",
                    "NoClassDefFoundError, ExceptionInInitializerError, NoClassDefFoundError"));
        }
        return new Spec("FAILURE_THEN_ACCESS", "Lazy_04_FailureThenAccess", "LLL_Result",
                List.of("@Actor public void actor1(LLL_Result r) { r.r1 = attempt(); }",
                        "@Actor public void actor2(LLL_Result r) { r.r2 = attempt(); }",
                        "@Arbiter public void arbiter(LLL_Result r) { r.r3 = attempt(); }"),
                withCatchAll(o, "Not what the strategy's registry entry promises after a failed creation."),
                false);
    }

    static Spec closeVsGet(Strategy s) {
        List<Outcome> o = new ArrayList<>();
        o.add(Outcome.of("ACCEPTABLE", "get() came first and returned the value; close() closed it.",
                "closed, value, closed"));
        o.add(Outcome.of("ACCEPTABLE", "close() came first; get() refused and nothing was created.",
                "closed, IllegalStateException, nothing created"));
        o.add(Outcome.of("ACCEPTABLE",
                "close() came first while get() was already creating; get() refused and its value was closed by"
                        + " its creator.",
                "closed, IllegalStateException, closed"));
        if (!s.guarantees(Guarantee.CLOSEABLE)) {
            if (s.broken()) {
                o.add(Outcome.of("ACCEPTABLE_INTERESTING",
                        "The bug this control carries: get() created a value after close(); it is open and"
                                + " closing the holder again does not close it: a leaked pool.",
                        "closed, value, leaked", "closed, value, open until closed again"));
            } else {
                o.add(Outcome.of("ACCEPTABLE_INTERESTING",
                        "Not CLOSEABLE, as documented: close() ran before the first get(), found nothing, and"
                                + " get() then created an open value; get() still returns it and a second"
                                + " close() closes it, so it is reachable, not leaked.",
                        "closed, value, open until closed again"));
            }
        }
        return new Spec("CLOSE_VS_GET", "Lazy_05_CloseVsGet", "LLL_Result",
                List.of("@Actor public void actor1(LLL_Result r) { r.r1 = close(); }",
                        "@Actor public void actor2(LLL_Result r) { r.r2 = attempt(); }",
                        "@Arbiter public void arbiter(LLL_Result r) { r.r3 = fate(); }"),
                withCatchAll(o, "A value left open that nobody can reach or close (a leaked pool), a value"
                        + " created after close() by a CLOSEABLE strategy, or an unexpected exception."), false);
    }

    static Spec holderRace(Strategy s) {
        List<Outcome> o = new ArrayList<>();
        o.add(Outcome.of("ACCEPTABLE",
                "Both actors raced through the first initialization of a fresh holder class: one ran the"
                        + " initializer, the factory ran once, both got the same fully built value.",
                "built, built, cold, 1 created, same"));
        return new Spec("HOLDER_RACE", "Lazy_06_HolderRace", "LLL_Result",
                List.of("@Actor public void actor1(LLL_Result r) { r.r1 = see1(); }",
                        "@Actor public void actor2(LLL_Result r) { r.r2 = see2(); }",
                        "@Arbiter public void arbiter(LLL_Result r) { r.r3 = firstInitialization(); }"),
                withCatchAll(o, "A warm class at the start, more than one creation, a partly built value or"
                        + " different instances."), false);
    }

    static List<Outcome> withCatchAll(List<Outcome> o, String desc) {
        List<Outcome> all = new ArrayList<>(o);
        all.add(new Outcome(List.of(), "FORBIDDEN", desc));
        return all;
    }

    static String source(String name, Strategy s, Spec spec) {
        StringBuilder b = new StringBuilder();
        b.append("// GENERATED by jcstress/src/build/java/GenerateProofs.java from the Strategy registry. Do not edit.\n");
        b.append("package ").append(PACKAGE).append(";\n\n");
        b.append("import static org.openjdk.jcstress.annotations.Expect.*;\n\n");
        b.append("import dev.lazyinit.strategy.Strategy;\n");
        b.append("import org.openjdk.jcstress.annotations.*;\n");
        b.append("import org.openjdk.jcstress.infra.results.").append(spec.result()).append(";\n\n");
        b.append("/**\n * ").append(spec.topic()).append(" for ").append(s.name()).append(": ")
                .append(escapeHtml(s.displayName())).append(".\n *\n * <p>").append(escapeHtml(s.description()))
                .append("\n * Guarantees in the registry: ").append(s.guarantees()).append(".\n *\n")
                .append(" * <p>The interleavings and outcomes are explained in {@link ").append(spec.topic())
                .append("}.\n */\n");
        b.append("@JCStressTest\n");
        b.append("@Proof(strategy = Strategy.").append(s.name()).append(", property = Property.")
                .append(spec.property()).append(spec.mustCatch() ? ", mustCatch = true" : "").append(")\n");
        for (Outcome o : spec.outcomes()) {
            b.append("@Outcome(");
            if (!o.ids().isEmpty()) {
                b.append("id = {").append(o.ids().stream().map(GenerateProofs::quote)
                        .collect(Collectors.joining(", "))).append("}, ");
            }
            b.append("expect = ").append(o.expect()).append(", desc = ").append(quote(o.desc())).append(")\n");
        }
        b.append("@State\n");
        b.append("public class ").append(name).append(" extends ").append(spec.topic()).append(".Race {\n\n");
        b.append("    public ").append(name).append("() {\n        super(Strategy.").append(s.name())
                .append(");\n    }\n\n");
        for (String actor : spec.actors()) {
            b.append("    ").append(actor).append("\n");
        }
        b.append("}\n");
        return b.toString();
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static String escapeHtml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
