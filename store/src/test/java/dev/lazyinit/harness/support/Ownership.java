package dev.lazyinit.harness.support;

import static dev.lazyinit.strategy.Guarantee.CLOSES_DUPLICATES;
import static dev.lazyinit.strategy.Guarantee.EXACTLY_ONCE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lazyinit.harness.RecordingStoreFactory;
import dev.lazyinit.harness.db.Census;
import dev.lazyinit.harness.db.Database;
import dev.lazyinit.store.PostgresStore;
import dev.lazyinit.strategy.Strategy;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The checks every race against a cold holder ends with, chosen by what the strategy guarantees.
 */
public final class Ownership {

    /** How long to wait for the server's view of connections to settle. */
    public static final Duration SETTLE = Duration.ofSeconds(15);

    private Ownership() {
    }

    /**
     * Did this race show the duplicate-pool bug: more than one store created and more than one left open?
     *
     * @param factory the factory the holder called
     * @return whether stores were created twice and one was left open beside the winner
     */
    public static boolean leakedDuplicates(RecordingStoreFactory factory) {
        return factory.calls() > 1 && factory.open().size() > 1;
    }

    /**
     * Checks a race's outcome for a correct strategy: every thread got the same open store; the factory ran
     * once (exactly-once strategies) or every extra store is closed (closes-duplicates); and the server holds
     * exactly the live pool's connections, nothing more.
     *
     * @param strategy the strategy raced
     * @param db the database
     * @param factory the factory the holder called
     * @param results what each thread got
     */
    public static void assertOneLivePool(Strategy strategy, Database db, RecordingStoreFactory factory,
                                         List<Race.Result<PostgresStore>> results) {
        assertThat(results).allSatisfy(r -> assertThat(r.failure()).as("a thread's failure").isNull());
        Set<PostgresStore> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
        results.forEach(r -> distinct.add(r.value()));
        assertThat(distinct).as("instances handed out by %s", strategy).hasSize(1);
        PostgresStore winner = distinct.iterator().next();
        assertThat(winner.isClosed()).as("the store every thread holds is open").isFalse();

        if (strategy.guarantees(EXACTLY_ONCE)) {
            assertThat(factory.calls()).as("stores created by exactly-once %s", strategy).isEqualTo(1);
        } else if (strategy.guarantees(CLOSES_DUPLICATES)) {
            assertThat(factory.calls()).isGreaterThanOrEqualTo(1);
            assertThat(factory.open()).as("stores left open by %s", strategy).containsExactly(winner);
        } else {
            throw new AssertionError(strategy + " promises neither exactly-once nor closes-duplicates");
        }

        int poolSize = factory.config().maximumPoolSize();
        int seen = Census.awaitServerConnections(db, factory.config().applicationName(), poolSize, SETTLE);
        assertThat(seen).as("server connections named %s: the one live pool's %d and no more",
                factory.config().applicationName(), poolSize).isEqualTo(poolSize);
    }

    /**
     * After the holder was closed: nothing of the store is left on the server or in this JVM.
     *
     * @param db the database
     * @param factory the factory the holder called
     */
    public static void assertNothingLeft(Database db, RecordingStoreFactory factory) {
        assertThat(factory.open()).as("stores still open").isEmpty();
        assertThat(Census.awaitServerConnections(db, factory.config().applicationName(), 0, SETTLE))
                .as("server connections left by %s", factory.config().poolName()).isZero();
        assertThat(Census.awaitPoolThreads(factory.config().poolName(), 0, SETTLE))
                .as("pool threads left by %s", factory.config().poolName()).isZero();
    }
}
