package dev.lazyinit.race;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazyinit.harness.RecordingStoreFactory;
import dev.lazyinit.harness.db.Database;
import dev.lazyinit.harness.db.Databases;
import dev.lazyinit.harness.support.Available;
import dev.lazyinit.harness.support.Names;
import dev.lazyinit.harness.support.Ownership;
import dev.lazyinit.harness.support.Race;
import dev.lazyinit.harness.support.StoreTeeth;
import dev.lazyinit.lazy.Lazy;
import dev.lazyinit.store.PostgresStore;
import dev.lazyinit.strategy.Guarantee;
import dev.lazyinit.strategy.Strategy;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The seed's main test: {@value #THREADS} threads released together by a barrier into {@code get()} of a cold
 * holder over the real {@link PostgresStore}, against a real PostgreSQL server.
 *
 * <p>What could go wrong: two threads both see "not created yet" and each builds a store with its own pool.
 * What shows it: the recording factory ran more than once and more than one store is still open, and the server
 * holds more connections under the store's application name than one pool has, counted until the count stops
 * moving (a second pool that has opened only its first connection must not pass for the second connection of
 * the first).
 *
 * <p>The broken controls run through the same race and the same check, which must fail on them: that is what
 * proves this test can fail.
 */
@Tag("integration")
class StampedeTest {

    static final int THREADS = 10;
    /** Rounds per correct strategy: more chances for a bug to show. */
    static final int ROUNDS = 3;
    /** Rounds the broken control gets to show its bug; on this machine it shows in the first. */
    static final int CONTROL_ROUNDS = 10;

    static Database db;

    @BeforeAll
    static void database() {
        db = Databases.get();
    }

    /**
     * The strategies that promise one live pool. A provider's strategy that promises neither exactly-once nor closing
     * duplicates is in neither list: no race can hold it to a promise it does not make (the JCStress exactly-once
     * proof shows what it does).
     */
    static List<Strategy> correct() {
        return Strategy.correct().stream().filter(s -> !s.mayLeakDuplicates()).toList();
    }

    static List<Strategy> mayLeakDuplicates() {
        return Arrays.stream(Strategy.values()).filter(Strategy::mayLeakDuplicates).filter(Strategy::broken).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("correct")
    void stampedeCreatesOneLivePool(Strategy strategy) {
        Available.assume(strategy);
        for (int round = 0; round < ROUNDS; round++) {
            RecordingStoreFactory factory = new RecordingStoreFactory(db.storeConfig(Names.unique("stampede")));
            Lazy<PostgresStore> holder = strategy.newHolder(factory);
            try {
                List<Race.Result<PostgresStore>> results = Race.run(THREADS, holder::get);
                Ownership.assertOneLivePool(strategy, db, factory, results);
                holder.close();
                Ownership.assertNothingLeft(db, factory);
            } finally {
                holder.close();
                factory.closeAll();
            }
        }
    }

    /**
     * Strategies that promise neither exactly-once nor closing their duplicates (the unsynchronized control, and
     * commons-lang3's AtomicInitializer, which breaks closes-duplicates) run through the same race and the same
     * one-live-pool check as the correct ones, held to the promise they break, and that check must fail, with the
     * server's own settled count among its problems: that is what proves the stampede can fail. What it saw goes
     * into the teeth file.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("mayLeakDuplicates")
    void leakyStrategiesAreCaughtByTheSameCheck(Strategy strategy) {
        Available.assume(strategy);
        Guarantee promise = Ownership.brokenCreationPromise(strategy);
        assertThat(promise).as("%s may leak duplicates, so it exists to break a creation promise", strategy)
                .isNotNull();
        List<Ownership.Problem> caught = List.of();
        String observed = "";
        int rounds = 0;
        while (caught.isEmpty() && rounds < CONTROL_ROUNDS) {
            rounds++;
            RecordingStoreFactory factory = new RecordingStoreFactory(db.storeConfig(Names.unique("control")));
            Lazy<PostgresStore> holder = strategy.newHolder(factory);
            try {
                Ownership.Seen seen = Ownership.observe(db, factory, Race.run(THREADS, holder::get));
                List<Ownership.Problem> problems = Ownership.problems(promise, seen);
                if (problems.stream().anyMatch(p -> p.part() == Ownership.Part.SERVER_CONNECTIONS)) {
                    caught = problems;
                }
                observed = "round " + rounds + ": " + seen.summary() + "; the one-live-pool check ("
                        + promise.label() + ") found " + (problems.isEmpty() ? "nothing" : problems);
            } finally {
                holder.close();
                factory.closeAll(); // clean up what the control leaked
                Ownership.assertNothingLeft(db, factory);
            }
        }
        StoreTeeth.record(promise, strategy, "StampedeTest.leakyStrategiesAreCaughtByTheSameCheck",
                !caught.isEmpty(), rounds, observed);
        System.out.printf("[teeth] %s, %s: %s%n", strategy, promise.label(), observed);
        assertThat(caught).as("%s failed the one-live-pool check, the server's count included, within %d rounds of"
                + " %d threads: if not, the stampede has lost its teeth (last: %s)", strategy, CONTROL_ROUNDS,
                THREADS, observed).isNotEmpty();
    }
}
