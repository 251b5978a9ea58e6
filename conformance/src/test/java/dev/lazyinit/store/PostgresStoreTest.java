package dev.lazyinit.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazyinit.harness.RecordingStoreFactory;
import dev.lazyinit.harness.db.Census;
import dev.lazyinit.harness.db.Database;
import dev.lazyinit.harness.db.Databases;
import dev.lazyinit.harness.support.Names;
import dev.lazyinit.harness.support.Ownership;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The store itself, against the real server: operations, identification, close. */
@Tag("integration")
class PostgresStoreTest {

    static Database db;

    @BeforeAll
    static void database() {
        db = Databases.get();
    }

    @Test
    void addsReadsAndCountsEntries() {
        try (PostgresStore store = new PostgresStore(db.storeConfig(Names.unique("ops")))) {
            long before = store.count();
            long a = store.add("first");
            long b = store.add("second");
            assertThat(b).isGreaterThan(a);
            assertThat(store.count()).isEqualTo(before + 2);
            List<Entry> latest = store.latest(2);
            assertThat(latest).extracting(Entry::body).containsExactly("second", "first");
            assertThat(latest.get(0).createdAt()).isNotNull();
            assertThat(store.ping()).isEqualTo(1);
        }
    }

    @Test
    void connectionsAndThreadsCarryTheStoresNames() {
        StoreConfig config = db.storeConfig(Names.unique("named"));
        RecordingStoreFactory factory = new RecordingStoreFactory(config);
        PostgresStore store = factory.get();
        try {
            assertThat(Census.awaitServerConnections(db, config.applicationName(), config.maximumPoolSize(),
                    Ownership.SETTLE)).isEqualTo(config.maximumPoolSize());
            assertThat(Census.poolThreads(config.poolName())).isPositive();
            assertThat(store.totalConnections()).isPositive();
        } finally {
            store.close();
        }
        store.close(); // idempotent
        assertThat(store.isClosed()).isTrue();
        Ownership.assertNothingLeft(db, factory);
    }

    @Test
    void closeOnAnInterruptedThreadStillClosesEverything() {
        // HikariCP abandons a shutdown when the closing thread is interrupted, leaving server connections open.
        // An AtomicReference loser that was interrupted closes its store exactly like this.
        RecordingStoreFactory factory = new RecordingStoreFactory(db.storeConfig(Names.unique("interrupted")));
        PostgresStore store = factory.get();
        Census.awaitServerConnections(db, store.config().applicationName(), store.config().maximumPoolSize(),
                Ownership.SETTLE);
        Thread.currentThread().interrupt();
        try {
            store.close();
            assertThat(Thread.currentThread().isInterrupted()).as("the interrupt is kept for the caller").isTrue();
        } finally {
            Thread.interrupted();
        }
        Ownership.assertNothingLeft(db, factory);
    }

    @Test
    void passwordStaysOutOfTextAndUrl() {
        StoreConfig config = StoreConfig.of("jdbc:postgresql://db.example:5432/app?ssl=false&password=s3cr%40t",
                "app", null, "pw");
        assertThat(config.password()).isEqualTo("s3cr@t");
        assertThat(config.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:5432/app?ssl=false");
        assertThat(config.toString()).doesNotContain("s3cr").contains("db.example:5432");
        StoreConfig other = StoreConfig.of("jdbc:postgresql://h/app?password=x&ssl=true", "app", "given", "pw");
        assertThat(other.password()).isEqualTo("given");
        assertThat(other.jdbcUrl()).isEqualTo("jdbc:postgresql://h/app?ssl=true");
    }

    @Test
    void schemaIsEnsuredOnceEvenWhenStoresStartTogether() {
        List<dev.lazyinit.harness.support.Race.Result<PostgresStore>> results = dev.lazyinit.harness.support.Race.run(4,
                () -> new PostgresStore(db.storeConfig(Names.unique("schema"))));
        try {
            assertThat(results).allSatisfy(r -> assertThat(r.failure()).isNull());
        } finally {
            results.stream().filter(r -> r.value() != null).forEach(r -> r.value().close());
        }
    }
}
