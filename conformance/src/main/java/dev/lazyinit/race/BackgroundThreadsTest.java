package dev.lazyinit.race;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazyinit.harness.RecordingStoreFactory;
import dev.lazyinit.harness.db.Database;
import dev.lazyinit.harness.db.Databases;
import dev.lazyinit.harness.support.Available;
import dev.lazyinit.harness.support.Names;
import dev.lazyinit.harness.support.Ownership;
import dev.lazyinit.harness.support.Race;
import dev.lazyinit.lazy.Lazy;
import dev.lazyinit.store.PostgresStore;
import dev.lazyinit.strategy.Guarantee;
import dev.lazyinit.strategy.Strategy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The seed's background-thread patterns: at start-up a daemon "cleanup" thread and a pool of "embedding
 * workers" reach for the store while the first request arrives, all into the same cold holder.
 *
 * <p>What could go wrong: the background threads start before any request warmed the holder, so they are the
 * ones racing; a daemon thread is easy to forget. What shows it: the same ownership checks as the stampede, which
 * the unsynchronized control must fail here too.
 */
@Tag("integration")
class BackgroundThreadsTest {

    static final int EMBEDDING_WORKERS = 4;
    /** Rounds a control gets to show its duplicate pools. */
    static final int CONTROL_ROUNDS = 10;

    static Database db;

    @BeforeAll
    static void database() {
        db = Databases.get();
    }

    /**
     * The strategies that promise one live pool (exactly-once or closes-duplicates), as in the stampede: a provider's
     * holder that promises neither (Kotlin's {@code lazy(PUBLICATION)}) is not judged on it.
     */
    static List<Strategy> correct() {
        return Strategy.correct().stream().filter(s -> !s.mayLeakDuplicates()).toList();
    }

    /** The controls that exist to break exactly-once: the background pattern must catch them too. */
    static List<Strategy> exactlyOnceBreakers() {
        return Strategy.brokenControls().stream().filter(s -> s.violates().contains(Guarantee.EXACTLY_ONCE)).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("correct")
    void cleanupDaemonAndEmbeddingWorkersRaceTheFirstRequest(Strategy strategy) throws Exception {
        Available.assume(strategy);
        RecordingStoreFactory factory = new RecordingStoreFactory(db.storeConfig(Names.unique("background")));
        Lazy<PostgresStore> holder = strategy.newHolder(factory);
        try {
            Ownership.assertOneLivePool(strategy, db, factory, raceTheFirstRequest(holder));
            holder.close();
            Ownership.assertNothingLeft(db, factory);
        } finally {
            holder.close();
            factory.closeAll();
        }
    }

    /**
     * The negative control: a control that breaks exactly-once runs through the same start-up pattern and the same
     * one-live-pool check, which must find its duplicate pools, the server's count included, within a few rounds.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("exactlyOnceBreakers")
    void aControlThatBreaksExactlyOnceIsCaught(Strategy control) throws Exception {
        Available.assume(control);
        List<Ownership.Problem> caught = List.of();
        String observed = "";
        int rounds = 0;
        while (caught.isEmpty() && rounds < CONTROL_ROUNDS) {
            rounds++;
            RecordingStoreFactory factory = new RecordingStoreFactory(db.storeConfig(Names.unique("background")));
            Lazy<PostgresStore> holder = control.newHolder(factory);
            try {
                Ownership.Seen seen = Ownership.observe(db, factory, raceTheFirstRequest(holder));
                List<Ownership.Problem> problems = Ownership.problems(Guarantee.EXACTLY_ONCE, seen);
                if (problems.stream().anyMatch(p -> p.part() == Ownership.Part.SERVER_CONNECTIONS)) {
                    caught = problems;
                }
                observed = "round " + rounds + ": " + seen.summary() + "; found " + problems;
            } finally {
                holder.close();
                factory.closeAll(); // clean up what the control leaked
                Ownership.assertNothingLeft(db, factory);
            }
        }
        assertThat(caught).as("%s failed the one-live-pool check, the server's count included, within %d rounds:"
                + " if not, this test has lost its teeth (last: %s)", control, CONTROL_ROUNDS, observed).isNotEmpty();
    }

    /**
     * Starts the cleanup daemon and the embedding workers against a cold holder, lets them go together with the
     * first request (on this thread), and collects what each got.
     */
    private static List<Race.Result<PostgresStore>> raceTheFirstRequest(Lazy<PostgresStore> holder)
            throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService embeddingWorkers = Executors.newFixedThreadPool(EMBEDDING_WORKERS, r -> {
            Thread t = new Thread(r, "embedding-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            AtomicReference<Race.Result<PostgresStore>> cleanupResult = new AtomicReference<>();
            Thread cleanup = new Thread(() -> {
                await(go);
                cleanupResult.set(call(holder));
            }, "cleanup-daemon");
            cleanup.setDaemon(true);
            cleanup.start();

            List<Future<Race.Result<PostgresStore>>> workers = new ArrayList<>();
            for (int i = 0; i < EMBEDDING_WORKERS; i++) {
                workers.add(embeddingWorkers.submit(() -> {
                    await(go);
                    return call(holder);
                }));
            }

            go.countDown();
            Race.Result<PostgresStore> request = call(holder); // the first request, on this thread

            List<Race.Result<PostgresStore>> results = new ArrayList<>();
            results.add(request);
            for (Future<Race.Result<PostgresStore>> w : workers) {
                results.add(w.get(Race.HANG_BOUND.toSeconds(), TimeUnit.SECONDS));
            }
            cleanup.join(Race.HANG_BOUND.toMillis());
            assertThat(cleanup.isAlive()).as("the cleanup daemon still waiting after %s", Race.HANG_BOUND).isFalse();
            results.add(cleanupResult.get());
            return results;
        } finally {
            embeddingWorkers.shutdownNow();
        }
    }

    private static Race.Result<PostgresStore> call(Lazy<PostgresStore> holder) {
        try {
            return new Race.Result<>(holder.get(), null);
        } catch (RuntimeException | Error e) {
            return new Race.Result<>(null, e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
