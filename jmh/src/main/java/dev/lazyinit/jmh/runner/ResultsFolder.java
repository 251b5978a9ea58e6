package dev.lazyinit.jmh.runner;

import dev.lazyinit.harness.contract.Codec;
import dev.lazyinit.harness.contract.Environment;
import dev.lazyinit.harness.contract.FailureSemantics;
import dev.lazyinit.harness.contract.ResultsLayout;
import dev.lazyinit.harness.contract.StaticVerdicts;
import dev.lazyinit.harness.contract.StrategyCatalog;
import dev.lazyinit.harness.db.Database;
import dev.lazyinit.jmh.runner.ForkJvms.ForkJvm;
import dev.lazyinit.store.StoreConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;

/**
 * A results folder holds every input of its report, so that the report can be rendered again from the folder
 * alone: {@code results.json} (JMH's JSON), {@code environment.json}, {@code strategies.json} (the registry this run
 * measured, so that a provider's strategies render without its jar), {@code vthreads.json} and, when
 * {@code ./mvnw verify} produced them, copies of the JCStress verdicts ({@code jcstress-verdicts.json}), the
 * failure-semantics table ({@code failure-semantics.json}), the static and dynamic layers' verdicts
 * ({@code static-verdicts.json}, {@code dynamic-verdicts.json}) and the teeth table ({@code teeth.json}).
 */
final class ResultsFolder {

    static final String RESULTS = ResultsLayout.Folder.RESULTS;
    static final String ENVIRONMENT = ResultsLayout.Folder.ENVIRONMENT;
    static final String VIRTUAL_THREADS = ResultsLayout.Folder.VIRTUAL_THREADS;
    static final String VERDICTS = ResultsLayout.Folder.PROOF_VERDICTS;
    static final String FAILURE_SEMANTICS = ResultsLayout.Folder.FAILURE_SEMANTICS;
    static final String STATIC_VERDICTS = ResultsLayout.Folder.STATIC_VERDICTS;
    static final String DYNAMIC_VERDICTS = ResultsLayout.Folder.DYNAMIC_VERDICTS;
    static final String TEETH = ResultsLayout.Folder.TEETH;
    static final String STRATEGIES = ResultsLayout.Folder.STRATEGIES;

    /** Where {@code ./mvnw verify} wrote what a results folder copies: under the project's root, the working folder. */
    private static final ResultsLayout BUILD = ResultsLayout.at(Path.of(""));

    /** Where the jcstress module's gate writes its verdicts. */
    static final Path DEFAULT_VERDICTS = BUILD.proofs(ResultsLayout.PROOF_VERDICTS);
    /** The failure-semantics table that {@code ./mvnw verify} writes. */
    static final Path FAILURE_SEMANTICS_SOURCE = BUILD.suite(ResultsLayout.FAILURE_SEMANTICS_JSON);
    /** The static layer's verdicts that {@code ./mvnw verify} writes. */
    static final Path STATIC_VERDICTS_SOURCE = BUILD.suite(ResultsLayout.STATIC_VERDICTS);
    /** The dynamic layer's verdicts that {@code ./mvnw verify} writes. */
    static final Path DYNAMIC_VERDICTS_SOURCE = BUILD.suite(ResultsLayout.DYNAMIC_VERDICTS);
    /** The static layer's verdicts over the providers' strategies (example-provider's ProvidedStaticLayerTest). */
    static final Path PROVIDED_STATIC_VERDICTS_SOURCE = BUILD.provider(ResultsLayout.STATIC_VERDICTS);
    /** The dynamic layer's verdicts over the providers' strategies (example-provider's run of DynamicLayerTest). */
    static final Path PROVIDED_DYNAMIC_VERDICTS_SOURCE = BUILD.provider(ResultsLayout.DYNAMIC_VERDICTS);
    /** The same table for the providers' strategies, which the suite writes again from example-provider. */
    static final Path PROVIDED_FAILURE_SEMANTICS_SOURCE = BUILD.provider(ResultsLayout.FAILURE_SEMANTICS_JSON);

