package dev.lazyinit.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The store over PostgreSQL, owning its own HikariCP pool: the Java twin of the service's store.
 *
 * <p>The constructor does the expensive, real work that makes lazy creation matter: it opens a
 * {@link HikariDataSource} (which connects before it returns) and ensures the schema. If either step fails,
 * the pool is closed before the exception leaves, so a failed creation leaves no pool, no pool thread and no
 * server connection behind, and the exception names the target but never the password.
 *
 * <p>Its server connections carry the configured {@code ApplicationName} in {@code pg_stat_activity} and its
 * threads carry the pool name, so tests can count exactly what one store holds.
 */
public final class PostgresStore implements Store {

    /** The table this store keeps its entries in. */
    public static final String TABLE = "lazyinit_entries";

    private static final long SCHEMA_LOCK_KEY = 0x6c617a79696e6974L; // serializes concurrent CREATE TABLE

    private final HikariDataSource dataSource;
    private final StoreConfig config;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * Opens the pool and ensures the schema.
     *
     * @param config where to connect and how to size the pool
     * @throws StoreException if the pool cannot be opened or the schema cannot be ensured; nothing is left open
     */
    public PostgresStore(StoreConfig config) {
        this.config = config;
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(hikariConfig(config));
        } catch (RuntimeException e) { // HikariCP shuts its own threads down before this leaves
            throw new StoreException("Could not open a connection pool to " + config.target() + ": "
                    + rootMessage(e), e);
        }
        try {
            ensureSchema(ds);
        } catch (SQLException | RuntimeException e) {
            ds.close();
            throw new StoreException("Opened a pool to " + config.target() + " but could not ensure the schema: "
                    + rootMessage(e), e);
        }
        this.dataSource = ds;
    }

    private static HikariConfig hikariConfig(StoreConfig config) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(config.jdbcUrl());
        hc.setUsername(config.username());
        hc.setPassword(config.password());
        hc.setPoolName(config.poolName());
        hc.setMaximumPoolSize(config.maximumPoolSize());
        hc.setMinimumIdle(config.maximumPoolSize()); // a fixed-size pool, as HikariCP recommends
        hc.setConnectionTimeout(config.connectionTimeout().toMillis());
        hc.setValidationTimeout(Math.min(config.connectionTimeout().toMillis(), 5_000));
        hc.setInitializationFailTimeout(config.initializationFailTimeout().toMillis());
        config.driverProperties().forEach((k, v) -> hc.addDataSourceProperty((String) k, v));
        return hc;
    }

    private static void ensureSchema(HikariDataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            // Several stores may be created at once (that is what this suite races); CREATE TABLE IF NOT EXISTS
            // is not safe against itself, so take a transaction-scoped advisory lock first.
            st.execute("SELECT pg_advisory_xact_lock(" + SCHEMA_LOCK_KEY + ")");
            st.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " ("
                    + "id BIGSERIAL PRIMARY KEY, "
                    + "body TEXT NOT NULL, "
                    + "created_at TIMESTAMPTZ NOT NULL DEFAULT now())");
            c.commit();
        }
    }

    @Override
    public long add(String body) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE + " (body) VALUES (?) RETURNING id")) {
            ps.setString(1, body);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw failure("add an entry", e);
        }
    }

    @Override
    public List<Entry> latest(int limit) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT id, body, created_at FROM " + TABLE + " ORDER BY id DESC LIMIT ?")) {
            ps.setInt(1, limit);
            List<Entry> entries = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(new Entry(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant()));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw failure("read entries", e);
        }
    }

    @Override
    public long count() {
        try (Connection c = dataSource.getConnection();
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM " + TABLE)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw failure("count entries", e);
        }
    }

    /**
     * Runs the cheapest real round trip through the pool: {@code SELECT 1}.
     *
     * @return 1
     */
    public int ping() {
        try (Connection c = dataSource.getConnection();
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT 1")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw failure("ping", e);
        }
    }

    /** @return the configuration this store was created with */
    public StoreConfig config() {
        return config;
    }

    /** @return the connections the pool holds right now, idle and in use */
    public int totalConnections() {
        return closed.get() ? 0 : dataSource.getHikariPoolMXBean().getTotalConnections();
    }

    /** @return whether {@link #close()} was called */
    public boolean isClosed() {
        return closed.get();
    }

    /**
     * Closes the pool and its server connections. Idempotent.
     *
     * <p>Completes even on an interrupted thread: HikariCP abandons its shutdown when interrupted and leaves
     * server connections open (seen in the failure-semantics suite, where an interrupted AtomicReference loser
     * closes its own store). The interrupt is cleared while closing and restored afterwards.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            boolean interrupted = Thread.interrupted();
            try {
                dataSource.close();
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    @Override
    public String toString() {
        return "PostgresStore[" + config.target() + ", pool '" + config.poolName() + "'"
                + (closed.get() ? ", closed" : "") + "]";
    }

    private StoreException failure(String what, SQLException e) {
        return new StoreException("Could not " + what + " at " + config.target() + ": " + rootMessage(e), e);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
    }
}
