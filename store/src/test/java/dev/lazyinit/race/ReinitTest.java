package dev.lazyinit.race;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

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
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Life after the first {@code get()} and after {@code close()}.
 *
 * <p>What could go wrong: a warm holder creates again (a fast path that re-checks wrongly), or a closed holder
 * quietly opens a new pool nobody will close, or a new holder after a close cannot start.
 */
class ReinitTest {

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
    void warmHolderNeverCreatesAgain(Strategy strategy) {
        Available.assume(strategy);
        RecordingStoreFactory factory = new RecordingStoreFactory(db.storeConfig(Names.unique("warm")));
        try (Lazy<PostgresStore> holder = strategy.newHolder(factory)) {
            assertThat(holder.isInitialized()).isFalse();
            PostgresStore first = holder.get();
            assertThat(holder.isInitialized()).isTrue();
            List<Race.Result<PostgresStore>> later = Race.run(8, () -> {
                PostgresStore s = null;
                for (int i = 0; i < 1_000; i++) {
                    s = holder.get();
                }
                return s;
            });
            assertThat(later).allSatisfy(r -> assertThat(r.value()).isSameAs(first));
            assertThat(factory.calls()).isEqualTo(1);
            long id = first.add("warm");
            assertThat(first.latest(1)).first().extracting(e -> e.id()).isEqualTo(id);
        } finally {
            factory.closeAll();
        }
        Ownership.assertNothingLeft(db, factory);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("correct")
    void afterCloseANewHolderStartsNormally(Strategy strategy) {
        Available.assume(strategy);
        RecordingStoreFactory firstFactory = new RecordingStoreFactory(db.storeConfig(Names.unique("reinit")));
        Lazy<PostgresStore> first = strategy.newHolder(firstFactory);
        PostgresStore firstStore = first.get();
        first.close();
        first.close(); // idempotent
        assertThat(firstStore.isClosed()).isTrue();
        Ownership.assertNothingLeft(db, firstFactory);

        if (strategy.guarantees(Guarantee.CLOSEABLE)) {
            // After close, get() never creates: it throws, or returns the store already closed.
            Throwable thrown = catchThrowable(() -> assertThat(first.get().isClosed()).isTrue());
            if (thrown != null) {
                assertThat(thrown).isInstanceOf(IllegalStateException.class);
            }
            assertThat(firstFactory.calls()).as("stores created after close").isEqualTo(1);
        }

        RecordingStoreFactory secondFactory = new RecordingStoreFactory(db.storeConfig(Names.unique("reinit")));
        try (Lazy<PostgresStore> second = strategy.newHolder(secondFactory)) {
            PostgresStore secondStore = second.get();
            assertThat(secondStore).isNotSameAs(firstStore);
            long before = secondStore.count();
            secondStore.add("after re-init");
            assertThat(secondStore.count()).isEqualTo(before + 1);
        }
        Ownership.assertNothingLeft(db, secondFactory);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("correct")
    void closeBeforeFirstGetCreatesNothing(Strategy strategy) {
        Available.assume(strategy);
        RecordingStoreFactory factory = new RecordingStoreFactory(db.storeConfig(Names.unique("closed-cold")));
        Lazy<PostgresStore> holder = strategy.newHolder(factory);
        holder.close();
        if (strategy.guarantees(Guarantee.CLOSEABLE)) {
            assertThat(catchThrowable(holder::get)).isInstanceOf(IllegalStateException.class);
            assertThat(factory.calls()).isZero();
        } else {
            // The holder idiom has no closed state: the class initializes on its first use, whenever that is.
            try {
                assertThat(holder.get().isClosed()).isFalse();
                assertThat(factory.calls()).isEqualTo(1);
            } finally {
                factory.closeAll();
            }
        }
        Ownership.assertNothingLeft(db, factory);
    }
}
