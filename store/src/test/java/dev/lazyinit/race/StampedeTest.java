package dev.lazyinit.race;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazyinit.harness.RecordingStoreFactory;
import dev.lazyinit.harness.db.Census;
import dev.lazyinit.harness.db.Database;
import dev.lazyinit.harness.db.Databases;
import dev.lazyinit.harness.support.Available;
import dev.lazyinit.harness.support.Names;
import dev.lazyinit.harness.support.Ownership;
import dev.lazyinit.harness.support.Race;
import dev.lazyinit.lazy.Lazy;
import dev.lazyinit.store.PostgresStore;
import dev.lazyinit.strategy.Strategy;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The seed's main test: {@value #THREADS} threads released together by a barrier into {@code get()} of a cold
 * holder over the real {@link PostgresStore}, against a real PostgreSQL server.
 *
 * <p>What could go wrong: two threads both see "not created yet" and each builds a store with its own pool.
 * What shows it: the recording factory ran more than once and more than one store is still open, and the server
 * holds more connections under the store's application name than one pool has.
 *
 * <p>The broken control runs through the same race and must show the bug: that is what proves this test can
 * fail.
 */
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

    static List<Strategy> correct() {
        return Strategy.correct();
    }

    static List<Strategy> mayLeakDuplicates() {
        return java.util.Arrays.stream(Strategy.values()).filter(Strategy::mayLeakDuplicates).toList();
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

    /** Strategies that promise neither exactly-once nor closing their duplicates must be caught leaking. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("mayLeakDuplicates")
    void leakyStrategiesAreCaughtLeakingDuplicatePools(Strategy strategy) {
        Available.assume(strategy);
        boolean shown = false;
        for (int round = 0; round < CONTROL_ROUNDS && !shown; round++) {
            RecordingStoreFactory factory = new RecordingStoreFactory(db.storeConfig(Names.unique("control")));
            Lazy<PostgresStore> holder = strategy.newHolder(factory);
            try {
                Race.run(THREADS, holder::get);
                if (Ownership.leakedDuplicates(factory)) {
                    shown = true;
                    int poolSize = factory.config().maximumPoolSize();
                    int expected = factory.open().size() * poolSize;
                    int seen = Census.awaitServerConnections(db, factory.config().applicationName(), expected,
                            Ownership.SETTLE);
                    assertThat(seen).as("the server sees the leaked pools' connections").isGreaterThan(poolSize);
                }
            } finally {
                holder.close();
                factory.closeAll(); // clean up what the control leaked
                Ownership.assertNothingLeft(db, factory);
            }
        }
        assertThat(shown).as("%s showed duplicate pools within %d rounds of %d threads: if not, the stampede"
                + " has lost its teeth", strategy, CONTROL_ROUNDS, THREADS).isTrue();
    }
}
