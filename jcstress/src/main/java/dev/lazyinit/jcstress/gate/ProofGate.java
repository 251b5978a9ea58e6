package dev.lazyinit.jcstress.gate;

import dev.lazyinit.harness.contract.Codec;
import dev.lazyinit.harness.contract.Layer;
import dev.lazyinit.harness.contract.ProofVerdicts.ProofVerdict;
import dev.lazyinit.harness.contract.ProofVerdicts;
import dev.lazyinit.harness.contract.StaticVerdicts;
import dev.lazyinit.harness.staticlayer.StaticLayer;
import dev.lazyinit.jcstress.gate.ProofCatalog.Found;
import dev.lazyinit.strategy.Property;
import dev.lazyinit.strategy.Strategy;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * The gate {@code mvn verify} runs: the whole JCStress suite from {@code target/jcstress.jar}, then one verdict
 * per registry strategy x property, a summary table, {@code target/jcstress-verdicts.json}, and a non-zero exit
 * status if the build must fail.
 *
 * <p>JCStress runs the tests, writes its reports and grades every sample by the tests' {@code @Outcome}s
 * ({@link SuiteRun}, {@link Judge}). What the gate adds:
 * <ul>
 *   <li><b>completeness</b>: every strategy in the registry has a proof of every property that applies to it
 *       ({@link Property#appliesTo}), checked before anything runs ({@link ProofCatalog}), and a verdict for each
 *       after the run;</li>
 *   <li><b>teeth</b>: a broken control's {@code mustCatch} proof must actually show its bad outcome, and the teeth
 *       table ({@link TeethTable}) must show every guarantee a control violates caught by a layer that must catch it
 *       (this one, the static layer or the store tests: {@link Layer});</li>
 *   <li><b>exercise</b>: a correct strategy's {@code mustSee} outcome (the path its claim is about) must have been
 *       seen, or its PASS would rest on a path never taken;</li>
 *   <li><b>visibility</b>: sample counts per test, so the strength of each proof can be seen ({@link Summary}).</li>
 * </ul>
 */
@Command(name = "ProofGate", description = "Runs the JCStress proofs and fails on a bad verdict.",
        subcommands = {MergeVerdicts.class, ObservedTables.class})
public final class ProofGate implements Callable<Integer> {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "this help")
    private boolean help;

    @Option(names = "--mode", paramLabel = "gate|deep", description = "gate (the build's settings) or deep (release)")
    private Mode mode = Mode.GATE;

    @Option(names = "--report", paramLabel = "DIR", description = "JCStress's HTML and text report")
    private Path report = Path.of("jcstress-report");

    @Option(names = "--json", paramLabel = "FILE", description = "the verdicts file")
    private Path json = Path.of("jcstress-verdicts.json");

    // The pom passes "--only ${jcstress.only}", which is a bare "--only" when the property is empty.
    @Option(names = "--only", paramLabel = "REGEX", arity = "0..1", fallbackValue = "",
            description = "run only the matching proofs: a partial run, never a gate result")
    private String only = "";

    @Option(names = "--static", paramLabel = "FILE",
            description = "the static layer's verdicts (store module): one more column, and the static rows of the"
                    + " teeth table")
    private Path staticVerdicts;

    @Option(names = "--dynamic", paramLabel = "FILE",
            description = "the dynamic layer's verdicts (store module, VMLens): one more column, and the dynamic rows"
                    + " of the teeth table")
    private Path dynamicVerdicts;

    @Option(names = "--provided-static", paramLabel = "FILE",
            description = "the static layer's verdicts over the providers' strategies (example-provider module),"
                    + " merged into the store module's where the file exists")
    private Path providedStatic;

    @Option(names = "--provided-dynamic", paramLabel = "FILE",
            description = "the dynamic layer's verdicts over the providers' strategies (example-provider module),"
                    + " merged into the store module's where the file exists")
    private Path providedDynamic;

    @Option(names = "--provider-tests", paramLabel = "DIR",
            description = "example-provider's Surefire reports: their failed tests fail the gate, after every verdict"
                    + " is printed (with a user's holder jar those tests do not stop the build themselves)")
    private Path providerTests;

    @Option(names = "--spotbugs", paramLabel = "FILE",
            description = "SpotBugs' report (store module), judged with the static layer's own rules when it is newer"
                    + " than the --static file or that file is missing (the store tests, which write it, were skipped)")
    private Path spotbugs;

    @Option(names = "--store-teeth", paramLabel = "DIR",
            description = "the store tests' teeth rows: every *.json in DIR, each a teeth file")
    private Path storeTeeth;

    @Option(names = "--teeth", paramLabel = "FILE", description = "the teeth table, written as a teeth file")
    private Path teeth = Path.of("teeth.json");

    private final PrintStream out = System.out;

    /**
     * @param args {@code --mode gate|deep}, {@code --report DIR}, {@code --json FILE}, {@code --only [REGEX]},
     *        {@code --static FILE}, {@code --dynamic FILE}, {@code --spotbugs FILE}, {@code --store-teeth DIR}, {@code --teeth FILE}
     */
    public static void main(String[] args) {
        System.exit(new CommandLine(new ProofGate()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        // 1. Completeness, before spending minutes: every strategy x applicable property has exactly one proof.
        ProofCatalog catalog = ProofCatalog.load();
        List<String> problems = catalog.coverageProblems();
        if (!problems.isEmpty()) {
            out.println("[jcstress gate] FAILED: the proofs do not cover the registry:");
            problems.forEach(p -> out.println("  - " + p));
            return 1;
        }

        // --only REGEX (developers, mutation checks): run a subset; the rest is reported N/A and the run is
        // marked partial, so it can never stand in for the gate. A filter that selects nothing is a mistake (a
        // typo would otherwise give an empty, green run).
        Pattern selected;
        try {
            selected = Pattern.compile(only.isEmpty() ? ".*" : only);
        } catch (PatternSyntaxException e) {
            out.println("[jcstress gate] FAILED: --only " + only + " is not a regular expression: " + e.getDescription());
            return 2;
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
            out.println("[jcstress gate] FAILED: --only " + only + " selects no proof this JVM can run, so nothing"
                    + " would be tested: " + (matchedUnavailable.isEmpty()
                            ? "it matches none of the " + all.size() + " proofs (named Lazy_0N_<Property>_<STRATEGY>,"
                                    + " e.g. " + all.get(0).simpleName() + ")"
                            : "it matches only proofs of " + String.join("; ", matchedUnavailable)));
            return 2;
        }

        // 2. Run the suite.
        List<String> options = new ArrayList<>(mode.options());
        options.addAll(List.of("-r", report.toString(),
                "-t", toRun.size() == all.size() ? ".*" : "^(" + String.join("|", toRun) + ")$"));
        String settings = mode.id() + ": " + String.join(" ", mode.options())
                + (only.isEmpty() ? "" : " (PARTIAL RUN, --only " + only + ")");
        out.println("[jcstress gate] mode " + settings);
        SuiteRun run = SuiteRun.run(options, out);

        // 3. Grade every proof.
        List<ProofVerdict> verdicts = new ArrayList<>();
        for (Strategy s : Strategy.values()) {
            for (Property p : Property.values()) {
                verdicts.add(verdict(catalog, run, selected, s, p));
            }
        }

        // 4. Report: every PASS with its strength (could it have failed here?), then the table and the file.
        verdicts = ProofVerdicts.withStrength(verdicts);
        TeethInput<StaticVerdicts> staticLayer = withProvided(staticLayer(), providedStatic);
        TeethInput<StaticVerdicts> dynamicLayer = withProvided(dynamicLayer(), providedDynamic);
        // a publication PASS that JCStress could not have failed here may rest on a layer that could, and did not
        Map<Layer, StaticVerdicts> layers = new EnumMap<>(Layer.class);
        staticLayer.rows().ifPresent(v -> layers.put(Layer.STATIC, v));
        dynamicLayer.rows().ifPresent(v -> layers.put(Layer.DYNAMIC, v));
        verdicts = ProofVerdicts.withLayers(verdicts, layers);
        Summary.print(out, verdicts, staticLayer.rows(), dynamicLayer.rows(), settings, run.seconds());
        Codec.write(json, new ProofVerdicts(ProofVerdicts.FORMAT, settings,
                System.getProperty("java.version") + " " + System.getProperty("java.vendor"),
                System.getProperty("os.arch"), System.getProperty("os.name") + " " + System.getProperty("os.version"),
                Instant.now().toString(), GitCommit.current(), verdicts));
        out.println("[jcstress gate] HTML report: " + report.toAbsolutePath().normalize().resolve("index.html"));
        out.println("[jcstress gate] verdicts:    " + json.toAbsolutePath().normalize());

        // 5. Teeth: every guarantee a control violates must be caught by a layer that must catch it.
        TeethTable table = TeethTable.build(verdicts, Judge::isBugOutcome,
                only.isEmpty() ? null : "--only " + only, staticLayer, dynamicLayer, StoreTeethReader.read(storeTeeth));
        TeethPrinter.print(table, out);
        Codec.write(teeth, table.teeth());
        out.println("[jcstress gate] teeth:       " + teeth.toAbsolutePath().normalize());

        List<String> failures = new ArrayList<>();
        for (ProofVerdict v : verdicts) {
            String failure = Judge.failure(v, catalog.find(Strategy.valueOf(v.strategy()), v.property()).orElse(null));
            if (failure != null) {
                failures.add(failure);
            }
        }
        failures.addAll(table.failures());
        failures.addAll(ProviderTests.failures(providerTests));
        if (failures.isEmpty()) {
            out.println(only.isEmpty() ? "[jcstress gate] PASSED"
                    : "[jcstress gate] partial run (--only " + only + ") without failures; not a gate result");
            return 0;
        }
        out.println("[jcstress gate] FAILED:");
        failures.forEach(x -> out.println("  - " + x));
        return 1;
    }

    /**
     * The static layer's verdicts: the store build's file, or, where that is missing or older than SpotBugs' report
     * (the store tests that write it did not run), that report judged here by the same rules ({@link StaticLayer}).
     */
    private TeethInput<StaticVerdicts> staticLayer() throws IOException {
        if (staticVerdicts == null && spotbugs == null) {
            return TeethInput.missing("not given (--static): the static rows cannot be judged", true);
        }
        boolean file = staticVerdicts != null && Files.isRegularFile(staticVerdicts);
        boolean report = spotbugs != null && Files.isRegularFile(spotbugs);
        if (report && (!file || Files.getLastModifiedTime(spotbugs).compareTo(
                Files.getLastModifiedTime(staticVerdicts)) > 0)) {
            return TeethInput.of(StaticLayer.judge(spotbugs, "the store build's SpotBugs settings, judged by the"
                            + " gate with the static layer's rules"),
                    spotbugs.toAbsolutePath().normalize() + ", judged by the gate with the static layer's rules"
                            + " (" + (file ? "newer than " + staticVerdicts.getFileName() : "the store tests, which"
                            + " write " + (staticVerdicts == null ? "the verdicts file" : staticVerdicts.getFileName())
                            + ", did not run") + ")");
        }
        if (file) {
            return TeethInput.of(Codec.read(staticVerdicts, StaticVerdicts.class, StaticVerdicts.FORMAT),
                    staticVerdicts.toAbsolutePath().normalize().toString());
        }
        return TeethInput.missing("neither " + (staticVerdicts == null ? "--static" : staticVerdicts.toAbsolutePath()
                .normalize()) + " nor " + (spotbugs == null ? "--spotbugs" : spotbugs.toAbsolutePath().normalize())
                + " exists: the static layer"
                + " runs in the store module's build (./mvnw -pl jcstress -am verify builds it)", false);
    }

    /**
     * The dynamic layer's verdicts: the store build's file ({@code DynamicLayerTest} writes it). Where it is missing
     * (the store tests were skipped), its rows cannot be judged and say so; the static layer's rows still must
     * catch the publication controls.
     */
    private TeethInput<StaticVerdicts> dynamicLayer() throws IOException {
        if (dynamicVerdicts == null) {
            return TeethInput.missing("not given (--dynamic): the dynamic rows cannot be judged", true);
        }
        if (!Files.isRegularFile(dynamicVerdicts)) {
            return TeethInput.missing(dynamicVerdicts.toAbsolutePath().normalize() + " does not exist: the"
                    + " store tests, which write it (DynamicLayerTest), did not run", true);
        }
        return TeethInput.of(Codec.read(dynamicVerdicts, StaticVerdicts.class, StaticVerdicts.FORMAT),
                dynamicVerdicts.toAbsolutePath().normalize().toString());
    }

    /**
     * A layer's verdicts with those example-provider's run wrote over the providers' strategies merged in, where
     * that file exists (the providers' tests ran) and the store module's verdicts were read.
     */
    private static TeethInput<StaticVerdicts> withProvided(TeethInput<StaticVerdicts> store, Path provided)
            throws IOException {
        if (store.rows().isEmpty() || provided == null || !Files.isRegularFile(provided)) {
            return store;
        }
        StaticVerdicts theirs = Codec.read(provided, StaticVerdicts.class, StaticVerdicts.FORMAT);
        return TeethInput.of(StaticVerdicts.merge(List.of(store.rows().get(), theirs)),
                store.source() + " + " + provided.toAbsolutePath().normalize());
    }

    private ProofVerdict verdict(ProofCatalog catalog, SuiteRun run, Pattern selected, Strategy s, Property p) {
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