    /** The teeth table the JCStress gate writes at the end of {@code ./mvnw verify}. */
    static final Path TEETH_SOURCE = BUILD.proofs(ResultsLayout.TEETH);

    private ResultsFolder() {
    }

    /**
     * Deletes a copy or output an earlier run left in a reused folder, when this run has none to put in its place, so
     * that the folder describes this run only (verdicts absent now must not be reported from an earlier copy).
     *
     * @param folder the results folder
     * @param name the file
     * @throws IOException if it cannot be deleted
     */
    static void removeStale(Path folder, String name) throws IOException {
        if (Files.deleteIfExists(folder.resolve(name))) {
            Suite.log("removed the " + name + " of an earlier run from " + folder);
        }
    }

    /**
     * @param folder the results folder
     * @param results JMH's results
     * @throws IOException if it cannot be written
     */
    static void writeResults(Path folder, Collection<RunResult> results) throws IOException {
        try (PrintStream out = new PrintStream(Files.newOutputStream(folder.resolve(RESULTS)), true,
                StandardCharsets.UTF_8)) {
            ResultFormatFactory.getInstance(ResultFormatType.JSON, out).writeOut(results);
        }
    }

    /**
     * Copies the JCStress verdicts into the folder, if they were produced.
     *
     * @param verdicts the verdicts file
     * @param folder the results folder
     * @throws IOException if it cannot be copied
     */
    static void copyVerdictsIfPresent(Path verdicts, Path folder) throws IOException {
        if (Files.isRegularFile(verdicts)) {
            copy(verdicts, folder.resolve(VERDICTS));
            Suite.log("included the JCStress verdicts from " + verdicts);
        } else {
            removeStale(folder, VERDICTS);
            Suite.log("no " + verdicts + ": the report says the JCStress verdicts were not run (produce them with"
                    + " the jcstress module, then ./bench render " + folder + " --verdicts " + verdicts + ")");
        }
    }

    /**
     * Copies a verdicts file named on the command line into the folder.
     *
     * @param verdicts the verdicts file
     * @param folder the results folder
     * @throws BadInput if there is no such file
     * @throws IOException if it cannot be copied
     */
    static void copyVerdicts(Path verdicts, Path folder) throws IOException {
        if (!Files.isRegularFile(verdicts)) {
            throw new BadInput("--verdicts " + verdicts + ": no such file");
        }
        copy(verdicts, folder.resolve(VERDICTS));
        Suite.log("included the JCStress verdicts from " + verdicts);
    }

    /**
     * Copies what the last {@code ./mvnw verify} wrote for the report into the folder, where it exists: the
     * failure-semantics table and the static and dynamic layers' verdicts (all from the conformance module).
     *
     * @param folder the results folder
     * @throws IOException if a file cannot be copied
     */
    static void copyBuildOutputsIfPresent(Path folder) throws IOException {
        copyIfPresent(FAILURE_SEMANTICS_SOURCE, folder, FAILURE_SEMANTICS, "the failure-semantics table");
        if (Files.exists(FAILURE_SEMANTICS_SOURCE) && Files.exists(PROVIDED_FAILURE_SEMANTICS_SOURCE)) {
            Path table = folder.resolve(FAILURE_SEMANTICS);
            FailureSemantics builtIn = Codec.read(table, FailureSemantics.class, FailureSemantics.FORMAT);
            Codec.write(table, builtIn.with(Codec.read(PROVIDED_FAILURE_SEMANTICS_SOURCE, FailureSemantics.class,
                    FailureSemantics.FORMAT)));
            Suite.log("included " + PROVIDED_FAILURE_SEMANTICS_SOURCE + " (the providers' strategies)");
        }
        copyIfPresent(STATIC_VERDICTS_SOURCE, folder, STATIC_VERDICTS, "the static layer's verdicts");
        mergeProvided(STATIC_VERDICTS_SOURCE, PROVIDED_STATIC_VERDICTS_SOURCE, folder.resolve(STATIC_VERDICTS));
        copyIfPresent(DYNAMIC_VERDICTS_SOURCE, folder, DYNAMIC_VERDICTS, "the dynamic layer's verdicts");
        mergeProvided(DYNAMIC_VERDICTS_SOURCE, PROVIDED_DYNAMIC_VERDICTS_SOURCE, folder.resolve(DYNAMIC_VERDICTS));
        copyIfPresent(TEETH_SOURCE, folder, TEETH, "the teeth table");
    }

