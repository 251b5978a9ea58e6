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
import dev.lazyinit.harness.support.StoreTeeth;
import dev.lazyinit.lazy.Lazy;
import dev.lazyinit.store.PostgresStore;
import dev.lazyinit.strategy.Guarantee;
import dev.lazyinit.strategy.Strategy;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Life after the first {@code get()} and after {@code close()}.
 *
 * <p>What could go wrong: a warm holder creates again (a fast path that re-checks wrongly), or a closed holder
 * quietly opens a new pool nobody will close, or a new holder after a close cannot start. A control whose close()
 * forgets that it was closed must fail the after-close check, or that check has lost its teeth.
 */
@Tag("integration")
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
        Lazy<PostgresStore> holder = strategy.newHolder(factory);
        try {
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
            holder.close();
            Ownership.assertNothingLeft(db, factory); // what the holder's close() left, before any clean-up
        } finally {
            holder.close();
            factory.closeAll();
        }
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
            assertClosedHolderCreatesNothing(first, firstFactory);
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
            assertClosedHolderCreatesNothing(holder, factory);
        } else if (strategy.provided()) {
            // not claimed: what a get() after close() does is observed, never judged
            try {
                Throwable thrown = catchThrowable(holder::get);
                System.out.printf("[observed] %s, get() after a close() before any get() (closeable not claimed):"
                        + " %s; %d created%n", strategy, thrown == null ? "a store" : thrown, factory.calls());
            } finally {
                factory.closeAll();
            }
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

    /** The controls that exist to break closeable: each must be caught creating after close(). */
    static List<Strategy> closeableBreakers() {
        return Strategy.brokenControls().stream().filter(s -> s.violates().contains(Guarantee.CLOSEABLE)).toList();
    }

    /**
     * The negative control of the close checks above: a holder whose close() forgets that it was closed goes through
     * the same steps (a warm holder, closed) and the same check, which must fail on it, because its next get()
     * opens a new pool. What the check saw goes into the teeth file.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("closeableBreakers")
    void aHolderThatForgetsItWasClosedIsCaught(Strategy control) {
        Available.assume(control);
        RecordingStoreFactory factory = new RecordingStoreFactory(db.storeConfig(Names.unique("reinit-control")));
        Lazy<PostgresStore> holder = control.newHolder(factory);
        try {
            PostgresStore store = holder.get();
            holder.close();
            assertThat(store.isClosed()).as("close() closed the store it had").isTrue();
            Throwable caught = catchThrowable(() -> assertClosedHolderCreatesNothing(holder, factory));
            String observed = "a warm holder, closed; its next get() "
                    + (factory.calls() > 1 ? "created store #" + factory.calls() + " (" + factory.open().size()
                    + " open)" : "created nothing") + "; the check "
                    + (caught == null ? "passed" : "failed: " + oneLine(caught));
            StoreTeeth.record(Guarantee.CLOSEABLE, control, "ReinitTest.aHolderThatForgetsItWasClosedIsCaught",
                    caught != null, 1, observed);
            System.out.printf("[teeth] %s, %s: %s%n", control, Guarantee.CLOSEABLE.label(), observed);
            assertThat(caught).as("%s, which forgets close(), passed the after-close check: the check has lost its"
                    + " teeth (%s)", control, observed).isNotNull();
        } finally {
            holder.close();
            factory.closeAll(); // the pool the control opened after close()
        }
        Ownership.assertNothingLeft(db, factory);
    }

    /**
     * The after-close check: a closed holder's {@code get()} creates nothing; it throws {@link IllegalStateException}
     * or returns the store already closed (the contract in {@link Lazy}).
     */
    static void assertClosedHolderCreatesNothing(Lazy<PostgresStore> closed, RecordingStoreFactory factory) {
        int before = factory.calls();
        PostgresStore got;
        try {
            got = closed.get();
        } catch (IllegalStateException expected) {
            got = null;
        }
        assertThat(factory.calls()).as("stores created by get() after close()").isEqualTo(before);
        if (got != null) {
            assertThat(got.isClosed()).as("a get() after close() returns only the store already closed").isTrue();
        }
    }

    private static String oneLine(Throwable t) {
        return String.valueOf(t.getMessage()).strip().replaceAll("\\s+", " ");
    }
}
