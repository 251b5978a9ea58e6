package dev.lazyinit.jmh.vthreads;

import dev.lazyinit.harness.db.Database;
import dev.lazyinit.harness.db.Databases;
import dev.lazyinit.lazy.Lazy;
import dev.lazyinit.store.PostgresStore;
import dev.lazyinit.harness.RecordingStoreFactory;
import dev.lazyinit.strategy.Strategy;
import java.io.IOException;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

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
 * {@code vthreads.json} and {@code vthreads.md} into the folder given as the first argument.
 */
public final class VirtualThreadStampede {

    /** How many virtual threads race into each cold holder. */
    static final int THREADS = Integer.getInteger("lazyinit.vthreads", 2_000);
    /** Rounds per strategy: the table reports the median time and all pinning events. */
    static final int ROUNDS = Integer.getInteger("lazyinit.vthreads.rounds", 3);
    /** A round that has not finished by then is reported as stuck and torn down (its threads interrupted). */
    static final Duration STUCK = Duration.ofSeconds(Integer.getInteger("lazyinit.vthreads.stuckSeconds", 30));

    private VirtualThreadStampede() {
    }

    record Row(Strategy strategy, int threads, List<Long> nanos, int created, long pinnedEvents,
               Duration pinnedTotal, Map<String, Long> pinnedAt, String note) {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/vthreads");
        Files.createDirectories(out);
        Method newVirtual;
        try {
            newVirtual = java.util.concurrent.Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
        } catch (NoSuchMethodException e) {
            System.err.println("Virtual threads need JDK 21 or newer; this is " + Runtime.version() + ". Skipped.");
            return;
        }
        Database db = Databases.get();
        List<Row> rows = new ArrayList<>();
        String only = System.getProperty("lazyinit.vthreads.only", "");
        for (Strategy strategy : Strategy.values()) {
            if (!only.isEmpty() && !java.util.Arrays.asList(only.split(",")).contains(strategy.name())) {
                continue;
            }
            if (!strategy.available()) {
                rows.add(new Row(strategy, 0, List.of(), 0, 0, Duration.ZERO, Map.of(),
                        "not run: " + strategy.unavailableReason()));
                continue;
            }
            if (strategy.mayLeakDuplicates() || !strategy.guarantees(dev.lazyinit.strategy.Guarantee.EXACTLY_ONCE)) {
                rows.add(new Row(strategy, 0, List.of(), 0, 0, Duration.ZERO, Map.of(),
                        "not run: every racing thread may build its own pool"));
                continue;
            }
            rows.add(run(strategy, db, newVirtual, out));
            System.out.println("vthreads: " + strategy + " done");
        }
        String md = markdown(rows, db);
        Files.writeString(out.resolve("vthreads.md"), md);
        Files.writeString(out.resolve("vthreads.json"), json(rows, db));
        System.out.println(md);
    }

