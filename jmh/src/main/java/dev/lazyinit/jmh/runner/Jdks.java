package dev.lazyinit.jmh.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Everything the suite knows about JDKs, in one place: which feature release a JDK is, where to find an installed
 * JDK of a release, the flags every JVM of a release gets, which JDK runs the benchmark runner and which one the
 * virtual-thread stampede.
 *
 * <p>It depends on the JDK only, so that the scripts can ask it before anything is built, with Java's single-file
 * source launcher:
 *
 * <pre>
 *   java jmh/src/main/java/dev/lazyinit/jmh/runner/Jdks.java COMMAND
 *     find 25       the home of an installed JDK 25 (exit 1: none)
 *     feature JDK   the feature release of a JDK (a feature number, a JDK folder or its bin/java)
 *     flags 25      the flags every JVM of JDK 25 gets, one a line
 *     runner ARGS   for ./bench's arguments, the runner's JVM: its java, then its flags, one a line
 *     vthreads      the java of the virtual-thread stampede (exit 1: none)
 * </pre>
 *
 * A bad JDK in the arguments of {@code runner} exits with 2 and says why, before anything is built. The benchmark
 * runner uses the same class, compiled.
 *
 * <p>So it stays one file that needs nothing but the JDK: a single-file source launch on JDK 17 or 21 compiles
 * this file alone. {@code ./bench} launches {@code runner} so on every run, {@code .ci/run} launches {@code find},
 * the jmh README documents the other commands, and together they reach everything here but
 * {@link #previewSources}: moved into another class, a part would break its command before anything is built.
 */
public final class Jdks {

    /** The usual Linux JDK folder, scanned for installed JDKs. */
    public static final Path JVM_FOLDER = Path.of("/usr/lib/jvm");
    /** The oldest JDK the suite runs on. */
    public static final int OLDEST = 17;
    /** Virtual threads, which the stampede needs. */
    public static final int VIRTUAL_THREADS = 21;
    /** From here on a JVM is told that the class path may use restricted native methods (embedded PostgreSQL). */
    public static final int NATIVE_ACCESS = 22;
    /**
     * The first release with a preview strategy (StableValue on 25, LazyConstant on 26): from here on every
     * JVM gets --enable-preview, which costs nothing where no preview class is loaded.
     */
    public static final int PREVIEW = 25;
    /**
     * The newest release whose preview source set the build knows: the same number as the parent pom's
     * {@code jdk.newest.known}, whose jdk25, jdk26, jdk27 and jdk-unknown profiles decide which source set each JDK
     * compiles ({@link #previewSources}; a test keeps the two equal). A newer JDK builds the portable part only.
     */
    public static final int NEWEST_KNOWN = 27;
    /** Names the java of the virtual-thread stampede (a JDK folder or its bin/java), overriding the choice. */
    public static final String VT_JAVA_ENV = "BENCH_VT_JAVA";

    private static final Pattern RELEASE_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(?:1\\.)?(\\d+)");
    private static final Pattern SPEC_VERSION = Pattern.compile("java\\.specification\\.version = (?:1\\.)?(\\d+)");

    /** An installed JDK: its {@code java} executable and its feature release (17, 25, ...). */
    public record Jdk(Path java, int feature) {

        /** @return its home folder, the one {@code JAVA_HOME} names */
        public Path home() {
            Path bin = java.toAbsolutePath().getParent();
            return bin == null || bin.getParent() == null ? bin : bin.getParent();
        }

        /** @return its java followed by the flags every JVM of its release gets: the start of a command line */
        public List<String> command() {
            List<String> command = new ArrayList<>(List.of(java.toString()));
            command.addAll(flags(feature));
            return command;
        }

        /** @return "JDK 25" */
        public String label() {
            return "JDK " + feature;
        }
    }

    private Jdks() {
    }

    /**
     * @param feature a feature release
     * @return the flags every JVM of that release gets, the runner's, the benchmark forks' and the stampede's alike:
     *         {@code --enable-native-access=ALL-UNNAMED} from JDK 22 on, {@code --enable-preview} from JDK 25 on
     */
    public static List<String> flags(int feature) {
        List<String> flags = new ArrayList<>();
        if (feature >= NATIVE_ACCESS) {
            flags.add("--enable-native-access=ALL-UNNAMED");
        }
        if (feature >= PREVIEW) {
            flags.add("--enable-preview");
        }
        return flags;
    }

    /**
     * @param feature a feature release
     * @return the store's preview source set that release compiles, as the parent pom decides it: {@code java25}
     *         (StableValue), {@code java26} (LazyConstant), or empty (none: before 25; on 27, whose LazyConstant
     *         is another API; after {@link #NEWEST_KNOWN})
     */
    public static Optional<String> previewSources(int feature) {
        return switch (feature) {
            case 25 -> Optional.of("java25");
            case 26 -> Optional.of("java26");
            default -> Optional.empty();
        };
    }

    /** @return the JDK this code runs on */
    public static Jdk current() {
        return new Jdk(Path.of(System.getProperty("java.home"), "bin", "java"), Runtime.version().feature());
    }

    /**
     * @param java a {@code java} executable
     * @return its feature release, read from its JDK's {@code release} file, else asked of it; 0 if it did not say
     */
    public static int feature(Path java) {
        try {
            Path bin = java.toRealPath().getParent();
            Path release = bin == null || bin.getParent() == null ? null : bin.getParent().resolve("release");
            if (release != null && Files.isRegularFile(release)) {
                Matcher m = RELEASE_VERSION.matcher(Files.readString(release, StandardCharsets.UTF_8));
                if (m.find()) {
                    return Integer.parseInt(m.group(1));
                }
            }
        } catch (IOException | RuntimeException e) {
            // ask the executable
        }
        try {
            Process p = new ProcessBuilder(java.toString(), "-XshowSettings:properties", "-version")
                    .redirectErrorStream(true).start();
            Matcher m = SPEC_VERSION.matcher(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            p.waitFor();
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /**
     * @param entry a {@code --jdks} entry: a feature number (found by {@link #find}), a JDK folder or a {@code java}
     * @return its JDK
     * @throws IllegalArgumentException if the entry names none, with a message for the person who typed it
     */
    public static Jdk resolve(String entry) {
        String e = entry.strip();
        if (e.matches("\\d+")) {
            int feature = Integer.parseInt(e);
            return find(feature).orElseThrow(() -> new IllegalArgumentException("no JDK " + feature + " found in"
                    + " JAVA_HOME, on the PATH or in " + JVM_FOLDER + "; give its folder instead, e.g. --jdks /opt/jdk-"
                    + feature));
        }
        Path path = Path.of(e);
        Path java = Files.isDirectory(path) ? path.resolve("bin").resolve("java") : path;
        if (e.isEmpty() || Files.isDirectory(java) || !Files.isExecutable(java)) {
            throw new IllegalArgumentException("--jdks: '" + entry + "' is neither a feature number nor a JDK folder"
                    + " nor a java executable");
        }
        return new Jdk(java.toAbsolutePath().normalize(), feature(java));
    }

    /** @return the JDKs of {@code --jdks} entries, each possibly a comma-separated list, in order, each once */
    public static List<Jdk> resolveAll(List<String> entries) {
        Set<Jdk> jdks = new LinkedHashSet<>();
        for (String entry : entries) {
            for (String one : entry.split(",")) {
                jdks.add(resolve(one));
            }
        }
        return List.copyOf(jdks);
    }

    /** @return the first installed JDK of a feature release (see {@link #installed}) */
    public static Optional<Jdk> find(int feature) {
        return installed().stream().filter(j -> j.feature() == feature).findFirst();
    }

    /** @return the JDKs of {@code JAVA_HOME}, the {@code PATH} and {@link #JVM_FOLDER}, in that order, each once */
    public static List<Jdk> installed() {
        Set<Path> javas = new LinkedHashSet<>();
        javaHome().ifPresent(javas::add);
        onPath().ifPresent(javas::add);
        if (Files.isDirectory(JVM_FOLDER)) {
            try (Stream<Path> homes = Files.list(JVM_FOLDER)) {
                homes.sorted().map(h -> h.resolve("bin").resolve("java")).forEach(javas::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Set<Jdk> jdks = new LinkedHashSet<>();
        for (Path java : javas) {
            real(java).map(j -> new Jdk(j, feature(j))).filter(j -> j.feature() > 0).ifPresent(jdks::add);
        }
        return List.copyOf(jdks);
    }

    /** @return the JDK a plain {@code java} command starts: {@code JAVA_HOME}'s, else the one on the {@code PATH} */
    public static Optional<Jdk> defaultJdk() {
        return javaHome().or(Jdks::onPath).flatMap(Jdks::real).map(j -> new Jdk(j, feature(j)));
    }

    private static Optional<Path> javaHome() {
        String home = System.getenv("JAVA_HOME");
        return home == null || home.isBlank() ? Optional.empty() : Optional.of(Path.of(home, "bin", "java"));
    }

    /** @return the executable with links resolved, if it is one */
    private static Optional<Path> real(Path java) {
        try {
            return Files.isExecutable(java) && !Files.isDirectory(java) ? Optional.of(java.toRealPath())
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // a dangling link
        }
    }

    private static Optional<Path> onPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(java.io.File.pathSeparator)).filter(d -> !d.isEmpty())
                .map(d -> Path.of(d, "java")).filter(j -> Files.isExecutable(j) && !Files.isDirectory(j)).findFirst();
    }

    /** @return the newest of some JDKs (the first of the newest release) */
    public static Optional<Jdk> newest(List<Jdk> jdks) {
        return jdks.stream().max(Comparator.comparingInt(Jdk::feature));
    }

    /**
     * @param benchArgs the arguments of {@code ./bench}
     * @return the JDK the benchmark runner runs on and is built with: the newest of {@code --jdks} (so that the
     *         strategies only a newer JDK compiles are in the jar), else the default one
     * @throws IllegalArgumentException if a {@code --jdks} entry names no JDK, or no java is found
     */
    public static Jdk runnerJdk(List<String> benchArgs) {
        List<String> entries = jdksEntries(benchArgs);
        Optional<Jdk> jdk = entries.isEmpty() ? defaultJdk() : newest(resolveAll(entries));
        return jdk.orElseThrow(() -> new IllegalArgumentException("no java found: set JAVA_HOME to a JDK "
                + OLDEST + " or newer"));
    }

    /** @return the values of {@code --jdks} (or {@code --jdk}) in {@code ./bench}'s arguments, before any {@code --} */
    private static List<String> jdksEntries(List<String> benchArgs) {
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < benchArgs.size() && !benchArgs.get(i).equals("--"); i++) {
            String arg = benchArgs.get(i);
            if (arg.equals("--jdks") || arg.equals("--jdk")) {
                if (i + 1 >= benchArgs.size()) {
                    throw new IllegalArgumentException("--jdks needs a list, e.g. --jdks 17,25");
                }
                entries.add(benchArgs.get(++i));
            } else if (arg.startsWith("--jdks=") || arg.startsWith("--jdk=")) {
                entries.add(arg.substring(arg.indexOf('=') + 1));
            }
        }
        return entries;
    }

    /**
     * @param runner the runner's JDK
     * @param forks the JDKs the benchmarks forked
     * @return the JDK of the virtual-thread stampede: the one {@value #VT_JAVA_ENV} names (maybe too old: the caller
     *         says so), else the runner's, the newest fork JDK or the newest installed JDK that has virtual threads
     */
    public static Optional<Jdk> forVirtualThreads(Jdk runner, List<Jdk> forks) {
        String given = System.getenv(VT_JAVA_ENV);
        if (given != null && !given.isBlank()) {
            return Optional.of(resolve(given));
        }
        if (runner.feature() >= VIRTUAL_THREADS) {
            return Optional.of(runner);
        }
        Optional<Jdk> fork = newest(forks.stream().filter(j -> j.feature() >= VIRTUAL_THREADS).toList());
        if (fork.isPresent()) {
            return fork;
        }
        return newest(installed().stream().filter(j -> j.feature() >= VIRTUAL_THREADS).toList());
    }

    /** @param args a command and its arguments: see the class comment */
    public static void main(String[] args) {
        List<String> rest = List.of(args).subList(Math.min(1, args.length), args.length);
        String one = rest.size() == 1 ? rest.get(0) : "";
        try {
            switch (args.length == 0 ? "" : args[0]) {
                case "find" -> {
                    Optional<Jdk> jdk = one.matches("\\d+") ? find(Integer.parseInt(one)) : Optional.empty();
                    jdk.ifPresent(j -> System.out.println(j.home()));
                    System.exit(jdk.isPresent() ? 0 : 1);
                }
                case "feature" -> System.out.println(resolve(one).feature());
                case "flags" -> flags(one.matches("\\d+") ? Integer.parseInt(one) : 0).forEach(System.out::println);
                case "runner" -> {
                    Jdk jdk = runnerJdk(rest);
                    if (jdk.feature() < OLDEST) {
                        throw new IllegalArgumentException(jdk.java() + " is JDK " + jdk.feature()
                                + "; the suite needs " + OLDEST + " or newer (set JAVA_HOME)");
                    }
                    if (!jdksEntries(rest).isEmpty()) {
                        System.err.println("[bench] JDKs side by side: " + String.join(",", jdksEntries(rest))
                                + "; building and running the runner on the newest, " + jdk.label() + " ("
                                + jdk.home() + ")");
                    }
                    jdk.command().forEach(System.out::println);
                }
                case "vthreads" -> {
                    Optional<Jdk> jdk = forVirtualThreads(current(), List.of());
                    jdk.ifPresent(j -> System.out.println(j.java()));
                    System.exit(jdk.isPresent() ? 0 : 1);
                }
                default -> {
                    System.err.println("usage: java Jdks.java find N | feature JDK | flags N | runner [BENCH ARGS]"
                            + " | vthreads");
                    System.exit(2);
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
        }
    }
}
