package dev.lazyinit.jcstress.gate;

import dev.lazyinit.harness.contract.Codec;
import dev.lazyinit.harness.contract.Layer;
import dev.lazyinit.harness.contract.ProofVerdicts;
import dev.lazyinit.harness.contract.ProofVerdicts.ProofVerdict;
import dev.lazyinit.harness.contract.Property;
import dev.lazyinit.harness.contract.ResultsLayout;
import dev.lazyinit.strategy.Strategy;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

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
 *
 * <p>{@link #call()} reads as the run goes: check the catalog, select the proofs ({@link ProofSelection}), run them,
 * grade them, read the other layers' verdicts ({@link LayerInputs}), report, judge the teeth, and exit.
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

    @Option(names = "--project", paramLabel = "DIR",
            description = "the project's root: each layer's file is read where its module writes it (ResultsLayout);"
                    + " --static, --dynamic, --provided-static, --provided-dynamic, --spotbugs and --store-teeth"
                    + " name another file instead")
    private Path project;

    @Option(names = "--static", paramLabel = "FILE",
            description = "the static layer's verdicts (conformance module): one more column, and the static rows of"
                    + " the teeth table")
    private Path staticVerdicts;

    @Option(names = "--dynamic", paramLabel = "FILE",
            description = "the dynamic layer's verdicts (conformance module, VMLens): one more column, and the dynamic"
                    + " rows of the teeth table")
    private Path dynamicVerdicts;

    @Option(names = "--provided-static", paramLabel = "FILE",
            description = "the static layer's verdicts over the providers' strategies (example-provider module),"
                    + " merged into the conformance module's where the file exists")
    private Path providedStatic;

    @Option(names = "--provided-dynamic", paramLabel = "FILE",
            description = "the dynamic layer's verdicts over the providers' strategies (example-provider module),"
                    + " merged into the conformance module's where the file exists")
    private Path providedDynamic;

    @Option(names = "--provider-tests", paramLabel = "DIR",
            description = "example-provider's Failsafe reports: their failed tests fail the gate, after every verdict"
                    + " is printed (with a user's holder jar those tests do not stop the build themselves)")
    private Path providerTests;

    @Option(names = "--spotbugs", paramLabel = "FILE",
            description = "SpotBugs' report (holders module), judged with the static layer's own rules when it is newer"
                    + " than the --static file or that file is missing (the tests that write it were skipped)")
    private Path spotbugs;

    @Option(names = "--store-teeth", paramLabel = "DIR",
            description = "the store tests' teeth rows: every *.json in DIR, each a teeth file")
    private Path storeTeeth;

    @Option(names = "--teeth", paramLabel = "FILE", description = "the teeth table, written as a teeth file")
    private Path teeth = Path.of("teeth.json");

    private final PrintStream out = System.out;

    /**
     * @param args {@code --mode gate|deep}, {@code --report DIR}, {@code --json FILE}, {@code --only [REGEX]},
     *        {@code --project DIR}, {@code --static FILE}, {@code --dynamic FILE}, {@code --spotbugs FILE}, {@code --store-teeth DIR}, {@code --teeth FILE}
     */
    public static void main(String[] args) {
        System.exit(new CommandLine(new ProofGate()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        ProofCatalog catalog = ProofCatalog.load();
        if (!coversTheRegistry(catalog)) {
            return 1;
        }
        ProofSelection selection;
        try {
            selection = ProofSelection.select(catalog, only);
        } catch (ProofSelection.Refused e) {
            out.println("[jcstress gate] FAILED: " + e.getMessage());
            return 2;
        }
        readFromProject();
        String settings = settings();
        SuiteRun run = runSuite(selection, settings);
        List<ProofVerdict> graded = ProofVerdicts.withStrength(selection.grade(run));
        LayerInputs layers = LayerInputs.read(staticVerdicts, spotbugs, providedStatic, dynamicVerdicts,
                providedDynamic);
        List<ProofVerdict> verdicts = ProofVerdicts.withLayers(graded, layers.byLayer());
        report(verdicts, layers, settings, run);
        TeethTable table = teeth(verdicts, layers);
        return exitStatus(failures(catalog, verdicts, table));
    }

    /**
     * Completeness, before spending minutes: every strategy x applicable property has exactly one proof.
     *
     * @return whether it has; if not, the gaps are printed
     */
    private boolean coversTheRegistry(ProofCatalog catalog) {
        List<String> problems = catalog.coverageProblems();
        if (!problems.isEmpty()) {
            out.println("[jcstress gate] FAILED: the proofs do not cover the registry:");
            problems.forEach(p -> out.println("  - " + p));
        }
        return problems.isEmpty();
    }

    /** Each layer's file not named on the command line, where its module writes it under {@code --project}. */
    private void readFromProject() {
        if (project == null) {
            return;
        }
        ResultsLayout layout = ResultsLayout.at(project);
        staticVerdicts = staticVerdicts != null ? staticVerdicts : layout.suite(ResultsLayout.STATIC_VERDICTS);
        dynamicVerdicts = dynamicVerdicts != null ? dynamicVerdicts : layout.suite(ResultsLayout.DYNAMIC_VERDICTS);
        providedStatic = providedStatic != null ? providedStatic : layout.provider(ResultsLayout.STATIC_VERDICTS);
        providedDynamic = providedDynamic != null ? providedDynamic : layout.provider(ResultsLayout.DYNAMIC_VERDICTS);
        spotbugs = spotbugs != null ? spotbugs : layout.holders(ResultsLayout.SPOTBUGS_REPORT);
        storeTeeth = storeTeeth != null ? storeTeeth : layout.suite(ResultsLayout.STORE_TEETH);
    }

    /** @return how the suite runs, as the summary and the verdicts file name it; a filtered run says so */
    private String settings() {
        return mode.id() + ": " + String.join(" ", mode.options())
                + (only.isEmpty() ? "" : " (PARTIAL RUN, --only " + only + ")");
    }

    private SuiteRun runSuite(ProofSelection selection, String settings) throws Exception {
        List<String> options = new ArrayList<>(mode.options());
        options.addAll(List.of("-r", report.toString(), "-t", selection.testFilter()));
        out.println("[jcstress gate] mode " + settings);
        return SuiteRun.run(options, out);
    }

    /** Every verdict with its strength (could it have failed here?): the summary table, then the verdicts file. */
    private void report(List<ProofVerdict> verdicts, LayerInputs layers, String settings, SuiteRun run)
            throws IOException {
        Summary.print(out, verdicts, layers.staticLayer().rows(), layers.dynamicLayer().rows(), settings,
                run.seconds());
        Codec.write(json, new ProofVerdicts(ProofVerdicts.FORMAT, settings,
                System.getProperty("java.version") + " " + System.getProperty("java.vendor"),
                System.getProperty("os.arch"), System.getProperty("os.name") + " " + System.getProperty("os.version"),
                Instant.now().toString(), GitCommit.current(), verdicts));
        out.println("[jcstress gate] HTML report: " + report.toAbsolutePath().normalize().resolve("index.html"));
        out.println("[jcstress gate] verdicts:    " + json.toAbsolutePath().normalize());
    }

    /** Teeth: every guarantee a control violates must be caught by a layer that must catch it. Printed and written. */
    private TeethTable teeth(List<ProofVerdict> verdicts, LayerInputs layers) throws IOException {
        TeethTable table = TeethTable.build(verdicts, Judge::isBugOutcome, only.isEmpty() ? null : "--only " + only,
                layers.staticLayer(), layers.dynamicLayer(), StoreTeethReader.read(storeTeeth));
        TeethPrinter.print(table, out);
        Codec.write(teeth, table.teeth());
        out.println("[jcstress gate] teeth:       " + teeth.toAbsolutePath().normalize());
        return table;
    }

    /** @return what fails the gate: bad verdicts, then the teeth table's gaps, then the providers' failed tests */
    private List<String> failures(ProofCatalog catalog, List<ProofVerdict> verdicts, TeethTable table)
            throws IOException {
        List<String> failures = new ArrayList<>();
        for (ProofVerdict v : verdicts) {
            String failure = Judge.failure(v, catalog.find(Strategy.valueOf(v.strategy()), v.property()).orElse(null));
            if (failure != null) {
                failures.add(failure);
            }
        }
        failures.addAll(table.failures());
        failures.addAll(ProviderTests.failures(providerTests));
        return failures;
    }

    /** Prints the outcome: 0 without failures (a partial run says it is no gate result), else 1 and every failure. */
    private int exitStatus(List<String> failures) {
        if (failures.isEmpty()) {
            out.println(only.isEmpty() ? "[jcstress gate] PASSED"
                    : "[jcstress gate] partial run (--only " + only + ") without failures; not a gate result");
            return 0;
        }
        out.println("[jcstress gate] FAILED:");
        failures.forEach(x -> out.println("  - " + x));
        return 1;
    }
}
