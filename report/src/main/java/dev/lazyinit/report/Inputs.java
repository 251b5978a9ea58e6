package dev.lazyinit.report;

import dev.lazyinit.harness.contract.Codec;
import dev.lazyinit.harness.contract.Environment;
import dev.lazyinit.harness.contract.FailureSemantics;
import dev.lazyinit.harness.contract.ProofVerdicts;
import dev.lazyinit.harness.contract.ResultsLayout;
import dev.lazyinit.harness.contract.StaticVerdicts;
import dev.lazyinit.harness.contract.StrategyCatalog;
import dev.lazyinit.harness.contract.Teeth;
import dev.lazyinit.harness.contract.Versioned;
import dev.lazyinit.harness.contract.VirtualThreadResults;
import dev.lazyinit.strategy.Strategy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Everything a report is made from: the typed files of one results folder, and nothing from anywhere else, so a
 * folder renders the same report wherever and whenever it is rendered.
 *
 * @param results JMH's {@code results.json}, possibly from forks of several JDKs
 * @param environment {@code environment.json}: what the runner recorded about the machine and the run (absent
 *        for a folder of bare JMH results)
 * @param verdicts {@code jcstress-verdicts.json}, the JCStress gate's verdicts, if copied in
 * @param failures {@code failure-semantics.json}, the store tests' failure table, if copied in
 * @param virtualThreads {@code vthreads.json}, the virtual-thread stampede, if it ran
 * @param staticVerdicts {@code static-verdicts.json}, the static layer's verdicts (conformance module), if copied in
 * @param dynamicVerdicts {@code dynamic-verdicts.json}, the dynamic layer's verdicts (conformance module, VMLens), if
 *        copied in
 * @param teeth {@code teeth.json}, which layer caught each broken control (the JCStress gate), if copied in
 * @param strategies the strategies to report on, in the run's registry order: from {@code strategies.json}, where
 *        a provider's strategy whose jar is not on this class path is known by its description alone; for a folder
 *        written before that file, this build's registry
 */
public record Inputs(JmhResults results, Optional<Environment> environment, Optional<ProofVerdicts> verdicts,
                     Optional<FailureSemantics> failures, Optional<VirtualThreadResults> virtualThreads,
                     Optional<StaticVerdicts> staticVerdicts, Optional<StaticVerdicts> dynamicVerdicts,
                     Optional<Teeth> teeth, List<Strategy> strategies) {

    /** JMH's results. */
    public static final String RESULTS = ResultsLayout.Folder.RESULTS;
    /** The runner's record of the machine and run. */
    public static final String ENVIRONMENT = ResultsLayout.Folder.ENVIRONMENT;
    /** The JCStress verdicts. */
    public static final String VERDICTS = ResultsLayout.Folder.PROOF_VERDICTS;
    /** The failure-semantics table. */
    public static final String FAILURES = ResultsLayout.Folder.FAILURE_SEMANTICS;
    /** The virtual-thread stampede. */
    public static final String VIRTUAL_THREADS = ResultsLayout.Folder.VIRTUAL_THREADS;
    /** The static layer's verdicts. */
    public static final String STATIC_VERDICTS = ResultsLayout.Folder.STATIC_VERDICTS;
    /** The dynamic layer's verdicts, in the static layer's format. */
    public static final String DYNAMIC_VERDICTS = ResultsLayout.Folder.DYNAMIC_VERDICTS;
    /** The teeth table. */
    public static final String TEETH = ResultsLayout.Folder.TEETH;
    /** The strategies the run measured, as its registry described them. */
    public static final String STRATEGIES = ResultsLayout.Folder.STRATEGIES;

    public Inputs {
        strategies = List.copyOf(strategies);
    }

    /**
     * Reads a results folder.
     *
     * @param folder holds {@value #RESULTS} and, when present, the other files
     * @return its inputs
     * @throws IOException if a file cannot be read, or is in a format this build does not read
     */
    public static Inputs read(Path folder) throws IOException {
        return new Inputs(JmhResults.read(folder.resolve(RESULTS)),
                optional(folder.resolve(ENVIRONMENT), Environment.class, Environment.FORMAT),
                optional(folder.resolve(VERDICTS), ProofVerdicts.class, ProofVerdicts.FORMAT),
                optional(folder.resolve(FAILURES), FailureSemantics.class, FailureSemantics.FORMAT),
                optional(folder.resolve(VIRTUAL_THREADS), VirtualThreadResults.class, VirtualThreadResults.FORMAT),
                optional(folder.resolve(STATIC_VERDICTS), StaticVerdicts.class, StaticVerdicts.FORMAT),
                optional(folder.resolve(DYNAMIC_VERDICTS), StaticVerdicts.class, StaticVerdicts.FORMAT),
                optional(folder.resolve(TEETH), Teeth.class, Teeth.FORMAT),
                optional(folder.resolve(STRATEGIES), StrategyCatalog.class, StrategyCatalog.FORMAT)
                        .map(StrategyCatalog::resolve).orElseGet(() -> Arrays.asList(Strategy.values())));
    }

    private static <T extends Versioned> Optional<T> optional(Path file, Class<T> type, String format)
            throws IOException {
        return Files.exists(file) ? Optional.of(Codec.read(file, type, format)) : Optional.empty();
    }
}
