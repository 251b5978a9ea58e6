package dev.lazyinit.jmh.runner;

import dev.lazyinit.harness.contract.Codec;
import dev.lazyinit.harness.contract.Environment;
import dev.lazyinit.strategy.Strategy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * The JVMs the benchmarks fork, and which strategies each can build: a strategy may need a newer JDK than the one
 * running (StableValue before JDK 25); it is then left out on that JDK and named in the log and the report, instead
 * of failing the run.
 */
final class ForkJvms {

    /**
     * A JVM the benchmark forks run on.
     *
     * @param jdk its JDK, or {@code null} for JMH's default (the runner's own JVM)
     * @param feature its feature release
     * @param unavailable the strategies it cannot build, with the reason
     */
    record ForkJvm(Jdks.Jdk jdk, int feature, Map<String, String> unavailable) {

        /** @return its {@code java} command, or {@code null} for the runner's own JVM */
        String java() {
            return jdk == null ? null : jdk.java().toString();
        }

        String label() {
            return "JDK " + feature;
        }

        Environment.ForkJdk toRecord() {
            return new Environment.ForkJdk(feature, jdk == null ? "the runner's" : java(), unavailable);
        }
    }

    private ForkJvms() {
    }

    /**
     * The JVMs to fork: each of {@code jdks}, else JMH's {@code -jvm}, else the runner's own. Each one other than
     * the runner's is asked which strategies it can build.
     *
     * @param jdks {@code --jdks} entries (feature numbers, JDK folders, java executables; comma-separated lists)
     * @param cmd the JMH options
     * @return the JVMs, in the order given
     * @throws BadInput if an entry names no JDK, or one older than the suite needs
     */
    static List<ForkJvm> resolve(List<String> jdks, CommandLineOptions cmd) throws IOException, InterruptedException {
        if (!jdks.isEmpty() && cmd.getJvm().hasValue()) {
            throw new BadInput("Give the JDKs either with --jdks or with JMH's -jvm, not both");
        }
        List<String> entries = new ArrayList<>(jdks);
        if (entries.isEmpty() && cmd.getJvm().hasValue()) {
            entries.add(cmd.getJvm().get());
        }
        if (entries.isEmpty()) {
            return List.of(new ForkJvm(null, Runtime.version().feature(), unavailableHere()));
        }
        List<Jdks.Jdk> resolved;
        try {
            resolved = Jdks.resolveAll(entries);
        } catch (IllegalArgumentException e) {
            throw new BadInput(e.getMessage(), e);
        }
        List<ForkJvm> jvms = new ArrayList<>();
        for (Jdks.Jdk jdk : resolved) {
            if (jdk.feature() < Jdks.OLDEST) {
                throw new BadInput("--jdks " + jdk.java() + ": JDK " + jdk.feature() + "; the suite needs "
                        + Jdks.OLDEST + " or newer");
            }
            jvms.add(new ForkJvm(jdk, jdk.feature(), probe(jdk)));
        }
        return jvms;
    }

    /**
     * Asks a JVM which strategies it can build, by running {@code probe} in it on this class path; it answers in a
     * file ({@link ProbeResult}).
     */
    private static Map<String, String> probe(Jdks.Jdk jdk) throws IOException, InterruptedException {
        Path answer = Files.createTempFile("lazyinit-probe", ".json");
        try {
            List<String> command = new ArrayList<>(jdk.command());
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), BenchRunner.class.getName(), "probe",
                    "--out", answer.toString()));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException(jdk.label() + " (" + jdk.java() + ") could not load the benchmarks: "
                        + out.strip());
            }
            return logged(jdk, Codec.read(answer, ProbeResult.class, ProbeResult.FORMAT).unavailable());
        } finally {
            Files.deleteIfExists(answer);
        }
    }

    private static Map<String, String> logged(Jdks.Jdk jdk, Map<String, String> unavailable) {
        Suite.log(jdk.label() + " (" + jdk.java() + "): " + (unavailable.isEmpty() ? "builds every strategy"
                : "cannot build " + String.join(", ", unavailable.keySet())));
        return unavailable;
    }

    /**
     * The registry's strategies that can build a holder on this JVM.
     *
     * @return the strategies to measure, in registry order
     */
    static List<Strategy> availableHere() {
        return Arrays.stream(Strategy.values()).filter(s -> unavailableReason(s) == null).toList();
    }

    /** @return the strategies this JVM cannot build, with the reason, in registry order (what probe prints) */
    static Map<String, String> unavailableHere() {
        Map<String, String> unavailable = new LinkedHashMap<>();
        for (Strategy s : Strategy.values()) {
            String reason = unavailableReason(s);
            if (reason != null) {
                unavailable.put(s.name(), reason);
            }
        }
        return unavailable;
    }

    private static String unavailableReason(Strategy s) {
        if (!s.available()) {
            return s.unavailableReason();
        }
        try {
            s.newHolder(() -> {
                throw new IllegalStateException("probe only");
            }).close(); // a cold holder: the factory is never called, close() has nothing to close
            return null;
        } catch (RuntimeException | LinkageError e) {
            return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
    }
}
