package dev.lazyinit.race;

import dev.lazyinit.harness.RecordingStoreFactory;
import dev.lazyinit.harness.db.Database;
import dev.lazyinit.harness.db.Databases;
import dev.lazyinit.harness.support.Available;
import dev.lazyinit.harness.support.Names;
import dev.lazyinit.harness.support.Ownership;
import dev.lazyinit.harness.support.Race;
import dev.lazyinit.lazy.Lazy;
import dev.lazyinit.store.PostgresStore;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The seed's background-thread patterns: at start-up a daemon "cleanup" thread and a pool of "embedding
 * workers" reach for the store while the first request arrives, all into the same cold holder.
 *
 * <p>What could go wrong: the background threads start before any request warmed the holder, so they are the
 * ones racing; a daemon thread is easy to forget. What shows it: the same ownership checks as the stampede.
 */
class BackgroundThreadsTest {

    static final int EMBEDDING_WORKERS = 4;

    static Database db;

    @BeforeAll
    static void database() {
        db = Databases.get();
    }

    static List<Strategy> correct() {
        return Strategy.correct();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("correct")
    void cleanupDaemonAndEmbeddingWorkersRaceTheFirstRequest(Strategy strategy) throws Exception {
        Available.assume(strategy);
        RecordingStoreFactory factory = new RecordingStoreFactory(db.storeConfig(Names.unique("background")));
        Lazy<PostgresStore> holder = strategy.newHolder(factory);
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
            results.add(cleanupResult.get());

            Ownership.assertOneLivePool(strategy, db, factory, results);
            holder.close();
            Ownership.assertNothingLeft(db, factory);
        } finally {
            embeddingWorkers.shutdownNow();
            holder.close();
            factory.closeAll();
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
