package dev.lazyinit.harness.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lazyinit.store.PostgresStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Where the database comes from, and what it says about itself. */
@Tag("integration")
class DatabasesTest {

    @Test
    void reportsBackendAndVersionButNeverThePassword() {
        Database db = Databases.get();
        assertThat(db.backend()).isEqualTo(Databases.requestedBackend());
        assertThat(db.serverVersion()).matches("\\d+(\\.\\d+)?.*");
        assertThat(db.describe()).contains(db.serverVersion()).contains(db.jdbcUrl());
        String password = db.storeConfig("x").password();
        if (password != null && !password.isEmpty()) {
            assertThat(db.describe()).doesNotContain(password);
            assertThat(db.toString()).doesNotContain(password);
            assertThat(db.storeConfig("x").toString()).doesNotContain(password);
        }
    }

    @Test
    void embeddedBackendRunsTheCurrentMajor() {
        Database db = Databases.get();
        assumeTrue(db.backend() == Backend.EMBEDDED, "not using the embedded backend");
        assertThat(db.serverVersion()).startsWith("18.");
    }

    @Test
    void aPlatformWithoutAServerBinaryIsNamedInTheError() {
        assertThat(EmbeddedServer.missingBinary(System.getProperty("os.name"), System.getProperty("os.arch")))
                .as("this platform's binary, chosen by the pg-* profiles").isEmpty();
        assertThat(EmbeddedServer.missingBinary("FreeBSD", "amd64")).get().asString()
                .contains("FreeBSD amd64").contains("postgres-freebsd-x86_64.txz").contains("LAZYINIT_DB_URL");
        assertThat(EmbeddedServer.missingBinary("Linux", "ppc64le")).get().asString()
                .contains("Linux ppc64le").contains("pg.binaries.artifact");
    }

    @Test
    void testcontainersWithoutDockerFailsWithAClearError() {
        assumeFalse(Databases.dockerAvailable(), "a Docker engine is available here");
        assertThatThrownBy(() -> Databases.open(Backend.TESTCONTAINERS))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no Docker engine");
    }

    @Test
    void testcontainersBackendServesTheStore() {
        assumeTrue(Databases.dockerAvailable(), "no Docker engine: the Testcontainers backend is not tested here");
        try (Database db = Databases.open(Backend.TESTCONTAINERS);
             PostgresStore store = new PostgresStore(db.storeConfig("tc-check"))) {
            assertThat(db.backend()).isEqualTo(Backend.TESTCONTAINERS);
            store.add("hello");
            assertThat(store.count()).isPositive();
        }
    }
}
