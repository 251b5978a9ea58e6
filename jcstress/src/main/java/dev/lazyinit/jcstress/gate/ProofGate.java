package dev.lazyinit.jcstress.gate;

import dev.lazyinit.jcstress.Property;
import dev.lazyinit.jcstress.Proof;
import dev.lazyinit.jcstress.shared.PoolStandIn;
import dev.lazyinit.strategy.Strategy;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.openjdk.jcstress.JCStress;
import org.openjdk.jcstress.Options;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.infra.StateCase;
import org.openjdk.jcstress.infra.Status;
import org.openjdk.jcstress.infra.TestInfo;
import org.openjdk.jcstress.infra.collectors.DiskReadCollector;
import org.openjdk.jcstress.infra.collectors.InProcessCollector;
import org.openjdk.jcstress.infra.collectors.TestResult;
import org.openjdk.jcstress.infra.grading.GradingResult;
import org.openjdk.jcstress.infra.grading.ReportUtils;
import org.openjdk.jcstress.infra.runners.TestList;

/**
 * The gate {@code mvn verify} runs: the whole JCStress suite from {@code target/jcstress.jar}, then one verdict
 * per registry strategy x property, a summary table, {@code target/jcstress-verdicts.json}, and a non-zero
 * exit status if the build must fail.
 *
 * <p>It uses JCStress's own API: {@link JCStress#run()} runs the tests and writes the HTML and text reports;
 * the binary results file it leaves behind is read back through {@link DiskReadCollector}, and every test is
 * graded with JCStress's own grading (the {@code @Outcome} annotations), so the gate adds no second opinion on
 * what an outcome means. What it adds:
 * <ul>
 *   <li><b>completeness</b>: every strategy in the registry has a proof of every property that applies to it
 *       ({@link Property#appliesTo}), checked before anything runs, and a verdict for each after the run;</li>
 *   <li><b>teeth</b>: a broken control's {@code mustCatch} proof must actually show its bad outcome;</li>
 *   <li><b>visibility</b>: sample counts per test, so the strength of each proof can be seen.</li>
 * </ul>
 *
 * <p>Verdicts: PASS (no forbidden outcome), FAIL (forbidden outcome, test error, no samples, or no proof),
 * CAUGHT (a broken control's bad outcome was observed), NOT_OBSERVED (a broken control's bad outcome did not
 * show on this hardware; fails the gate only for a {@code mustCatch} proof), N/A (property does not apply).
 */
public final class ProofGate {

    /** Settings per mode. The gate's are tuned for the 10-minute budget on a 2-CPU machine. */
    private static final Map<String, List<String>> MODES = Map.of(
            // One JVM configuration (the default tiered JIT: actors reach C2 within the first few hundred ms, and
            // forks start faster than with C2 only; JCStress doubles it into +/-UseBiasedLocking on JDKs that
            // still have biased locking), one compilation mode for both actors (-sc false), one fork with one
            // half-second iteration, no heap pre-touch, 2 CPUs: about 5 s per fork on an idle 2-CPU machine instead
            // of ~55 s per test for plain "-m quick". With 6 strategies a 1-second iteration took the JDK 17 gate
            // (62 forks) to 8 min 19 s; with 13 strategies (122 forks on JDK 17) the half-second iteration keeps it
            // near the 10-minute budget. The printed sample counts show the strength of every verdict.
            "gate", List.of("-m", "quick", "-c", "2", "-f", "1", "-iters", "1", "-time", "500", "-sc", "false",
                    "-pth", "false", "-jvmArgs", "-XX:+UnlockDiagnosticVMOptions -XX:+TieredCompilation"),
            // Release runs: the JCStress "quick" preset with everything it varies: all auto-detected JVM
            // configurations (interpreter, C1, C2, C2 stress flags) and split per-actor compilation modes.
            "deep", List.of("-m", "quick", "-c", "2"));

    private ProofGate() {
    }

    /** A proof found in the jar: the test class and what it proves. */
    private record Found(String test, Proof proof) {
    }

    /** One row of the verdicts. */
    private record Verdict(Strategy strategy, Property property, String verdict, long samples, String test,
                           Map<String, Long> observed, String note) {
    }

