package dev.lazyinit.jmh.runner;

import dev.lazyinit.harness.db.Database;
import dev.lazyinit.harness.db.Databases;
import dev.lazyinit.report.Report;
import dev.lazyinit.jmh.runner.ForkJvms.ForkJvm;
import dev.lazyinit.jmh.runner.Profile.Part;
import dev.lazyinit.strategy.Strategy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * Runs the whole suite with a profile and writes one results folder holding every input of its report (see
 * {@link ResultsFolder}), then the report itself ({@code report.md}, {@code report.html}) from that folder alone.
 *
 * <p>The database is started once (embedded PostgreSQL unless {@code LAZYINIT_DB_URL} or {@code -Dlazyinit.db.url}
 * names one) and handed to every JVM the run starts ({@link DatabaseHandOff}). The strategies come from the registry
 * ({@code -p strategy=} built from {@link Strategy#values()}) unless the command line names some.
 */
public final class Suite {

    private Suite() {
    }

    /**
     * Runs the suite with a profile on one or more JDKs and writes the results folder.
     *
     * @param profile the settings
     * @param folder the results folder (created)
     * @param verdictsFile the JCStress verdicts, copied into the folder if the file exists
     * @param jmhArgs JMH command-line options that override the profile
     * @param jdks the JDKs to fork ({@code --jdks} entries: feature numbers, JDK folders, {@code java} executables);
     *        empty: the runner's own, or JMH's {@code -jvm} if given
     * @param command the command line, for the report
     * @return the HTML report
     * @throws BadInput if the JMH options or a JDK are wrong, before anything runs
     * @throws Exception if the run fails
     */
    public static Path run(Profile profile, Path folder, Path verdictsFile, List<String> jmhArgs, List<String> jdks,
                           String command) throws Exception {
        CommandLineOptions cmd = JmhParts.parse(jmhArgs);
        List<ForkJvm> jvms = ForkJvms.resolve(jdks, cmd);
        Files.createDirectories(folder);
        Instant started = Instant.now();
        log("profile " + profile.id() + ", results in " + folder);
        log("starting or reaching PostgreSQL once for every fork ...");
        Database database = Databases.get();
        log("database: " + database.describe());
        try (DatabaseHandOff db = DatabaseHandOff.of(database)) {
            List<RunResult> all = new ArrayList<>();
            long t0 = System.nanoTime();
            List<Part> parts = Profile.PARTS;
            for (int n = 1; n <= parts.size(); n++) {
                Part part = parts.get(n - 1);
                if (!JmhParts.selected(part, cmd)) {
                    log("part " + n + "/" + parts.size() + " (" + part.what() + "): not selected by the command line");
                    continue;
                }
                for (ForkJvm jvm : jvms) {
                    log("part " + n + "/" + parts.size() + ": " + part.benchmark().getSimpleName() + " (" + part.what()
                            + ")" + (jvms.size() > 1 ? " on " + jvm.label() : "") + ", "
                            + Duration.ofNanos(System.nanoTime() - t0).toSeconds() + " s elapsed");
                    all.addAll(JmhParts.run(profile, part, cmd, jvm, db));
                }
            }
            long seconds = Duration.ofNanos(System.nanoTime() - t0).toSeconds();
            ResultsFolder.writeResults(folder, all);
            ResultsFolder.copyVerdictsIfPresent(verdictsFile, folder);
            ResultsFolder.copyBuildOutputsIfPresent(folder);
            ResultsFolder.removeStale(folder, ResultsFolder.VIRTUAL_THREADS);
            ResultsFolder.removeStale(folder, "vthreads.md");
            if (profile != Profile.SMOKE && cmd.getIncludes().isEmpty()) {
                StampedeLauncher.run(folder, db, jvms);
            }
            ResultsFolder.writeEnvironment(folder, profile, database, started, seconds, command, all, jvms);
            ResultsFolder.writeStrategies(folder);
            Report.render(folder);
            db.assertNoPasswordIn(folder);
            log("done in " + Duration.between(started, Instant.now()).toSeconds() + " s");
            return folder.resolve("report.html");
        }
    }

    /**
     * @return the registry's strategies this JVM can build, in registry order: those a run on it measures
     */
    public static List<Strategy> availableStrategies() {
        return ForkJvms.availableHere();
    }

    static void log(String message) {
        System.out.println("[bench] " + message);
        System.out.flush();
    }
}
