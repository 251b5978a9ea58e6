package dev.lazyinit.harness.db;

import dev.lazyinit.store.StoreConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A reachable PostgreSQL server and the credentials the store uses on it, plus the administrative look-ups
 * the tests and benchmarks need ({@code pg_stat_activity}).
 *
 * <p>{@link #toString()} and {@link #describe()} never show the password.
 */
public final class Database implements AutoCloseable {

    private final Backend backend;
    private final String jdbcUrl;
    private final String username;
    private final String password;
    private final String serverVersion;
    private final AutoCloseable server;

    Database(Backend backend, String jdbcUrl, String username, String password, AutoCloseable server) {
        this.backend = backend;
        this.jdbcUrl = new StoreConfig(jdbcUrl, username, password, "check", "check", 1,
                StoreConfig.DEFAULT_CONNECTION_TIMEOUT, StoreConfig.DEFAULT_INITIALIZATION_FAIL_TIMEOUT).jdbcUrl();
        this.username = username;
        this.password = password;
        this.server = server;
        this.serverVersion = queryVersion();
    }

    /** @return where the server comes from */
    public Backend backend() {
        return backend;
    }

    /** @return the JDBC URL, without a password */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** @return the user the store connects as */
    public String username() {
        return username;
    }

    /** @return the store's password; for building configurations, never for printing */
    String password() {
        return password;
    }

    /** @return the server's version, from {@code SHOW server_version} */
    public String serverVersion() {
        return serverVersion;
    }

    /**
     * A store configuration for this server with the suite's defaults.
     *
     * @param name the pool name and application name; make it unique to count one store's connections
     * @return the configuration
     */
    public StoreConfig storeConfig(String name) {
        return StoreConfig.of(jdbcUrl, username, password, name);
    }

    /**
     * Opens a plain JDBC connection (no pool) for look-ups such as {@code pg_stat_activity}.
     *
     * @return a new connection; the caller closes it
     * @throws SQLException if the server cannot be reached
     */
    public Connection openConnection() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", username);
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("ApplicationName", "lazyinit-admin");
        props.setProperty("connectTimeout", "10");
        return DriverManager.getConnection(jdbcUrl, props);
    }

    /**
     * Counts the server connections whose {@code application_name} is {@code applicationName}: the server's
     * own view of how many connections a store's pool (or pools) hold.
     *
     * @param applicationName the store's application name
     * @return the number of backends carrying it
     */
    public int serverConnections(String applicationName) {
        try (Connection c = openConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT count(*) FROM pg_stat_activity WHERE application_name = ?")) {
            ps.setString(1, applicationName);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read pg_stat_activity on " + this, e);
        }
    }

    /** @return one line for logs and reports: backend, version, URL and user, never the password */
    public String describe() {
        return "PostgreSQL " + serverVersion + " (" + backend.name().toLowerCase(java.util.Locale.ROOT)
                + ") at " + jdbcUrl + " as user '" + username + "'";
    }

    @Override
    public String toString() {
        return "Database[" + describe() + "]";
    }

    /** Stops the server if this suite started it. */
    @Override
    public void close() {
        if (server != null) {
            try {
                server.close();
            } catch (Exception e) {
                throw new IllegalStateException("Could not stop " + backend + " PostgreSQL", e);
            }
        }
    }

    private String queryVersion() {
        try (Connection c = openConnection();
             PreparedStatement ps = c.prepareStatement("SHOW server_version");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach PostgreSQL at " + jdbcUrl + " as user '" + username
                    + "': " + e.getMessage(), e);
        }
    }
}
