package dev.lazyinit.harness.contract;

import java.nio.file.Path;

/**
 * Where every file the modules hand to each other is written, in one place: the producers write through these names
 * and the readers (the JCStress gate, the benchmark runner) find them through the same names, so that no module
 * spells out another's folders.
 *
 * <p>Two kinds of place:
 * <ul>
 *   <li>in a module's folder (the static fields): relative to the module whose tests or tools write the file, which
 *       is their working folder. The registry-wide suite writes the same files in the conformance module (the
 *       built-in strategies) and in a provider's module (the providers' strategies);</li>
 *   <li>in the project (an instance, {@link #at}): the module that writes each file, under the project's root.</li>
 * </ul>
 * A benchmark results folder has names of its own ({@link Folder}): it copies what {@code ./mvnw verify} wrote, so
 * that the folder alone can render its report.
 */
public final class ResultsLayout {

    /** The module that runs the registry-wide suite over the built-in strategies (and the store's own tests). */
    public static final String SUITE_MODULE = "conformance";
    /** The module that runs the same suite over the example provider's strategies (and a user's holder jar). */
    public static final String PROVIDER_MODULE = "example-provider";
    /** The module of the holders' classes, whose build runs SpotBugs over them. */
    public static final String HOLDERS_MODULE = "holders";
    /** The module whose gate runs the JCStress proofs and writes the verdicts and the teeth table. */
    public static final String PROOFS_MODULE = "jcstress";

    /** SpotBugs' XML report over the built-in holders, as the holders module's build writes it. */
    public static final Path SPOTBUGS_REPORT = Path.of("target", "spotbugsXml.xml");
    /** SpotBugs' XML report over a provider's holders, as the suite's ProvidedStaticLayerTest writes it. */
    public static final Path SPOTBUGS_XML = Path.of("target", "static-layer", "spotbugsXml.xml");
    /** SpotBugs' output, for when it fails. */
    public static final Path SPOTBUGS_LOG = Path.of("target", "static-layer", "spotbugs.log");
    /** The static layer's verdicts: SpotBugs' report and the bytecode check, judged per strategy. */
    public static final Path STATIC_VERDICTS = Path.of("target", "static-layer", "static-verdicts.json");
    /** The dynamic layer's folder: VMLens' agent, events, report and the traced program's output. */
    public static final Path DYNAMIC_LAYER = Path.of("target", "dynamic-layer");
    /** The dynamic layer's verdicts (DynamicLayerTest). */
    public static final Path DYNAMIC_VERDICTS = DYNAMIC_LAYER.resolve("dynamic-verdicts.json");
    /** The failure-semantics table's folder: JSON and Markdown (FailureSemanticsTest). */
    public static final Path FAILURE_SEMANTICS = Path.of("target", "failure-semantics");
    /** The failure-semantics table, as the report reads it. */
    public static final Path FAILURE_SEMANTICS_JSON = FAILURE_SEMANTICS.resolve("failure-semantics.json");
    /** The store tests' teeth rows: every {@code *.json} here is a teeth file (StoreTeeth). */
    public static final Path STORE_TEETH = Path.of("target", "teeth");
    /** The log files the suite checks for its canary password. */
    public static final Path TEST_LOGS = Path.of("target", "test-logs");
    /** Failsafe's reports: the gate reads a provider's run's failures there. */
    public static final Path FAILSAFE_REPORTS = Path.of("target", "failsafe-reports");
    /** The JCStress gate's verdicts (in the proofs module). */
    public static final Path PROOF_VERDICTS = Path.of("target", "jcstress-verdicts.json");
    /** The teeth table the JCStress gate writes at the end of {@code ./mvnw verify} (in the proofs module). */
    public static final Path TEETH = Path.of("target", "teeth.json");

    private final Path root;

    private ResultsLayout(Path root) {
        this.root = root;
    }

    /**
     * @param projectRoot the project's root folder (where {@code ./mvnw} and {@code ./bench} run)
     * @return the layout under that root
     */
    public static ResultsLayout at(Path projectRoot) {
        return new ResultsLayout(projectRoot);
    }

    /**
     * @param file {@link #SPOTBUGS_REPORT}
     * @return that file as the holders module's build writes it
     */
    public Path holders(Path file) {
        return root.resolve(HOLDERS_MODULE).resolve(file);
    }

    /**
     * @param file one of the module-relative paths above
     * @return that file as the suite's run over the built-in strategies writes it
     */
    public Path suite(Path file) {
        return root.resolve(SUITE_MODULE).resolve(file);
    }

    /**
     * @param file one of the module-relative paths above
     * @return that file as the example provider's run of the suite writes it
     */
    public Path provider(Path file) {
        return root.resolve(PROVIDER_MODULE).resolve(file);
    }

    /**
     * @param file {@link #PROOF_VERDICTS} or {@link #TEETH}
     * @return that file as the JCStress gate writes it
     */
    public Path proofs(Path file) {
        return root.resolve(PROOFS_MODULE).resolve(file);
    }

    /** The names of the files in a benchmark results folder ({@code results/<stamp>-<profile>/}). */
    public static final class Folder {
        /** JMH's JSON results. */
        public static final String RESULTS = "results.json";
        /** The machine, the JVMs and the database of the run. */
        public static final String ENVIRONMENT = "environment.json";
        /** The registry the run measured, so that a provider's strategies render without its jar. */
        public static final String STRATEGIES = "strategies.json";
        /** The virtual-thread stampede's rows. */
        public static final String VIRTUAL_THREADS = "vthreads.json";
        /** A copy of {@link ResultsLayout#PROOF_VERDICTS}. */
        public static final String PROOF_VERDICTS = "jcstress-verdicts.json";
        /** A copy of {@link ResultsLayout#FAILURE_SEMANTICS_JSON}, the providers' rows merged in. */
        public static final String FAILURE_SEMANTICS = "failure-semantics.json";
        /** A copy of {@link ResultsLayout#STATIC_VERDICTS}, the providers' verdicts merged in. */
        public static final String STATIC_VERDICTS = "static-verdicts.json";
        /** A copy of {@link ResultsLayout#DYNAMIC_VERDICTS}, the providers' verdicts merged in. */
        public static final String DYNAMIC_VERDICTS = "dynamic-verdicts.json";
        /** A copy of {@link ResultsLayout#TEETH}. */
        public static final String TEETH = "teeth.json";

        private Folder() {
        }
    }
}
