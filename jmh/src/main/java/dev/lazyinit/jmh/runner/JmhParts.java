package dev.lazyinit.jmh.runner;

import dev.lazyinit.jmh.PerSubject;
import dev.lazyinit.jmh.runner.ForkJvms.ForkJvm;
import dev.lazyinit.jmh.runner.Profile.Part;
import dev.lazyinit.strategy.Strategy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * One benchmark class run by JMH on one JVM: the profile's settings, less what the command line sets (options given
 * on the command line win over the profile's), the registry's strategies that JVM can build, and the database.
 */
final class JmhParts {

    private JmhParts() {
    }

    /**
     * @param jmhArgs JMH command-line options
     * @return them parsed
     * @throws BadInput if JMH refuses them, or if they ask JMH to list or explain rather than run: the runner would
     *         ignore that and start a whole run, so the jar, which answers them, is named instead
     */
    static CommandLineOptions parse(List<String> jmhArgs) {
        CommandLineOptions cmd;
        try {
            cmd = new CommandLineOptions(jmhArgs.toArray(String[]::new));
        } catch (CommandLineOptionException e) {
            throw new BadInput("Bad JMH option: " + e.getMessage(), e);
        }
        if (cmd.shouldHelp() || cmd.shouldList() || cmd.shouldListWithParams() || cmd.shouldListProfilers()
                || cmd.shouldListResultFormats()) {
            throw new BadInput("JMH's listing and help options (-h, -l, -lp, -lprof, -lrf) are not run options;"
                    + " ask the benchmark jar itself: java -jar jmh/target/benchmarks.jar " + String.join(" ", jmhArgs));
        }
        return cmd;
    }

    /**
     * @param part a benchmark class
     * @param cmd the JMH options
     * @return whether the command line's benchmark patterns (if any) match one of its benchmarks
     */
    static boolean selected(Part part, CommandLineOptions cmd) {
        List<String> includes = cmd.getIncludes();
        if (includes.isEmpty()) {
            return true;
        }
        List<String> ids = Profile.benchmarkMethods(part.benchmark()).stream().filter(part::runs)
                .map(m -> part.benchmark().getName() + "." + m)
                .toList();
        return includes.stream().map(Pattern::compile).anyMatch(p -> ids.stream().anyMatch(id -> p.matcher(id).find()));
    }

