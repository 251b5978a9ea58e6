package dev.lazyinit.jcstress.build;

import dev.lazyinit.harness.contract.Property;
import dev.lazyinit.jcstress.Outcomes;
import dev.lazyinit.jcstress.Topic;
import dev.lazyinit.strategy.Strategy;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;

/**
 * Prints the JCStress test classes from the proof classes ({@link Topic}): for every strategy in the registry and
 * every proof whose property applies to it, one class {@code <Proof>_<STRATEGY>} that extends the proof class and
 * carries what JCStress reads from the test class itself: {@code @JCStressTest}, the {@code @Outcome}s the proof's
 * {@code outcomes(Strategy)} declares for that strategy, {@code @State}, a constructor naming the strategy, and the
 * proof's actors re-declared as calls to the inherited ones. Nothing about a proof is decided here.
 *
 * <p>Run by {@code GenerateProofs} at generate-sources, from classes it has just compiled.
 */
public final class ProofWriter {

    private static final String PACKAGE = Topic.class.getPackageName();

    private ProofWriter() {
    }

    /** A proof class, checked. */
    private record ProofClass(Class<?> type, Property property, Method outcomes, List<Method> actors,
                              Method arbiter) {
    }

    /**
     * @param args the folder the proof classes were compiled to, the folder to write the tests to
     * @throws Exception if a proof class is malformed, or the tests cannot be written
     */
    public static void main(String[] args) throws Exception {
        Path classes = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Map<Property, ProofClass> proofs = proofClasses(classes);

        Path dir = out.resolve(PACKAGE.replace('.', '/'));
        deleteRecursively(out); // no stale test of a strategy that left the registry
        Files.createDirectories(dir);
        int count = 0;
        for (Strategy s : Strategy.values()) {
            for (ProofClass proof : proofs.values()) {
                if (proof.property().appliesTo(s)) {
                    String name = proof.type().getSimpleName() + "_" + s.name();
                    Files.writeString(dir.resolve(name + ".java"), source(name, proof, s, outcomes(proof, s)),
                            StandardCharsets.UTF_8);
                    count++;
                }
            }
        }
        System.out.println("GenerateProofs: " + count + " JCStress tests from " + proofs.size() + " proofs for "
                + Strategy.values().length + " strategies in " + dir);
    }