    /** A layer's verdicts over the providers' strategies (example-provider's run), merged into the copied file. */
    private static void mergeProvided(Path source, Path provided, Path copied) throws IOException {
        if (Files.exists(source) && Files.exists(provided)) {
            Codec.write(copied, StaticVerdicts.merge(List.of(
                    Codec.read(copied, StaticVerdicts.class, StaticVerdicts.FORMAT),
                    Codec.read(provided, StaticVerdicts.class, StaticVerdicts.FORMAT))));
            Suite.log("included " + provided + " (the providers' strategies)");
        }
    }

    private static void copyIfPresent(Path source, Path folder, String name, String what) throws IOException {
        if (Files.exists(source)) {
            copy(source, folder.resolve(name));
            Suite.log("included " + source + " (from the last ./mvnw verify)");
        } else {
            removeStale(folder, name);
            Suite.log("no " + source + ": run ./mvnw verify first to include " + what);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        if (!Files.exists(to) || !Files.isSameFile(from, to)) {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Writes {@code environment.json}: the machine, the JDKs, the database and the run.
     *
     * @param folder the results folder
     * @param profile the profile
     * @param db the database
     * @param started when the run started
     * @param seconds how long the benchmarks took
     * @param command the command line, for the report
     * @param results JMH's results (for JMH's version)
     * @param jvms the JVMs the benchmarks forked
     * @throws IOException if it cannot be written
     */
    static void writeEnvironment(Path folder, Profile profile, Database db, Instant started, long seconds,
                                 String command, Collection<RunResult> results, List<ForkJvm> jvms) throws IOException {
        String note = System.getenv("LAZYINIT_BENCH_NOTE");
        Environment env = new Environment(Environment.FORMAT, profile.id(), cpuModel(),
                Runtime.getRuntime().availableProcessors(), osName(),
                System.getProperty("java.vendor") + " " + System.getProperty("java.runtime.version")
                        + " (" + System.getProperty("java.vm.name") + ")",
                results.stream().findFirst().map(r -> r.getParams().getJmhVersion()).orElse("unknown"),
                db.serverVersion(), db.backend().name().toLowerCase(java.util.Locale.ROOT),
                StoreConfig.DEFAULT_POOL_SIZE, started.toString(), seconds,
                command.isBlank() ? "./bench" : "./bench " + command,
                jvms.stream().map(ForkJvm::toRecord).toList(),
                note == null || note.isBlank() ? null : note);
        Codec.write(folder.resolve(ENVIRONMENT), env);
    }

    /**
     * Writes {@code strategies.json}: every strategy of this JVM's registry (built-in and every provider's on the
     * class path) as the registry describes it, so that the folder renders without the providers' jars.
     *
     * @param folder the results folder
     * @throws IOException if it cannot be written
     */
    static void writeStrategies(Path folder) throws IOException {
        Codec.write(folder.resolve(STRATEGIES), StrategyCatalog.ofRegistry());
    }

    private static String cpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            try (Stream<String> lines = Files.lines(cpuinfo)) {
                return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).strip())
                        .findFirst().orElse(System.getProperty("os.arch"));
            } catch (IOException | RuntimeException e) {
                // fall through
            }
        }
        return System.getProperty("os.arch");
    }

    private static String osName() {
        String os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch");
        Path release = Path.of("/etc/os-release");
        if (Files.isReadable(release)) {
            try (Stream<String> lines = Files.lines(release)) {
                String pretty = lines.filter(l -> l.startsWith("PRETTY_NAME="))
                        .map(l -> l.substring("PRETTY_NAME=".length()).replace("\"", "")).findFirst().orElse(null);
                if (pretty != null) {
                    return pretty + ", " + os;
                }
            } catch (IOException | RuntimeException e) {
                // fall through
            }
        }
        return os;
    }
}
