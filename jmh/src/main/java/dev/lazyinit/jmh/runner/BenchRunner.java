package dev.lazyinit.jmh.runner;

import dev.lazyinit.harness.contract.Codec;
import dev.lazyinit.report.Report;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

/**
 * The command line of {@code ./bench}: runs the suite ({@link Suite}) and writes one results folder, or renders
 * the report of one again.
 *
 * <pre>
 *   java -cp benchmarks.jar dev.lazyinit.jmh.runner.BenchRunner [quick|full|smoke] [--jdks LIST] [--results DIR]
 *        [--verdicts FILE] [JMH options, e.g. -p strategy=DOUBLE_CHECKED -f 2 LazyInit_03]
 *   java -cp benchmarks.jar dev.lazyinit.jmh.runner.BenchRunner render DIR [--verdicts FILE]
 * </pre>
 *
 * Without a profile, quick. Every argument the runner does not know is JMH's, passed through in order (after
 * {@code --}, every argument is). Bad input (an unknown profile or option, a JDK that is not there, a JMH option
 * JMH refuses) is said in one line and exits with 2, before anything runs. The runner's own JVM needs the flags of
 * its JDK ({@link Jdks#flags}); {@code ./bench} asks {@link Jdks} for them.
 */
@Command(name = "bench", description = "Runs the benchmark suite and writes a results folder with its report.",
        synopsisSubcommandLabel = "[quick|full|smoke|render]")
public final class BenchRunner {

    /** Runs the suite; {@link Suite#run} but for tests of the command line. */
    @FunctionalInterface
    interface SuiteCall {
        Path run(Profile profile, Path folder, Path verdicts, List<String> jmhArgs, List<String> jdks,
                 String command) throws Exception;
    }

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    private BenchRunner() {
    }

    /**
     * @param args see the class comment
     */
    public static void main(String[] args) {
        System.exit(execute(Suite::run, new PrintWriter(System.err, true), args));
    }

    /**
     * @param suite what runs the suite
     * @param err where bad input is said
     * @param args the command line
     * @return the exit code: 0, 2 for bad input
     */
    static int execute(SuiteCall suite, PrintWriter err, String... args) {
        List<String> list = new ArrayList<>(List.of(args));
        CommandLine cl = commandLine(suite, String.join(" ", args));
        cl.setErr(err);
        String first = list.isEmpty() ? "" : list.get(0);
        if (first.isEmpty() || first.startsWith("-") && !first.equals("-h") && !first.equals("--help")) {
            list.add(0, Profile.QUICK.id());
        } else if (!first.startsWith("-") && !cl.getSubcommands().containsKey(first)) {
            cl.getErr().println("bench: unknown profile '" + first + "' (quick, full or render)");
            cl.usage(cl.getErr());
            return 2;
        }
        return cl.execute(list.toArray(String[]::new));
    }

    static CommandLine commandLine(SuiteCall suite, String command) {
        CommandLine cl = new CommandLine(new BenchRunner());
        for (Profile profile : Profile.values()) {
            CommandLine run = new CommandLine(new Run(profile, suite, command));
            run.getCommandSpec().usageMessage().description(switch (profile) {
                case QUICK -> "A look, not for publication: 1 fork (about 10 minutes on 2 cores). The default.";
                case FULL -> "Publishable numbers: 3 forks, longer iterations (under an hour on 2 cores).";
                case SMOKE -> "One iteration of everything, no fork: what the build's test runs.";
            });
            cl.addSubcommand(profile.id(), run);
        }
        cl.addSubcommand("render", new CommandLine(new Render()));
        cl.addSubcommand("probe", new CommandLine(new Probe()));
        cl.setExpandAtFiles(false); // a JMH argument is never a file of arguments
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof BadInput) {
                line.getErr().println("bench: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return cl;
    }

    /** quick, full or smoke: runs the suite with that profile. */
    @Command(footer = {"", "Every other argument is JMH's, passed through in order and winning over the profile"
            + " (after --, every argument is), e.g. -p strategy=DOUBLE_CHECKED -f 2 LazyInit_03.", "",
            "Writes results.json, environment.json, vthreads.json (quick and full), copies of the JCStress verdicts"
            + " and of the failure-semantics table when they exist, report.md and report.html."})
    static final class Run implements Callable<Integer> {

        private final Profile profile;
        private final SuiteCall suite;
        private final String command;

        @Option(names = {"--jdks", "--jdk"}, split = ",", paramLabel = "JDK", description = "Runs every benchmark"
                + " on each JDK (a feature number found in JAVA_HOME, on the PATH or in /usr/lib/jvm, a JDK folder or"
                + " its bin/java), side by side in the report. Repeatable or comma-separated.")
        List<String> jdks = new ArrayList<>();

        @Option(names = "--results", paramLabel = "DIR",
                description = "The results folder (default: results/<yyyyMMdd-HHmmss>-<profile>).")
        Path results;

        @Option(names = "--verdicts", paramLabel = "FILE", description = "The JCStress verdicts to copy into the"
                + " folder if the file exists (default: jcstress/target/jcstress-verdicts.json).")
        Path verdicts = ResultsFolder.DEFAULT_VERDICTS;

        @Option(names = "--help", usageHelp = true, description = "Show this help.")
        boolean help;

        @Unmatched
        List<String> jmhArgs = new ArrayList<>();

        Run(Profile profile, SuiteCall suite, String command) {
            this.profile = profile;
            this.suite = suite;
            this.command = command;
        }

        @Override
        public Integer call() throws Exception {
            Path folder = results != null ? results : Path.of("results",
                    LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-" + profile.id());
            Path report = suite.run(profile, folder, verdicts, List.copyOf(jmhArgs), List.copyOf(jdks), command);
            System.out.println();
            System.out.println("Results folder: " + folder.toAbsolutePath());
            System.out.println("Report:         " + report.toAbsolutePath());
            return 0;
        }
    }

    /** Renders the report of a results folder again, from that folder alone. */
    @Command(name = "render", description = "Writes report.md and report.html again from the files of a results"
            + " folder, and nothing else.")
    static final class Render implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "DIR", description = "A results folder of ./bench.")
        Path folder;

        @Option(names = "--verdicts", paramLabel = "FILE", description = "JCStress verdicts to copy into the folder"
                + " first (for example jcstress/target/jcstress-verdicts.json once the jcstress module produced"
                + " them).")
        Path verdicts;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
        boolean help;

        @Override
        public Integer call() throws Exception {
            if (!Files.isRegularFile(folder.resolve(ResultsFolder.RESULTS))) {
                throw new BadInput(folder + " holds no " + ResultsFolder.RESULTS + ": give a results folder of"
                        + " ./bench");
            }
            if (verdicts != null) {
                ResultsFolder.copyVerdicts(verdicts, folder);
            }
            Report.render(folder);
            System.out.println("Report: " + folder.resolve("report.html").toAbsolutePath());
            return 0;
        }
    }

    /** Writes each strategy this JVM cannot build, and why ({@link ProbeResult}): what the runner asks of a fork JDK. */
    @Command(name = "probe", hidden = true)
    static final class Probe implements Callable<Integer> {

        @Option(names = "--out", paramLabel = "FILE", required = true, description = "where to write the answer")
        private Path out;

        @Override
        public Integer call() throws IOException {
            Codec.write(out, new ProbeResult(ProbeResult.FORMAT, ForkJvms.unavailableHere()));
            return 0;
        }
    }
}
