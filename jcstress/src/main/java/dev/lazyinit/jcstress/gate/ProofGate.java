package dev.lazyinit.jcstress.gate;

import dev.lazyinit.harness.contract.Codec;
import dev.lazyinit.harness.contract.ProofVerdicts.ProofVerdict;
import dev.lazyinit.harness.contract.ProofVerdicts;
import dev.lazyinit.harness.contract.StaticVerdicts;
import dev.lazyinit.jcstress.gate.ProofCatalog.Found;
import dev.lazyinit.strategy.Property;
import dev.lazyinit.strategy.Strategy;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
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
 *   <li><b>teeth</b>: a broken control's {@code mustCatch} proof must actually show its bad outcome;</li>
 *   <li><b>visibility</b>: sample counts per test, so the strength of each proof can be seen ({@link Summary}).</li>
 * </ul>
 */
@Command(name = "ProofGate", description = "Runs the JCStress proofs and fails on a bad verdict.",
        subcommands = MergeVerdicts.class)
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
            description = "the static layer's verdicts (store module), shown as one more column if the file exists")
    private Path staticVerdicts;

    private final PrintStream out = System.out;

    /**
     * @param args {@code --mode gate|deep}, {@code --report DIR}, {@code --json FILE}, {@code --only [REGEX]}
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
        // marked partial, so it can never stand in for the gate.
        Pattern selected = Pattern.compile(only.isEmpty() ? ".*" : only);
        List<String> toRun = new ArrayList<>();
        List<Found> all = catalog.all();
        for (Found f : all) {
            if (catalog.unavailable(f.proof().strategy()).isEmpty() && selected.matcher(f.test()).find()) {
                toRun.add(f.test().replace(".", "\\."));
            }
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
        Optional<StaticVerdicts> staticLayer = staticVerdicts != null && Files.exists(staticVerdicts)
                ? Optional.of(Codec.read(staticVerdicts, StaticVerdicts.class, StaticVerdicts.FORMAT))
                : Optional.empty();
        Summary.print(out, verdicts, staticLayer, settings, run.seconds());
        Codec.write(json, new ProofVerdicts(ProofVerdicts.FORMAT, settings,
                System.getProperty("java.version") + " " + System.getProperty("java.vendor"),
                System.getProperty("os.arch"), System.getProperty("os.name") + " " + System.getProperty("os.version"),
                Instant.now().toString(), verdicts));
        out.println("[jcstress gate] HTML report: " + report.toAbsolutePath().normalize().resolve("index.html"));
        out.println("[jcstress gate] verdicts:    " + json.toAbsolutePath().normalize());

        List<String> failures = new ArrayList<>();
        for (ProofVerdict v : verdicts) {
            String failure = Judge.failure(v, catalog.find(Strategy.valueOf(v.strategy()), v.property()).orElse(null));
            if (failure != null) {
                failures.add(failure);
            }
        }
        if (failures.isEmpty()) {
            out.println(only.isEmpty() ? "[jcstress gate] PASSED"
                    : "[jcstress gate] partial run (--only " + only + ") without failures; not a gate result");
            return 0;
        }
        out.println("[jcstress gate] FAILED:");
        failures.forEach(x -> out.println("  - " + x));
        return 1;
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
