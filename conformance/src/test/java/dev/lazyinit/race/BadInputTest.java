package dev.lazyinit.race;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lazyinit.harness.RecordingStoreFactory;
import dev.lazyinit.harness.db.Census;
import dev.lazyinit.harness.db.Database;
import dev.lazyinit.harness.db.Databases;
import dev.lazyinit.harness.support.Names;
import dev.lazyinit.harness.support.Ownership;
import dev.lazyinit.lazy.Lazy;
import dev.lazyinit.store.PostgresStore;
import dev.lazyinit.store.StoreConfig;
import dev.lazyinit.store.StoreException;
import dev.lazyinit.strategy.Strategy;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input: the store cannot be created. Each case must fail in bounded time with a {@link StoreException}
 * that names the target but not the password, from the one store constructor the factory ran, and leave nothing
 * behind: no pool thread and no server connection carrying its pool's name.
 *
 * <p>The password is a canary: a unique string that must appear nowhere in the exception, its causes or their
 * stack traces. The same check is shown to flag an exception chain that does carry it.
 */
@Tag("integration")
class BadInputTest {

    /** The store's own bounds in this test: one connection attempt, and the pool's first connection. */
    static final Duration BOUND = Duration.ofSeconds(2);
    /** Catches a hang, not slowness: far above the store's own bounds ({@link #BOUND} each). */
    static final Duration HANG_BOUND = Duration.ofSeconds(60);

    static Database db;

    @BeforeAll
    static void database() {
        db = Databases.get();
    }

    record Case(String name, UnaryOperator<StoreConfig> breakIt, String namedInMessage) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() throws IOException {
        URI uri = URI.create(db.jdbcUrl().substring("jdbc:".length()));
        int freePort;
        try (ServerSocket s = new ServerSocket(0)) {
            freePort = s.getLocalPort(); // closed again: nothing listens there
        }
        String canary = canary();
        List<Case> cases = List.of(
                new Case("unreachable host",
                        c -> c.withJdbcUrl("jdbc:postgresql://lazyinit-no-such-host.invalid:5432/lazyinit")
                                .withPassword(canary),
                        "lazyinit-no-such-host.invalid"),
                new Case("wrong port",
                        c -> c.withJdbcUrl("jdbc:postgresql://" + uri.getHost() + ":" + freePort + uri.getPath())
                                .withPassword(canary),
                        ":" + freePort),
                new Case("wrong password",
                        c -> c.withPassword(canary),
                        db.username()),
                new Case("malformed URL",
                        c -> c.withJdbcUrl("jdbc:postgresql://" + uri.getHost() + ":not-a-port/lazyinit")
                                .withPassword(canary),
                        "not-a-port"));
        return cases.stream().flatMap(c -> Stream.of(
                Arguments.of(c, null),
                Arguments.of(c, Strategy.DOUBLE_CHECKED)));
    }

    @ParameterizedTest(name = "{0} via {1}")
    @MethodSource("cases")
    @Execution(ExecutionMode.CONCURRENT) // each case waits on a bound of its own, with a pool name of its own
    void failsClearlyInBoundedTimeAndLeavesNothing(Case badInput, Strategy through) {
        StoreConfig config = badInput.breakIt().apply(db.storeConfig(Names.unique("bad")))
                .withTimeouts(BOUND, BOUND);
        String canary = config.password();
        if (badInput.name().equals("wrong password")) {
            assumeTrue(serverChecksPasswords(config), "this server accepted a wrong password (trust auth)");
        }
        RecordingStoreFactory factory = new RecordingStoreFactory(config);

        Throwable thrown = assertTimeoutPreemptively(HANG_BOUND, () -> {
            if (through == null) {
                return catchThrowable(factory::get);
            }
            try (Lazy<PostgresStore> holder = through.newHolder(factory)) {
                Throwable t = catchThrowable(holder::get);
                assertThat(holder.isInitialized()).as("a failed creation leaves the holder cold").isFalse();
                return t;
            }
        });

        assertThat(thrown).isInstanceOf(StoreException.class);
        assertThat(thrown.getMessage()).contains(badInput.namedInMessage());
        assertNoCanary(thrown, canary);
        assertThat(config.toString()).doesNotContain(canary);
        // The factory ran once and its one store constructor threw: the failure is the store's own, not a holder
        // that never tried or tried again. (The stores it "created" would be empty either way: a store is recorded
        // only once its constructor returned.)
        assertThat(factory.calls()).as("store constructors run").isEqualTo(1);
        // What a failed constructor could leave is counted by name: pool threads here, connections on the server.
        Ownership.assertNothingLeft(db, factory);
        assertThat(Census.poolThreads(config.poolName())).isZero();
    }

    /**
     * The negative control of the canary check: the same check, on an exception whose chain does carry the
     * password (in a cause's message, as a driver might put it), must fail. If it does not, the check above proves
     * nothing.
     */
    @Test
    void theCanaryCheckFlagsAPasswordInTheChain() {
        String canary = canary();
        StoreException leaky = new StoreException("Could not open a connection pool to jdbc:postgresql://db/x",
                new SQLException("FATAL: password authentication failed, password was " + canary));
        assertThatThrownBy(() -> assertNoCanary(leaky, canary)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("exception chain and stack traces");
        StoreException clean = new StoreException("Could not open a connection pool to jdbc:postgresql://db/x",
                new SQLException("FATAL: password authentication failed for user \"lazyinit\""));
        assertNoCanary(clean, canary);
    }

    /** The canary check: the password appears nowhere in the exception, its causes or their stack traces. */
    static void assertNoCanary(Throwable thrown, String canary) {
        assertThat(stackTrace(thrown)).as("exception chain and stack traces").doesNotContain(canary);
    }

    @SuppressWarnings("try") // the connection is opened only to see whether the server lets it in
    static boolean serverChecksPasswords(StoreConfig wrong) {
        java.util.Properties props = new java.util.Properties();
        props.setProperty("user", wrong.username());
        props.setProperty("password", wrong.password());
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(wrong.jdbcUrl(), props)) {
            return false;
        } catch (java.sql.SQLException e) {
            return true;
        }
    }

    static String canary() {
        return "canary-" + Long.toHexString(Double.doubleToLongBits(Math.random()));
    }

    static String stackTrace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