    /**
     * @param args {@code --mode gate|deep}, {@code --report DIR}, {@code --json FILE}
     * @throws Exception if JCStress cannot run at all
     */
    public static void main(String[] args) throws Exception {
        String mode = "gate";
        String report = "jcstress-report";
        String json = "jcstress-verdicts.json";
        String only = "";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--mode" -> mode = args[++i];
                case "--report" -> report = args[++i];
                case "--json" -> json = args[++i];
                case "--only" -> only = i + 1 < args.length && !args[i + 1].startsWith("--") ? args[++i] : "";
                default -> throw new IllegalArgumentException("Unknown argument " + args[i]
                        + "; use --mode gate|deep, --report DIR, --json FILE, --only REGEX");
            }
        }
        List<String> settings = MODES.get(mode);
        if (settings == null) {
            throw new IllegalArgumentException("Unknown mode " + mode + "; use one of " + MODES.keySet());
        }
        System.exit(new ProofGate().run(mode, settings, report, Path.of(json), only) ? 0 : 1);
    }

    private boolean run(String mode, List<String> settings, String report, Path json, String only)
            throws Exception {
        PrintStream out = System.out;

        // 1. Completeness, before spending minutes: every strategy x applicable property has exactly one proof.
        Map<Strategy, Map<Property, Found>> proofs = findProofs();
        List<String> problems = new ArrayList<>();
        for (Strategy s : Strategy.values()) {
            for (Property p : Property.values()) {
                Found f = proofs.getOrDefault(s, Map.of()).get(p);
                if (p.appliesTo(s) && f == null) {
                    problems.add("no proof of " + p.id() + " for " + s + " (expected " + p.topic() + "_" + s + ")");
                } else if (!p.appliesTo(s) && f != null) {
                    problems.add(f.test() + " proves " + p.id() + " for " + s + ", which does not apply to it");
                }
            }
        }
        if (!problems.isEmpty()) {
            out.println("[jcstress gate] FAILED: the proofs do not cover the registry:");
            problems.forEach(p -> out.println("  - " + p));
            return false;
        }

        // A strategy that cannot run on this JDK (StableValue before JDK 25) says so by throwing
        // UnsupportedOperationException from newHolder: its proofs are skipped and its verdicts are N/A.
        // Anything else it throws (a missing class, say) is a failure, not "unavailable".
        Map<Strategy, String> unavailable = new EnumMap<>(Strategy.class);
        for (Strategy s : Strategy.values()) {
            try {
                s.newHolder(PoolStandIn::new).close();
            } catch (UnsupportedOperationException e) {
                unavailable.put(s, "not available on Java " + Runtime.version().feature() + ": " + e.getMessage());
            }
        }
        // --only REGEX (developers, mutation checks): run a subset; the rest is reported N/A and the run is
        // marked partial, so it can never stand in for the gate.
        Pattern selected = Pattern.compile(only.isEmpty() ? ".*" : only);
        List<String> toRun = new ArrayList<>();
        proofs.forEach((s, byProperty) -> byProperty.values().forEach(f -> {
            if (!unavailable.containsKey(s) && selected.matcher(f.test()).find()) {
                toRun.add(f.test().replace(".", "\\."));
            }
        }));

        // 2. Run the suite.
        List<String> args = new ArrayList<>(settings);
        long allProofs = proofs.values().stream().mapToLong(Map::size).sum();
        args.addAll(List.of("-r", report, "-t", toRun.size() == allProofs ? ".*" : "^(" + String.join("|", toRun) + ")$"));
        // JCStress passes this JVM's own options on to every fork, so on JDK 22+ the Maven profile's
        // --enable-native-access=ALL-UNNAMED (JNA, for CPU affinity) reaches the forks without help.
        String runSettings = mode + ": " + String.join(" ", args.subList(0, settings.size()))
                + (only.isEmpty() ? "" : " (PARTIAL RUN, --only " + only + ")");
        out.println("[jcstress gate] mode " + runSettings);
        Options opts = new Options(args.toArray(new String[0]));
        if (!opts.parse()) {
            throw new IllegalStateException("JCStress rejected the options " + args);
        }
        long start = System.nanoTime();
        try {
            new JCStress(opts).run();
        } catch (AssertionError e) {
            // JCStress's own report throws on forbidden outcomes and errors; the verdicts below show them.
            out.println("[jcstress gate] JCStress reported failures; see the verdicts below.");
        }
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;

        // 3. Read the results back and grade every proof.
        Map<String, List<TestResult>> byTest = readResults(opts.getResultFile());
        List<Verdict> verdicts = new ArrayList<>();
        for (Strategy s : Strategy.values()) {
            for (Property p : Property.values()) {
                Found f = proofs.getOrDefault(s, Map.of()).get(p);
                if (f == null) {
                    verdicts.add(new Verdict(s, p, "N/A", 0, "", Map.of(), p.id() + " does not apply to " + s.name()));
                } else if (unavailable.containsKey(s)) {
                    verdicts.add(new Verdict(s, p, "N/A", 0, f.test(), Map.of(), unavailable.get(s)));
                } else if (!selected.matcher(f.test()).find()) {
                    verdicts.add(new Verdict(s, p, "N/A", 0, f.test(), Map.of(), "not selected by --only " + only));
                } else {
                    verdicts.add(judge(s, p, f, byTest.get(f.test())));
                }
            }
        }

        // 4. Report.
        printSummary(out, verdicts, runSettings, seconds);
        writeJson(json, verdicts, runSettings);
        out.println("[jcstress gate] HTML report: " + Path.of(report).toAbsolutePath().normalize().resolve("index.html"));
        out.println("[jcstress gate] verdicts:    " + json.toAbsolutePath().normalize());

        List<String> failures = new ArrayList<>();
        for (Verdict v : verdicts) {
            Found f = proofs.getOrDefault(v.strategy(), Map.of()).get(v.property());
            if (v.verdict().equals("FAIL")) {
                failures.add(v.strategy() + " " + v.property().id() + ": " + v.note());
            } else if (v.verdict().equals("NOT_OBSERVED") && f != null && f.proof().mustCatch()) {
                failures.add(v.strategy() + " " + v.property().id() + ": the broken control's bad outcome was never"
                        + " observed, so this harness can no longer catch the bug (" + v.note() + ")");
            }
        }
        if (failures.isEmpty()) {
            out.println(only.isEmpty() ? "[jcstress gate] PASSED"
                    : "[jcstress gate] partial run (--only " + only + ") without failures; not a gate result");
            return true;
        }
        out.println("[jcstress gate] FAILED:");
        failures.forEach(x -> out.println("  - " + x));
        return false;
    }

    private static Map<Strategy, Map<Property, Found>> findProofs() throws ClassNotFoundException {
        Map<Strategy, Map<Property, Found>> proofs = new EnumMap<>(Strategy.class);
        ClassLoader loader = ProofGate.class.getClassLoader();
        for (String test : TestList.tests()) {
            TestInfo info = TestList.getInfo(test);
            Proof proof = Class.forName(info.binaryName(), false, loader).getAnnotation(Proof.class);
            if (proof == null) {
                continue; // a JCStress test that is not one of our proofs
            }
            Found previous = proofs.computeIfAbsent(proof.strategy(), k -> new EnumMap<>(Property.class))
                    .put(proof.property(), new Found(test, proof));
            if (previous != null) {
                throw new IllegalStateException(test + " and " + previous.test() + " both prove "
                        + proof.property().id() + " for " + proof.strategy());
            }
        }
        return proofs;
    }

    private static Map<String, List<TestResult>> readResults(String file) throws Exception {
        Map<String, List<TestResult>> byTest = new TreeMap<>();
        if (!Files.exists(Path.of(file))) {
            return byTest; // JCStress ran nothing: every proof gets "no result"
        }
        InProcessCollector collector = new InProcessCollector();
        DiskReadCollector reader = new DiskReadCollector(file, collector);
        reader.dump();
        reader.close();
        for (TestResult r : collector.getTestResults()) {
            byTest.computeIfAbsent(r.getName(), k -> new ArrayList<>()).add(r);
        }
        return byTest;
    }

    private static Verdict judge(Strategy s, Property p, Found f, List<TestResult> results) {
        if (results == null || results.isEmpty()) {
            return new Verdict(s, p, "FAIL", 0, f.test(), Map.of(), "no result: the test did not run");
        }
        for (TestResult r : results) {
            if (r.status() != Status.NORMAL) {
                return new Verdict(s, p, "FAIL", 0, f.test(), Map.of(),
                        "test error " + r.status() + " " + String.join(" | ", r.getMessages()).lines()
                                .findFirst().orElse(""));
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
            return new Verdict(s, p, "FAIL", 0, f.test(), observed, "no samples");
        }
        if (!forbidden.isEmpty()) {
            return new Verdict(s, p, "FAIL", samples, f.test(), observed, "forbidden: " + String.join("; ", forbidden));
        }
        boolean declaresBug = declaresInteresting(f.test());
        if (s.broken() && declaresBug) {
            return interesting > 0
                    ? new Verdict(s, p, "CAUGHT", samples, f.test(), observed,
                            "bad outcome observed " + interesting + " times")
                    : new Verdict(s, p, "NOT_OBSERVED", samples, f.test(), observed,
                            "bad outcome allowed by the JMM but not observed in " + samples + " samples"
                                    + (f.proof().mustCatch() ? "" : " (documented for this hardware)"));
        }
        String note = interesting > 0
                ? "interesting outcome observed " + interesting + " times (allowed for this strategy)"
                : s.broken() ? "this control holds this property" : "no forbidden outcome";
        return new Verdict(s, p, "PASS", samples, f.test(), observed, note);
    }

    private static boolean declaresInteresting(String test) {
        Collection<StateCase> cases = TestList.getInfo(test).cases();
        return cases.stream().anyMatch(c -> c.expect() == Expect.ACCEPTABLE_INTERESTING);
    }

    private static void printSummary(PrintStream out, List<Verdict> verdicts, String settings, long seconds) {
        out.println();
        out.println("=== JCStress proofs: strategy x property -> verdict (samples) ===");
        out.println("mode " + settings + "; JCStress run took " + seconds + " s");
        int first = 24;
        int col = 22;
        StringBuilder head = new StringBuilder(pad("strategy", first));
        for (Property p : Property.values()) {
            head.append(pad(p.id(), col));
        }
        out.println(head.toString().stripTrailing());
        Map<Strategy, Map<Property, Verdict>> grid = new LinkedHashMap<>();
        for (Verdict v : verdicts) {
            grid.computeIfAbsent(v.strategy(), k -> new EnumMap<>(Property.class)).put(v.property(), v);
        }
        for (Map.Entry<Strategy, Map<Property, Verdict>> row : grid.entrySet()) {
            StringBuilder line = new StringBuilder(pad(row.getKey().name(), first));
            for (Property p : Property.values()) {
                Verdict v = row.getValue().get(p);
                line.append(pad(v.verdict().equals("N/A") ? "N/A" : v.verdict() + " " + human(v.samples()), col));
            }
            out.println(line.toString().stripTrailing());
        }
        out.println();
        out.println("Per test: samples and observed outcomes");
        for (Verdict v : verdicts) {
            if (v.verdict().equals("N/A")) {
                continue;
            }
            out.printf(Locale.ROOT, "  %-48s %-12s %,14d  %s%n", simpleName(v.test()), v.verdict(), v.samples(),
                    v.note());
            v.observed().forEach((id, n) -> out.printf(Locale.ROOT, "      %,14d  %s%n", n, id));
        }
        out.println();
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

    private static void writeJson(Path file, List<Verdict> verdicts, String settings) throws IOException {
        StringBuilder b = new StringBuilder();
        b.append("{\n");
        b.append("  \"mode\": ").append(str(settings)).append(",\n");
        b.append("  \"jvm\": ").append(str(System.getProperty("java.version") + " "
                + System.getProperty("java.vendor"))).append(",\n");
        b.append("  \"generatedAt\": ").append(str(Instant.now().toString())).append(",\n");
        b.append("  \"verdicts\": [\n");
        for (int i = 0; i < verdicts.size(); i++) {
            Verdict v = verdicts.get(i);
            b.append("    {\"strategy\": ").append(str(v.strategy().name()))
                    .append(", \"property\": ").append(str(v.property().id()))
                    .append(", \"verdict\": ").append(str(v.verdict()))
                    .append(", \"samples\": ").append(v.samples())
                    .append(", \"test\": ").append(str(v.test()))
                    .append(", \"observed\": {");
            int j = 0;
            for (Map.Entry<String, Long> e : v.observed().entrySet()) {
                b.append(j++ == 0 ? "" : ", ").append(str(e.getKey())).append(": ").append(e.getValue());
            }
            b.append("}, \"note\": ").append(str(v.note())).append("}")
                    .append(i + 1 < verdicts.size() ? ",\n" : "\n");
        }
        b.append("  ]\n}\n");
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
    }

    private static String str(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
