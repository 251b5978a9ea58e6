package dev.lazyinit.jmh.report;

import dev.lazyinit.harness.db.Database;
import dev.lazyinit.harness.db.Databases;
import dev.lazyinit.jmh.LazyInit_01_ColdFirstAccess;
import dev.lazyinit.jmh.LazyInit_02_SteadyState;
import dev.lazyinit.jmh.LazyInit_03_ColdStampede;
import dev.lazyinit.store.StoreConfig;
import dev.lazyinit.strategy.Strategy;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the whole suite and writes one results folder: {@code results.json} (JMH's JSON), {@code environment.json},
 * {@code report.md} and {@code report.html}.
 *
 * <pre>
 *   java -cp benchmarks.jar dev.lazyinit.jmh.report.BenchRunner [quick|full|smoke] [--results DIR]
 *        [--verdicts FILE] [--jdk JAVA]... [JMH options, e.g. -p strategy=DOUBLE_CHECKED -f 2 -jvm /path/to/java]
 *   java -cp benchmarks.jar dev.lazyinit.jmh.report.BenchRunner render DIR [--verdicts FILE]
 *   java -cp benchmarks.jar dev.lazyinit.jmh.report.BenchRunner probe
 * </pre>
 *
 * <p>Each {@code --jdk} (a {@code java} executable or a JDK folder; repeatable, or comma-separated) runs every
 * benchmark again in forks of that JDK, one JDK after the other within each benchmark class, and the report puts
 * the JDKs side by side. A strategy that a JDK cannot build (StableValue before JDK 25) is left out on that JDK:
 * the runner asks each JDK with {@code probe}, which prints each strategy it cannot build and why.
 *
 * <p>The runner starts the database once (embedded PostgreSQL unless {@code LAZYINIT_DB_URL} or
 * {@code -Dlazyinit.db.url} names one) and hands it to every JMH fork by URL, user and the name of a private
 * file holding the password, so that no password reaches a command line, {@code ps}, or the {@code jvmArgs}
 * that JMH records in results.json. The strategies come from the registry ({@code -p strategy=} built from
 * {@link Strategy#values()}) unless the command line names some. Options given on the command line win over
 * the profile's.
 */
public final class BenchRunner {

    /** The settings of one benchmark class in one profile. */
    record Settings(int forks, int warmups, TimeValue warmupTime, int measurements, TimeValue measurementTime,
                    Map<String, String[]> params) {
    }

    /**
     * A JVM the benchmark forks run on.
     *
     * @param java its {@code java} command, or {@code null} for JMH's default (the runner's own JVM)
     * @param feature its feature release
     * @param unavailable the strategies it cannot build, with the reason
     */
    record ForkJvm(String java, int feature, Map<String, String> unavailable) {

        String label() {
            return "JDK " + feature;
        }
    }

    /** One benchmark class of the suite. */
    record Part(Class<?> benchmark, String what) {
    }

    static final List<Part> PARTS = List.of(
            new Part(LazyInit_01_ColdFirstAccess.class, "first access, cold"),
            new Part(LazyInit_02_SteadyState.class, "steady state"),
            new Part(LazyInit_03_ColdStampede.class, "cold stampede"));

    /** The profiles: quick (about 10 minutes on 2 cores), full (publishable), smoke (the build's test). */
    public enum Profile {
        QUICK, FULL, SMOKE;

        Settings settings(Class<?> benchmark) {
            boolean singleShot = benchmark != LazyInit_02_SteadyState.class;
            Map<String, String[]> params = new LinkedHashMap<>();
            if (benchmark == LazyInit_03_ColdStampede.class) {
                params.put("threads", this == SMOKE ? new String[] {"2"} : new String[] {"2", "8", "64"});
            }
            TimeValue none = TimeValue.NONE;
            return switch (this) {
                case QUICK -> singleShot
                        ? (benchmark == LazyInit_01_ColdFirstAccess.class
                                ? new Settings(1, 5, none, 30, none, params)
                                : new Settings(1, 2, none, 10, none, params))
                        : new Settings(1, 2, TimeValue.seconds(1), 3, TimeValue.seconds(1), params);
                case FULL -> singleShot
                        ? (benchmark == LazyInit_01_ColdFirstAccess.class
                                ? new Settings(3, 5, none, 30, none, params)
                                : new Settings(3, 3, none, 20, none, params))
                        : new Settings(3, 5, TimeValue.seconds(1), 10, TimeValue.seconds(1), params);
                case SMOKE -> singleShot
                        ? new Settings(0, 0, none, 1, none, params)
                        : new Settings(0, 0, TimeValue.milliseconds(50), 1, TimeValue.milliseconds(50), params);
            };
        }
    }

    private BenchRunner() {
    }

    /**
     * @param args see the class comment
     * @throws Exception if the run fails
     */
    public static void main(String[] args) throws Exception {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        if (!rest.isEmpty() && rest.get(0).equals("probe")) {
            unavailableHere().forEach((name, reason) -> System.out.println(name + "\t" + reason.replaceAll("\\s+", " ")));
            return;
        }
        if (!rest.isEmpty() && rest.get(0).equals("render")) {
            rest.remove(0);
            Path folder = Path.of(rest.remove(0));
            Path verdicts = option(rest, "--verdicts", defaultVerdicts());
            Report.render(folder, verdicts);
            System.out.println("Report: " + folder.resolve("report.html").toAbsolutePath());
            return;
        }
        Profile profile = Profile.QUICK;
        if (!rest.isEmpty() && !rest.get(0).startsWith("-")) {
            profile = Profile.valueOf(rest.remove(0).toUpperCase(Locale.ROOT));
        }
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path folder = option(rest, "--results", Path.of("results", stamp + "-" + profile.name().toLowerCase(Locale.ROOT)));
        Path verdicts = option(rest, "--verdicts", defaultVerdicts());
        List<String> jdks = new ArrayList<>();
        for (int i = rest.indexOf("--jdk"); i >= 0; i = rest.indexOf("--jdk")) {
            rest.remove(i);
            if (i >= rest.size()) {
                throw new IllegalArgumentException("--jdk needs a java executable or a JDK folder");
            }
            jdks.addAll(Arrays.asList(rest.remove(i).split(",")));
        }
        rest.remove("--");
        Path report = run(profile, folder, verdicts, rest, jdks, String.join(" ", args));
        System.out.println();
        System.out.println("Results folder: " + folder.toAbsolutePath());
        System.out.println("Report:         " + report.toAbsolutePath());
    }

    private static Path defaultVerdicts() {
        return Path.of("jcstress", "target", "jcstress-verdicts.json");
    }

    private static Path option(List<String> args, String name, Path fallback) {
        int i = args.indexOf(name);
        if (i < 0) {
            return fallback;
        }
        args.remove(i);
        return Path.of(args.remove(i));
    }

    /**
     * Runs the suite with a profile and writes the results folder.
     *
     * @param profile the settings
     * @param folder the results folder (created)
     * @param verdictsFile the JCStress verdicts, used if the file exists
     * @param jmhArgs JMH command-line options that override the profile
     * @param command the command line, for the report
     * @return the HTML report
     * @throws Exception if the run fails
     */
    public static Path run(Profile profile, Path folder, Path verdictsFile, List<String> jmhArgs, String command)
            throws Exception {
        return run(profile, folder, verdictsFile, jmhArgs, List.of(), command);
    }

    /**
     * Runs the suite with a profile on one or more JDKs and writes the results folder.
     *
     * @param profile the settings
     * @param folder the results folder (created)
     * @param verdictsFile the JCStress verdicts, used if the file exists
     * @param jmhArgs JMH command-line options that override the profile
     * @param jdks the JDKs to fork ({@code java} executables or JDK folders); empty: the runner's own, or JMH's
     *        {@code -jvm} if given
     * @param command the command line, for the report
     * @return the HTML report
     * @throws Exception if the run fails
     */
    public static Path run(Profile profile, Path folder, Path verdictsFile, List<String> jmhArgs, List<String> jdks,
                           String command) throws Exception {
        CommandLineOptions cmd;
        try {
            cmd = new CommandLineOptions(jmhArgs.toArray(String[]::new));
        } catch (CommandLineOptionException e) {
            throw new IllegalArgumentException("Bad JMH option: " + e.getMessage(), e);
        }
        if (!jdks.isEmpty() && cmd.getJvm().hasValue()) {
            throw new IllegalArgumentException("Give the JDKs either with --jdk or with JMH's -jvm, not both");
        }
        List<ForkJvm> jvms = forkJvms(jdks, cmd);
        Files.createDirectories(folder);
        Instant started = Instant.now();
        log("profile " + profile.name().toLowerCase(Locale.ROOT) + ", results in " + folder);
        log("starting or reaching PostgreSQL once for every fork ...");
        Database db = Databases.get();
        log("database: " + db.describe());
        String password = db.storeConfig("probe").password();
        Path passwordFile = password == null ? null : privatePasswordFile(password);
        try {
            List<RunResult> all = new ArrayList<>();
            long t0 = System.nanoTime();
            int n = 0;
            for (Part part : PARTS) {
                n++;
                if (!selected(part, cmd)) {
                    log("part " + n + "/" + PARTS.size() + " (" + part.what() + "): not selected by the command line");
                    continue;
                }
                for (ForkJvm jvm : jvms) {
                    log("part " + n + "/" + PARTS.size() + ": " + part.benchmark().getSimpleName() + " (" + part.what()
                            + ")" + (jvms.size() > 1 ? " on " + jvm.label() : "") + ", "
                            + Duration.ofNanos(System.nanoTime() - t0).toSeconds() + " s elapsed");
                    all.addAll(runPart(profile, part, cmd, jvm, db, passwordFile));
                }
            }
            long seconds = Duration.ofNanos(System.nanoTime() - t0).toSeconds();
            writeResults(folder.resolve("results.json"), all);
            copyIfPresent(FAILURE_SEMANTICS, folder);
            if (profile != Profile.SMOKE && cmd.getIncludes().isEmpty()) {
                virtualThreadStampede(folder, db, passwordFile, jvms);
            }
            Files.writeString(folder.resolve("environment.json"),
                    Json.write(environment(profile, db, started, seconds, command, all, jvms)), StandardCharsets.UTF_8);
            Report.render(folder, verdictsFile);
            if (password != null) {
                assertNoPassword(folder, password);
            }
            log("done in " + Duration.between(started, Instant.now()).toSeconds() + " s");
            return folder.resolve("report.html");
        } finally {
            if (passwordFile != null) {
                Files.deleteIfExists(passwordFile);
            }
        }
    }

    /** The failure-semantics table that {@code ./mvnw verify} writes; the report includes it when present. */
    static final Path FAILURE_SEMANTICS = Path.of("store", "target", "failure-semantics", "failure-semantics.json");

    private static void copyIfPresent(Path file, Path folder) throws IOException {
        if (Files.exists(file)) {
            Files.copy(file, folder.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            log("included " + file + " (from the last ./mvnw verify)");
        } else {
            log("no " + file + ": run ./mvnw verify first to include the failure-semantics table");
        }
    }

    /**
     * Runs the virtual-thread stampede in a JVM of its own on a JDK with virtual threads: {@code BENCH_VT_JAVA}
     * names its {@code java}, else this JVM's own if it is JDK 21 or newer. Skipped, and said so, otherwise.
     */
    private static void virtualThreadStampede(Path folder, Database db, Path passwordFile, List<ForkJvm> jvms)
            throws IOException, InterruptedException {
        String java = System.getenv("BENCH_VT_JAVA");
        if ((java == null || java.isBlank()) && Runtime.version().feature() < 21) {
            java = jvms.stream().filter(j -> j.java() != null && j.feature() >= 21)
                    .max(Comparator.comparingInt(ForkJvm::feature)).map(ForkJvm::java).orElse(null);
        }
        if (java == null || java.isBlank()) {
            if (Runtime.version().feature() < 21) {
                log("virtual-thread stampede: not run, this is JDK " + Runtime.version().feature()
                        + "; set BENCH_VT_JAVA to the java of a JDK 21 or newer");
                return;
            }
            java = ProcessHandle.current().info().command().orElse("java");
        }
        int feature = javaFeature(java);
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(forkFlags(feature));
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=off");
        command.add("-D" + Databases.PROP_BACKEND + "=url");
        command.add("-D" + Databases.PROP_URL + "=" + db.jdbcUrl());
        command.add("-D" + Databases.PROP_USER + "=" + db.username());
        if (passwordFile != null) {
            command.add("-D" + Databases.PROP_PASSWORD_FILE + "=" + passwordFile.toAbsolutePath());
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                dev.lazyinit.jmh.vthreads.VirtualThreadStampede.class.getName(), folder.toString()));
        log("virtual-thread stampede on JDK " + feature + " (" + java + ") ...");
        int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
        if (exit != 0) {
            log("virtual-thread stampede failed (exit " + exit + "); the report goes on without it");
        }
    }

    private static int javaFeature(String javaCommand) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(javaCommand, "-XshowSettings:properties", "-version").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("java\\.specification\\.version = (\\d+)")
                .matcher(out);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static boolean selected(Part part, CommandLineOptions cmd) {
        List<String> includes = cmd.getIncludes();
        if (includes.isEmpty()) {
            return true;
        }
        List<String> ids = Arrays.stream(part.benchmark().getMethods())
                .filter(m -> m.isAnnotationPresent(Benchmark.class))
                .map(Method::getName)
                .map(m -> part.benchmark().getName() + "." + m)
                .toList();
        return includes.stream().map(Pattern::compile).anyMatch(p -> ids.stream().anyMatch(id -> p.matcher(id).find()));
    }

    /**
     * The JVMs to fork: each {@code --jdk}, else JMH's {@code -jvm}, else the runner's own. Each one other than the
     * runner's is asked which strategies it can build.
     */
    private static List<ForkJvm> forkJvms(List<String> jdks, CommandLineOptions cmd)
            throws IOException, InterruptedException {
        List<String> javas = new ArrayList<>(jdks);
        if (javas.isEmpty() && cmd.getJvm().hasValue()) {
            javas.add(cmd.getJvm().get());
        }
        if (javas.isEmpty()) {
            return List.of(new ForkJvm(null, Runtime.version().feature(), unavailableHere()));
        }
        List<ForkJvm> jvms = new ArrayList<>();
        for (String given : javas) {
            Path path = Path.of(given.strip());
            Path java = Files.isDirectory(path) ? path.resolve("bin").resolve("java") : path;
            if (!Files.isExecutable(java)) {
                throw new IllegalArgumentException("--jdk " + given + ": no java executable there (give a JDK folder"
                        + " or its bin/java)");
            }
            String command = java.toAbsolutePath().toString();
            int feature = javaFeature(command);
            if (feature < 17) {
                throw new IllegalArgumentException("--jdk " + given + ": JDK " + feature + "; the suite needs 17 or newer");
            }
            jvms.add(new ForkJvm(command, feature, probe(command, feature)));
        }
        return jvms;
    }

    /** Asks a JVM which strategies it can build, by running {@code probe} in it on this classpath. */
    private static Map<String, String> probe(String java, int feature) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(forkFlags(feature));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), BenchRunner.class.getName(), "probe"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("JDK " + feature + " (" + java + ") could not load the benchmarks: "
                    + out.strip());
        }
        Map<String, String> unavailable = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            String[] f = line.split("\t", 2);
            if (f.length == 2 && !f[1].isBlank() && Arrays.stream(Strategy.values()).anyMatch(s -> s.name().equals(f[0]))) {
                unavailable.put(f[0], f[1].strip());
            }
        }
        log("JDK " + feature + " (" + java + "): " + (unavailable.isEmpty() ? "builds every strategy"
                : "cannot build " + String.join(", ", unavailable.keySet())));
        return unavailable;
    }

    /** The flags every JVM of a feature release gets: preview on JDK 25 (StableValue), native access on 22+. */
    private static List<String> forkFlags(int feature) {
        List<String> flags = new ArrayList<>();
        if (feature >= 22) {
            flags.add("--enable-native-access=ALL-UNNAMED");
        }
        if (feature >= 25) {
            flags.add("--enable-preview");
        }
        return flags;
    }

    private static Collection<RunResult> runPart(Profile profile, Part part, CommandLineOptions cmd, ForkJvm jvm,
                                                 Database db, Path passwordFile) throws RunnerException {
        Settings s = profile.settings(part.benchmark());
        ChainedOptionsBuilder b = new OptionsBuilder().parent(cmd);
        if (cmd.getIncludes().isEmpty()) {
            b.include("^" + Pattern.quote(part.benchmark().getName()) + "\\.");
        }
        for (Part other : PARTS) {
            if (other != part) {
                b.exclude("^" + Pattern.quote(other.benchmark().getName()) + "\\.");
            }
        }
        if (jvm.java() != null) {
            b.jvm(jvm.java());
        }
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
            log(jvm.label() + " leaves out " + asked.stream().filter(jvm.unavailable()::containsKey)
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
        jvmArgs.addAll(forkFlags(jvm.feature()));
        jvmArgs.add("-D" + Databases.PROP_BACKEND + "=url");
        jvmArgs.add("-D" + Databases.PROP_URL + "=" + db.jdbcUrl());
        jvmArgs.add("-D" + Databases.PROP_USER + "=" + db.username());
        if (passwordFile != null) {
            jvmArgs.add("-D" + Databases.PROP_PASSWORD_FILE + "=" + passwordFile.toAbsolutePath());
        }
        b.jvmArgsAppend(jvmArgs.toArray(String[]::new));
        return new Runner(b.build()).run();
    }

    /**
     * The registry's strategies that can build a holder on this JVM (a strategy may need a newer JDK than the
     * one running; it is then left out and named in the report, instead of failing the run).
     *
     * @return the strategies to measure, in registry order
     */
    public static List<Strategy> availableStrategies() {
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

    /** Writes the password to a new file only this user can read; deleted when the run ends. */
    private static Path privatePasswordFile(String password) throws IOException {
        Path file;
        try {
            file = Files.createTempFile("lazyinit-db-", ".pw",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException | FileAlreadyExistsException e) {
            file = Files.createTempFile("lazyinit-db-", ".pw"); // not POSIX: the temp folder is per user there
        }
        file.toFile().deleteOnExit();
        Files.writeString(file, password, StandardCharsets.UTF_8);
        return file;
    }

    private static void writeResults(Path file, Collection<RunResult> results) throws IOException {
        try (PrintStream out = new PrintStream(Files.newOutputStream(file), true, StandardCharsets.UTF_8)) {
            ResultFormatFactory.getInstance(ResultFormatType.JSON, out).writeOut(results);
        }
    }

    private static Map<String, Object> environment(Profile profile, Database db, Instant started, long seconds,
                                                   String command, Collection<RunResult> results, List<ForkJvm> jvms) {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("profile", profile.name().toLowerCase(Locale.ROOT));
        env.put("cpu", cpuModel());
        env.put("cores", Runtime.getRuntime().availableProcessors());
        env.put("os", osName());
        env.put("jdk", System.getProperty("java.vendor") + " " + System.getProperty("java.runtime.version")
                + " (" + System.getProperty("java.vm.name") + ")");
        env.put("jmh", results.stream().findFirst().map(r -> r.getParams().getJmhVersion()).orElse("unknown"));
        env.put("postgres", db.serverVersion());
        env.put("backend", db.backend().name().toLowerCase(Locale.ROOT));
        env.put("poolSize", StoreConfig.DEFAULT_POOL_SIZE);
        env.put("started", started.toString());
        env.put("benchmarkSeconds", seconds);
        env.put("command", command.isBlank() ? "./bench" : "./bench " + command);
        List<Object> forkJdks = new ArrayList<>();
        for (ForkJvm jvm : jvms) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("feature", jvm.feature());
            j.put("java", jvm.java() == null ? "the runner's" : jvm.java());
            j.put("unavailable", new LinkedHashMap<>(jvm.unavailable()));
            forkJdks.add(j);
        }
        env.put("forkJdks", forkJdks);
        String note = System.getenv("LAZYINIT_BENCH_NOTE");
        if (note != null && !note.isBlank()) {
            env.put("machineNote", note);
        }
        return env;
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

    /**
     * Fails (and deletes the file) if the password appears in any file of the results folder.
     *
     * @param folder the results folder
     * @param password the password
     * @throws IOException if a file cannot be read
     */
    static void assertNoPassword(Path folder, String password) throws IOException {
        List<Path> leaked;
        try (Stream<Path> files = Files.walk(folder)) {
            leaked = files.filter(Files::isRegularFile).filter(f -> {
                try {
                    return new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains(password);
                } catch (IOException e) {
                    return true;
                }
            }).collect(Collectors.toList());
        }
        if (!leaked.isEmpty()) {
            for (Path f : leaked) {
                Files.deleteIfExists(f);
            }
            throw new IllegalStateException("The database password appeared in " + leaked
                    + "; those files were deleted. This is a bug: please report it.");
        }
        log("checked: the database password appears in no file of " + folder);
    }

    private static void log(String message) {
        System.out.println("[bench] " + message);
        System.out.flush();
    }
}