    /**
     * Runs one benchmark class on one JVM.
     *
     * @param profile the settings
     * @param part the benchmark class
     * @param cmd the JMH options of the command line
     * @param jvm the JVM to fork
     * @param db the database hand-off
     * @return JMH's results (none if the JVM can build none of the strategies asked for)
     * @throws RunnerException if JMH fails
     */
    static Collection<RunResult> run(Profile profile, Part part, CommandLineOptions cmd, ForkJvm jvm,
                                     DatabaseHandOff db) throws RunnerException {
        Profile.Settings s = profile.settings(part);
        ChainedOptionsBuilder b = new OptionsBuilder().parent(cmd);
        if (cmd.getIncludes().isEmpty()) {
            b.include("^" + Pattern.quote(part.benchmark().getName()) + "\\.");
        }
        // The other parts' benchmarks are excluded, so that a pattern on the command line runs each once, in its part.
        for (Part other : Profile.PARTS) {
            if (other.benchmark() != part.benchmark()) {
                b.exclude("^" + Pattern.quote(other.benchmark().getName()) + "\\.");
            }
        }
        for (String method : Profile.benchmarkMethods(part.benchmark())) {
            if (!part.runs(method)) {
                b.exclude("^" + Pattern.quote(part.benchmark().getName() + "." + method) + "$");
            }
        }
        if (jvm.java() != null) {
            b.jvm(jvm.java());
        }
        b.addProfiler(PerSubject.class); // an interleaved benchmark's shots, filed by subject (LazyInit_01)
        if (!cmd.getForkCount().hasValue()) {
            b.forks(jvm.java() != null ? Math.max(1, s.forks()) : s.forks()); // another JVM needs a fork
        }
        if (!cmd.getWarmupIterations().hasValue()) {
            b.warmupIterations(s.warmups());
        }
        if (!cmd.getMeasurementIterations().hasValue()) {
            b.measurementIterations(s.measurements());
        }
        if (s.warmupTime() != TimeValue.NONE && !cmd.getWarmupTime().hasValue()) {
            b.warmupTime(s.warmupTime());
        }
        if (s.measurementTime() != TimeValue.NONE && !cmd.getMeasurementTime().hasValue()) {
            b.measurementTime(s.measurementTime());
        }
        // The registry's strategies, or those the command line names, less the ones this JVM cannot build.
        List<String> asked = cmd.getParameter("strategy").hasValue()
                ? List.copyOf(cmd.getParameter("strategy").get())
                : Arrays.stream(Strategy.values()).map(Strategy::name).toList();
        List<String> strategies = asked.stream().filter(x -> !jvm.unavailable().containsKey(x)).toList();
        if (strategies.size() < asked.size()) {
            Suite.log(jvm.label() + " leaves out " + asked.stream().filter(jvm.unavailable()::containsKey)
                    .collect(Collectors.joining(", ")) + ": it cannot build " + (asked.size() - strategies.size() == 1
                    ? "it" : "them"));
        }
        if (strategies.isEmpty()) {
            return List.of();
        }
        b.param("strategy", strategies.toArray(String[]::new));
        s.params().forEach((k, v) -> {
            if (!cmd.getParameter(k).hasValue()) {
                b.param(k, v);
            }
        });
        if (!cmd.shouldFailOnError().hasValue() && profile == Profile.SMOKE) {
            b.shouldFailOnError(true);
        }
        List<String> jvmArgs = new ArrayList<>(cmd.getJvmArgsAppend().orElse(List.of()));
        jvmArgs.addAll(Jdks.flags(jvm.feature()));
        jvmArgs.addAll(db.jvmArgs());
        b.jvmArgsAppend(jvmArgs.toArray(String[]::new));
        int rounds = cmd.getForkCount().hasValue() ? 1 : s.rounds();
        if (rounds == 1) {
            return new Runner(b.build()).run();
        }
        List<Collection<RunResult>> byRound = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            Suite.log(part.what() + ": round " + round + " of " + rounds + " (one fork of every entry)");
            byRound.add(new Runner(b.build()).run());
        }
        return mergeRounds(byRound);
    }

    /**
     * Every entry's forks from every round, as one result per entry, as if JMH had run them one after the other:
     * JMH runs an entry's forks back to back, so a slow stretch of the machine (seconds to half a minute here) can
     * fall on all of them; in rounds, the forks of one entry are a whole round apart.
     *
     * @param byRound each round's results (one fork per entry)
     * @return one result per entry holding its fork of every round, in the first round's order
     */
    static List<RunResult> mergeRounds(List<Collection<RunResult>> byRound) {
        Map<String, List<RunResult>> byEntry = new LinkedHashMap<>();
        for (Collection<RunResult> round : byRound) {
            for (RunResult r : round) {
                byEntry.computeIfAbsent(entry(r.getParams()), k -> new ArrayList<>()).add(r);
            }
        }
        List<RunResult> merged = new ArrayList<>();
        for (List<RunResult> forks : byEntry.values()) {
            List<BenchmarkResult> all = new ArrayList<>();
            forks.forEach(f -> all.addAll(f.getBenchmarkResults()));
            merged.add(new RunResult(forks.get(0).getParams(), all));
        }
        return merged;
    }

    private static String entry(BenchmarkParams p) {
        StringBuilder key = new StringBuilder(p.getBenchmark()).append(' ').append(p.getMode()).append(' ')
                .append(p.getThreads());
        for (String k : p.getParamsKeys()) {
            key.append(' ').append(k).append('=').append(p.getParam(k));
        }
        return key.toString();
    }
}
