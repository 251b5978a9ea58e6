package dev.lazyinit.jmh.vthreads;

import dev.lazyinit.harness.RecordingStoreFactory;
import dev.lazyinit.harness.contract.Codec;
import dev.lazyinit.harness.contract.ResultsLayout;
import dev.lazyinit.harness.contract.VirtualThreadResults;
import dev.lazyinit.harness.contract.VirtualThreadResults.Outcome;
import dev.lazyinit.harness.contract.VirtualThreadResults.Pin;
import dev.lazyinit.harness.contract.VirtualThreadResults.Row;
import dev.lazyinit.harness.db.Database;
import dev.lazyinit.harness.db.Databases;
import dev.lazyinit.lazy.Lazy;
import dev.lazyinit.store.PostgresStore;
import dev.lazyinit.strategy.Guarantee;
import dev.lazyinit.strategy.Strategy;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * A cold stampede of thousands of virtual threads into one holder per strategy, whose factory does real
 * blocking I/O (it opens the pool), with JFR recording {@code jdk.VirtualThreadPinned}.
 *
 * <p>What could go wrong: a virtual thread that blocks while pinned to its carrier holds one of the few carrier
 * threads (one per core by default), so thousands of waiters can starve the scheduler. Before JDK 24 waiting to
 * enter a {@code synchronized} block pinned; since JDK 24 (JEP 491) it does not, but waiting for another thread's
 * class initialization (the holder idiom) still does. What shows it: {@code jdk.VirtualThreadPinned} events, and
 * their total duration, per strategy.
 *
 * <p>Only strategies that create the store once are run: a strategy that lets every racing thread build its own
 * pool (AtomicReference, the broken controls) would open thousands of pools at once, which the platform-thread
 * stampede benchmark already measures at 64 threads.
 *
 * <p>Needs JDK 21 or newer (virtual threads); run on JDK 25 for the current behaviour. Writes
 * {@code vthreads.json} ({@link VirtualThreadResults}) and {@code vthreads.md} into the folder given:
 *
 * <pre>
 *   java -cp benchmarks.jar dev.lazyinit.jmh.vthreads.VirtualThreadStampede [--threads N] [--rounds N]
 *        [--stuck-seconds N] [--only STRATEGY,...] [FOLDER]
 * </pre>
 *
 * The options default to the system properties {@code lazyinit.vthreads}, {@code lazyinit.vthreads.rounds},
 * {@code lazyinit.vthreads.stuckSeconds} and {@code lazyinit.vthreads.only}, else 2000 threads, 3 rounds, 30 s.
 */
@Command(name = "VirtualThreadStampede", description = "Many virtual threads into one cold holder per strategy,"
        + " with JFR recording where they pin.")