    /** Finds the proof classes among the compiled classes of the proof package: one per property. */
    private static Map<Property, ProofClass> proofClasses(Path classes) throws IOException, ClassNotFoundException {
        Map<Property, ProofClass> proofs = new EnumMap<>(Property.class);
        List<String> problems = new ArrayList<>();
        Path dir = classes.resolve(PACKAGE.replace('.', '/'));
        List<String> names;
        try (Stream<Path> files = Files.list(dir)) {
            names = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".class") && !n.contains("$"))
                    .map(n -> PACKAGE + "." + n.substring(0, n.length() - ".class".length()))
                    .sorted().toList();
        }
        for (String name : names) {
            Class<?> type = Class.forName(name, false, ProofWriter.class.getClassLoader());
            Topic topic = type.getAnnotation(Topic.class);
            if (topic == null) {
                continue;
            }
            ProofClass proof = check(type, topic.value(), problems);
            ProofClass previous = proofs.put(topic.value(), proof);
            if (previous != null) {
                problems.add(type.getSimpleName() + " and " + previous.type().getSimpleName() + " both prove "
                        + topic.value());
            }
        }
        for (Property p : Property.values()) {
            if (!proofs.containsKey(p)) {
                problems.add("no proof class is annotated @Topic(Property." + p.name() + "): add a Lazy_0N_* class"
                        + " for it (see Topic)");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("GenerateProofs: the proof classes are not as Topic describes:\n  - "
                    + String.join("\n  - ", problems));
        }
        return proofs;
    }

    private static ProofClass check(Class<?> type, Property property, List<String> problems) {
        String n = type.getSimpleName();
        int mod = type.getModifiers();
        if (!Modifier.isPublic(mod) || !Modifier.isAbstract(mod)) {
            problems.add(n + " must be public abstract: the generated tests extend it");
        }
        try {
            Constructor<?> c = type.getDeclaredConstructor(Strategy.class);
            if (Modifier.isPrivate(c.getModifiers())) {
                problems.add(n + "(Strategy) must not be private");
            }
        } catch (NoSuchMethodException e) {
            problems.add(n + " needs a constructor taking the Strategy under test");
        }
        Method outcomes = null;
        try {
            outcomes = type.getMethod("outcomes", Strategy.class);
            if (!Modifier.isStatic(outcomes.getModifiers()) || outcomes.getReturnType() != Outcomes.class) {
                problems.add(n + ".outcomes(Strategy) must be public static and return Outcomes");
            }
        } catch (NoSuchMethodException e) {
            problems.add(n + " needs public static Outcomes outcomes(Strategy)");
        }
        List<Method> actors = new ArrayList<>();
        Method arbiter = null;
        for (Method m : type.getDeclaredMethods()) {
            boolean actor = m.isAnnotationPresent(Actor.class);
            boolean arbiterMethod = m.isAnnotationPresent(Arbiter.class);
            if (!actor && !arbiterMethod) {
                continue;
            }
            int mm = m.getModifiers();
            if (!Modifier.isPublic(mm) || Modifier.isStatic(mm) || Modifier.isFinal(mm)
                    || m.getReturnType() != void.class) {
                problems.add(n + "." + m.getName() + " must be public void, not static, not final");
            }
            if (actor) {
                actors.add(m);
            } else if (arbiter != null) {
                problems.add(n + " has two @Arbiter methods");
            } else {
                arbiter = m;
            }
        }
        if (actors.isEmpty()) {
            problems.add(n + " has no @Actor method");
        }
        actors.sort(Comparator.comparing(Method::getName));
        return new ProofClass(type, property, outcomes, actors, arbiter);
    }

    private static Outcomes outcomes(ProofClass proof, Strategy s) throws ReflectiveOperationException {
        String where = proof.type().getSimpleName() + ".outcomes(" + s.name() + ")";
        Outcomes o;
        try {
            o = (Outcomes) proof.outcomes().invoke(null, s);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("GenerateProofs: " + where + " failed: " + e.getCause(), e.getCause());
        }
        if (o == null || !o.isComplete()) {
            throw new IllegalStateException("GenerateProofs: " + where + " must end with forbidEverythingElse(...)");
        }
        // The gate reads a broken control's interesting outcomes as its bug (CAUGHT / NOT_OBSERVED): keep the
        // declaration saying the same thing.
        if (s.broken() && o.declares(Outcomes.Kind.INTERESTING)) {
            throw new IllegalStateException("GenerateProofs: " + where + " declares interesting() for a broken"
                    + " control; what a broken control may show beyond the acceptable is its bug: use bug()");
        }
        if (!s.broken() && o.declares(Outcomes.Kind.BUG)) {
            throw new IllegalStateException("GenerateProofs: " + where + " declares bug() for a correct strategy;"
                    + " use interesting() for what it may show, or leave the outcome forbidden");
        }
        return o;
    }

    private static String source(String name, ProofClass proof, Strategy s, Outcomes o) {
        String topic = proof.type().getSimpleName();
        TreeSet<String> imports = new TreeSet<>(List.of("dev.lazyinit.harness.contract.Property",
                "dev.lazyinit.strategy.Strategy", "org.openjdk.jcstress.annotations.*"));
        List<Method> methods = new ArrayList<>(proof.actors());
        if (proof.arbiter() != null) {
            methods.add(proof.arbiter());
        }
        for (Method m : methods) {
            for (Class<?> p : m.getParameterTypes()) {
                String pkg = p.getPackageName();
                if (!p.isPrimitive() && !pkg.equals("java.lang") && !pkg.equals(PACKAGE)) {
                    imports.add(p.getCanonicalName());
                }
            }
        }

        StringBuilder b = new StringBuilder();
        b.append("// GENERATED at build time from ").append(topic).append(".java and the Strategy registry.")
                .append(" Do not edit: edit ").append(topic).append(".\n");
        b.append("package ").append(PACKAGE).append(";\n\n");
        b.append("import static org.openjdk.jcstress.annotations.Expect.*;\n\n");
        for (String i : imports) {
            b.append("import ").append(i).append(";\n");
        }
        b.append("\n");
        b.append("/**\n * {@link ").append(topic).append("} for ").append(s.name()).append(": ")
                .append(escapeHtml(s.displayName())).append(".\n *\n * <p>").append(escapeHtml(s.description()))
                .append("\n * Guarantees in the registry: ").append(s.guarantees()).append(".\n */\n");
        b.append("@JCStressTest\n");
        b.append("@Proof(strategy = \"").append(s.name()).append("\", property = Property.")
                .append(proof.property().name()).append(o.isMustCatch() ? ", mustCatch = true" : "");
        if (!o.mustSeeIds().isEmpty()) {
            b.append(", mustSee = {").append(o.mustSeeIds().stream().map(ProofWriter::quote)
                    .collect(Collectors.joining(", "))).append("}");
        }
        b.append(")\n");
        for (Outcomes.Line line : o.lines()) {
            b.append("@Outcome(");
            if (!line.ids().isEmpty()) {
                b.append("id = {").append(line.ids().stream().map(ProofWriter::quote)
                        .collect(Collectors.joining(", "))).append("}, ");
            }
            b.append("expect = ").append(line.kind().expect().name()).append(", desc = ")
                    .append(quote(line.desc())).append(")\n");
        }
        b.append("@State\n");
        b.append("public class ").append(name).append(" extends ").append(topic).append(" {\n\n");
        // looked up once per class, not per state object: a provider's strategy has no constant to name
        b.append("    private static final Strategy STRATEGY = Strategy.valueOf(\"").append(s.name())
                .append("\");\n\n");
        b.append("    public ").append(name).append("() {\n        super(STRATEGY);\n    }\n\n");
        for (Method m : methods) {
            b.append("    @").append(m.isAnnotationPresent(Actor.class) ? "Actor" : "Arbiter").append(" @Override ")
                    .append(redeclare(m)).append("\n");
        }
        b.append("}\n");
        return b.toString();
    }

    /** @return {@code public void actor1(LL_Result r) { super.actor1(r); }} */
    private static String redeclare(Method m) {
        Class<?>[] types = m.getParameterTypes();
        List<String> params = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < types.length; i++) {
            String param = i == 0 ? "r" : "p" + i;
            params.add(types[i].getSimpleName() + " " + param);
            names.add(param);
        }
        return "public void " + m.getName() + "(" + String.join(", ", params) + ") { super." + m.getName() + "("
                + String.join(", ", names) + "); }";
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String escapeHtml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> old = Files.walk(dir)) {
            for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