    private static Row run(Strategy strategy, Database db, Method newVirtual, Path out) throws Exception {
        List<Long> times = new ArrayList<>();
        int created = 0;
        String stuck = "";
        Path jfr = out.resolve("vthreads-" + strategy.name().toLowerCase(Locale.ROOT) + ".jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.VirtualThreadPinned").withThreshold(Duration.ZERO).withStackTrace();
            recording.start();
            for (int round = 0; round < ROUNDS; round++) {
                RecordingStoreFactory factory = new RecordingStoreFactory(
                        db.storeConfig("li-vt-" + strategy.name().toLowerCase(Locale.ROOT) + "-" + round));
                Lazy<PostgresStore> holder = strategy.newHolder(factory);
                ExecutorService vts = (ExecutorService) newVirtual.invoke(null); // AutoCloseable only since 19
                try {
                    CountDownLatch go = new CountDownLatch(1);
                    List<Future<PostgresStore>> futures = new ArrayList<>(THREADS);
                    for (int i = 0; i < THREADS; i++) {
                        futures.add(vts.submit(() -> {
                            go.await();
                            return holder.get();
                        }));
                    }
                    long start = System.nanoTime();
                    go.countDown();
                    Set<PostgresStore> seen = Collections.newSetFromMap(new IdentityHashMap<>());
                    long deadline = start + STUCK.toNanos();
                    int finished = 0;
                    try {
                        for (Future<PostgresStore> f : futures) {
                            seen.add(f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
                            finished++;
                        }
                    } catch (java.util.concurrent.TimeoutException e) {
                        stuck = String.format(Locale.ROOT, "STUCK: after %d s only %d of %d threads held the store;"
                                + " %d stores created; the round was torn down by interrupting its threads",
                                STUCK.toSeconds(), finished, THREADS, factory.calls());
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
        Map<String, Long> at = new LinkedHashMap<>();
        for (RecordedEvent e : RecordingFile.readAllEvents(jfr)) {
            if (!e.getEventType().getName().equals("jdk.VirtualThreadPinned")) {
                continue;
            }
            events++;
            total = total.plus(e.getDuration());
            at.merge(where(e), 1L, Long::sum);
        }
        Files.deleteIfExists(jfr);
        return new Row(strategy, THREADS, times, created, events, total, at, stuck);
    }

    /** The first frame of our own code or of the JDK's class initialization: where the pin happened. */
    private static String where(RecordedEvent e) {
        if (e.getStackTrace() == null) {
            return "unknown";
        }
        for (RecordedFrame f : e.getStackTrace().getFrames()) {
            String type = f.getMethod().getType().getName();
            if (type.startsWith("dev.lazyinit.") || f.getMethod().getName().equals("<clinit>")) {
                return type.substring(type.lastIndexOf('.') + 1) + "." + f.getMethod().getName();
            }
        }
        List<RecordedFrame> frames = e.getStackTrace().getFrames();
        return frames.isEmpty() ? "unknown" : frames.get(0).getMethod().getType().getName() + "."
                + frames.get(0).getMethod().getName();
    }

    private static String markdown(List<Row> rows, Database db) {
        StringBuilder md = new StringBuilder("## Virtual-thread cold stampede\n\n");
        md.append(String.format(Locale.ROOT, "%d virtual threads released together into one cold holder per strategy,"
                + " %d rounds; the factory opens the real pool. JDK %s (%s); %s. Pinning recorded by JFR"
                + " (`jdk.VirtualThreadPinned`, threshold 0).%n%n", THREADS, ROUNDS, Runtime.version(),
                System.getProperty("java.vendor"), db.describe()));
        md.append("| strategy | threads | time until all hold the store (median, min–max) | stores created | pinned events | pinned time | pinned at |\n");
        md.append("|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            if (r.nanos().isEmpty() && r.threads() == 0) {
                md.append("| ").append(r.strategy().displayName()).append(" | – | ").append(r.note())
                        .append(" | – | – | – | – |\n");
                continue;
            }
            if (r.nanos().isEmpty()) {
                md.append(String.format(Locale.ROOT, "| %s | %d | %s | %d | %d | %.1f ms | %s |%n",
                        r.strategy().displayName(), r.threads(), r.note(), r.created(), r.pinnedEvents(),
                        r.pinnedTotal().toNanos() / 1e6, r.pinnedAt().isEmpty() ? "–"
                                : r.pinnedAt().toString().replace("{", "").replace("}", "")));
                continue;
            }
            List<Long> sorted = new ArrayList<>(r.nanos());
            Collections.sort(sorted);
            md.append(String.format(Locale.ROOT, "| %s | %d | %.0f ms (%.0f–%.0f) | %d in %d rounds | %d | %.1f ms | %s |%n",
                    r.strategy().displayName(), r.threads(), sorted.get(sorted.size() / 2) / 1e6,
                    sorted.get(0) / 1e6, sorted.get(sorted.size() - 1) / 1e6, r.created(), ROUNDS,
                    r.pinnedEvents(), r.pinnedTotal().toNanos() / 1e6,
                    r.pinnedAt().isEmpty() ? "–" : r.pinnedAt().toString().replace("{", "").replace("}", "")));
        }
        return md.toString();
    }

    private static String json(List<Row> rows, Database db) {
        StringBuilder json = new StringBuilder("{\n  \"jdk\": \"" + Runtime.version() + "\",\n  \"vendor\": \""
                + System.getProperty("java.vendor") + "\",\n  \"generatedAt\": \"" + Instant.now()
                + "\",\n  \"threads\": " + THREADS + ",\n  \"rounds\": " + ROUNDS + ",\n  \"database\": \""
                + db.describe().replace("\"", "'") + "\",\n  \"rows\": [");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            json.append(i == 0 ? "\n" : ",\n").append("    {\"strategy\": \"").append(r.strategy().name())
                    .append("\", \"threads\": ").append(r.threads()).append(", \"nanos\": ").append(r.nanos())
                    .append(", \"created\": ").append(r.created()).append(", \"pinnedEvents\": ")
                    .append(r.pinnedEvents()).append(", \"pinnedNanos\": ").append(r.pinnedTotal().toNanos())
                    .append(", \"pinnedAt\": {");
            int j = 0;
            for (Map.Entry<String, Long> e : r.pinnedAt().entrySet()) {
                json.append(j++ == 0 ? "" : ", ").append('"').append(e.getKey()).append("\": ").append(e.getValue());
            }
            json.append("}, \"note\": \"").append(r.note().replace("\"", "'")).append("\"}");
        }
        return json.append("\n  ]\n}\n").toString();
    }
}