public final class VirtualThreadStampede implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "FOLDER", defaultValue = "target/vthreads",
            description = "Where to write vthreads.json and vthreads.md (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "${sys:lazyinit.vthreads:-2000}",
            description = "Virtual threads released together into each cold holder (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "${sys:lazyinit.vthreads.rounds:-3}",
            description = "Rounds per strategy; the table reports the median time (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--stuck-seconds", paramLabel = "S", defaultValue = "${sys:lazyinit.vthreads.stuckSeconds:-30}",
            description = "A round not finished by then is reported as STUCK and torn down by interrupting its"
                    + " threads (default: ${DEFAULT-VALUE}).")
    int stuckSeconds;

    @Option(names = "--only", split = ",", paramLabel = "STRATEGY", defaultValue = "${sys:lazyinit.vthreads.only}",
            description = "Only these strategies (default: every one of the registry).")
    List<String> only = new ArrayList<>();

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    /**
     * @param args see the class comment
     */
    public static void main(String[] args) {
        System.exit(new CommandLine(new VirtualThreadStampede()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(out);
        Method newVirtual;
        try {
            newVirtual = java.util.concurrent.Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
        } catch (NoSuchMethodException e) {
            System.err.println("Virtual threads need JDK 21 or newer; this is " + Runtime.version() + ". Skipped.");
            return 0;
        }
        Database db = Databases.get();
        List<Row> rows = new ArrayList<>();
        for (Strategy strategy : Strategy.values()) {
            if (only != null && !only.isEmpty() && !only.contains(strategy.name())) {
                continue;
            }
            if (!strategy.available()) {
                rows.add(notRun(strategy, "not run: " + strategy.unavailableReason()));
                continue;
            }
            if (!strategy.guarantees(Guarantee.EXACTLY_ONCE)) {
                rows.add(notRun(strategy, "not run: every racing thread may build its own pool"));
                continue;
            }
            rows.add(run(strategy, db, newVirtual));
            System.out.println("vthreads: " + strategy + " done");
        }
        VirtualThreadResults results = new VirtualThreadResults(VirtualThreadResults.FORMAT,
                Runtime.version().toString(), System.getProperty("java.vendor"), Instant.now().toString(), threads,
                rounds, db.describe(), rows);
        String md = VirtualThreadTable.markdown(results);
        Files.writeString(out.resolve("vthreads.md"), md);
        Codec.write(out.resolve(ResultsLayout.Folder.VIRTUAL_THREADS), results);
        System.out.println(md);
        return 0;
    }

    private static Row notRun(Strategy strategy, String why) {
        return Row.notRun(strategy.name(), why);
    }

    private Row run(Strategy strategy, Database db, Method newVirtual) throws Exception {
        List<Long> times = new ArrayList<>();
        int created = 0;
        String stuck = "";
        Duration stuckAfter = Duration.ofSeconds(stuckSeconds);
        Path jfr = out.resolve("vthreads-" + strategy.name().toLowerCase(Locale.ROOT) + ".jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.VirtualThreadPinned").withThreshold(Duration.ZERO).withStackTrace();
            recording.start();
            for (int round = 0; round < rounds; round++) {
                RecordingStoreFactory factory = new RecordingStoreFactory(
                        db.storeConfig("li-vt-" + strategy.name().toLowerCase(Locale.ROOT) + "-" + round));
                Lazy<PostgresStore> holder = strategy.newHolder(factory);
                ExecutorService vts = (ExecutorService) newVirtual.invoke(null); // AutoCloseable only since 19
                try {
                    CountDownLatch go = new CountDownLatch(1);
                    List<Future<PostgresStore>> futures = new ArrayList<>(threads);
                    for (int i = 0; i < threads; i++) {
                        futures.add(vts.submit(() -> {
                            go.await();
                            return holder.get();
                        }));
                    }
                    long start = System.nanoTime();
                    go.countDown();
                    Set<PostgresStore> seen = Collections.newSetFromMap(new IdentityHashMap<>());
                    long deadline = start + stuckAfter.toNanos();
                    int finished = 0;
                    try {
                        for (Future<PostgresStore> f : futures) {
                            seen.add(f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
                            finished++;
                        }
                    } catch (TimeoutException e) {
                        created += factory.calls(); // the table's count and this note's are the same number
                        stuck = String.format(Locale.ROOT, "STUCK: after %d s only %d of %d threads held the store"
                                + " (round %d of %d); %d %s created; the round was torn down by interrupting its"
                                + " threads", stuckAfter.toSeconds(), finished, threads, round + 1, rounds, created,
                                created == 1 ? "store" : "stores");
                        break;
                    }
                    times.add(System.nanoTime() - start);
                    if (seen.size() != 1) {
                        throw new IllegalStateException(strategy + " handed out " + seen.size() + " stores");
                    }
                    created += factory.calls();
                } finally {
                    vts.shutdownNow();
                    vts.awaitTermination(1, TimeUnit.MINUTES);
                    try {
                        holder.close();
                    } catch (RuntimeException | LinkageError e) {
                        // a holder idiom whose initialization was torn down cannot even be asked
                    }
                    factory.closeAll();
                }
            }
            recording.stop();
            recording.dump(jfr);
        }
        long events = 0;
        Duration total = Duration.ZERO;
        Map<Site, long[]> at = new LinkedHashMap<>(); // per site: all pins, long pins
        for (RecordedEvent e : RecordingFile.readAllEvents(jfr)) {
            if (!e.getEventType().getName().equals("jdk.VirtualThreadPinned")) {
                continue;
            }
            events++;
            total = total.plus(e.getDuration());
            long[] counts = at.computeIfAbsent(where(e), k -> new long[2]);
            counts[0]++;
            if (e.getDuration().compareTo(VirtualThreadResults.LONG_PIN) >= 0) {
                counts[1]++;
            }
        }
        Files.deleteIfExists(jfr);
        List<Pin> pins = at.entrySet().stream().map(p -> new Pin(p.getKey().name(), p.getKey().inSuiteCode(),
                p.getValue()[0], p.getValue()[1])).toList();
        return new Row(strategy.name(), stuck.isEmpty() ? Outcome.FINISHED : Outcome.STUCK, threads, times, created,
                events, total.toNanos(), pins, stuck);
    }

    /** A pin's site, and whether it is a frame of the suite's own code or of a class initializer. */
    private record Site(String name, boolean inSuiteCode) {
    }

    /** The first frame of our own code or of the JDK's class initialization: where the pin happened. */
    private static Site where(RecordedEvent e) {
        if (e.getStackTrace() == null) {
            return new Site("unknown", false);
        }
        for (RecordedFrame f : e.getStackTrace().getFrames()) {
            String type = f.getMethod().getType().getName();
            if (type.startsWith("dev.lazyinit.") || f.getMethod().getName().equals("<clinit>")) {
                return new Site(type.substring(type.lastIndexOf('.') + 1) + "." + f.getMethod().getName(), true);
            }
        }
        List<RecordedFrame> frames = e.getStackTrace().getFrames();
        return new Site(frames.isEmpty() ? "unknown" : frames.get(0).getMethod().getType().getName() + "."
                + frames.get(0).getMethod().getName(), false);
    }
}
