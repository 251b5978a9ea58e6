package dev.lazyinit.store;

import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How to reach the database and size the pool.
 *
 * <p>The password is kept out of {@link #toString()}, out of {@link #target()} and out of the JDBC URL: a
 * {@code password=} parameter in the URL is moved into the password field, so that no message, log line or
 * report that shows the URL can show the password.
 *
 * @param jdbcUrl a {@code jdbc:postgresql:} URL, without a password
 * @param username the database user
 * @param password the password, or {@code null} for none
 * @param poolName HikariCP's pool name; its threads carry it, so they can be counted
 * @param applicationName the JDBC {@code ApplicationName}; its server connections carry it in
 *     {@code pg_stat_activity}, so they can be counted
 * @param maximumPoolSize the pool's fixed size (HikariCP keeps {@code minimumIdle} equal to it)
 * @param connectionTimeout how long {@code getConnection()} may wait, and the bound of one connection attempt
 * @param initializationFailTimeout how long creating the pool keeps trying to get its first connection
 */
public record StoreConfig(String jdbcUrl, String username, String password, String poolName,
                          String applicationName, int maximumPoolSize, Duration connectionTimeout,
                          Duration initializationFailTimeout) {

    /** Default bound on one connection attempt and on {@code getConnection()}. */
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(5);
    /** Default bound on the pool's first connection when the store is created. */
    public static final Duration DEFAULT_INITIALIZATION_FAIL_TIMEOUT = Duration.ofSeconds(5);
    /** Default pool size: small, as in the service. */
    public static final int DEFAULT_POOL_SIZE = 2;

    private static final Pattern PASSWORD_PARAM =
            Pattern.compile("([?&])password=([^&]*)&?", Pattern.CASE_INSENSITIVE);

    /** Validates the settings and moves a password out of the URL. */
    public StoreConfig {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(poolName, "poolName");
        Objects.requireNonNull(applicationName, "applicationName");
        Objects.requireNonNull(connectionTimeout, "connectionTimeout");
        Objects.requireNonNull(initializationFailTimeout, "initializationFailTimeout");
        Matcher m = PASSWORD_PARAM.matcher(jdbcUrl);
        if (m.find()) {
            if (password == null) {
                password = java.net.URLDecoder.decode(m.group(2), java.nio.charset.StandardCharsets.UTF_8);
            }
            jdbcUrl = m.replaceAll("$1");
            if (jdbcUrl.endsWith("?") || jdbcUrl.endsWith("&")) {
                jdbcUrl = jdbcUrl.substring(0, jdbcUrl.length() - 1);
            }
        }
        if (maximumPoolSize < 1) {
            throw new IllegalArgumentException("maximumPoolSize must be at least 1, was " + maximumPoolSize);
        }
        if (connectionTimeout.toMillis() < 250) {
            throw new IllegalArgumentException("connectionTimeout must be at least 250 ms (HikariCP's minimum)");
        }
    }

    /**
     * A configuration with this suite's defaults.
     *
     * @param jdbcUrl the JDBC URL
     * @param username the user
     * @param password the password, or {@code null}
     * @param name used as both pool name and application name
     * @return the configuration
     */
    public static StoreConfig of(String jdbcUrl, String username, String password, String name) {
        return new StoreConfig(jdbcUrl, username, password, name, name, DEFAULT_POOL_SIZE,
                DEFAULT_CONNECTION_TIMEOUT, DEFAULT_INITIALIZATION_FAIL_TIMEOUT);
    }

    /**
     * @param name the new pool and application name
     * @return a copy with both names replaced
     */
    public StoreConfig withName(String name) {
        return new StoreConfig(jdbcUrl, username, password, name, name, maximumPoolSize,
                connectionTimeout, initializationFailTimeout);
    }

    /**
     * @param url the new JDBC URL
     * @return a copy pointing elsewhere
     */
    public StoreConfig withJdbcUrl(String url) {
        return new StoreConfig(url, username, password, poolName, applicationName, maximumPoolSize,
                connectionTimeout, initializationFailTimeout);
    }

    /**
     * @param newPassword the new password
     * @return a copy with another password
     */
    public StoreConfig withPassword(String newPassword) {
        return new StoreConfig(jdbcUrl, username, newPassword, poolName, applicationName, maximumPoolSize,
                connectionTimeout, initializationFailTimeout);
    }

    /**
     * @param size the new fixed pool size
     * @return a copy with another pool size
     */
    public StoreConfig withPoolSize(int size) {
        return new StoreConfig(jdbcUrl, username, password, poolName, applicationName, size,
                connectionTimeout, initializationFailTimeout);
    }

    /**
     * @param connection bound on one connection attempt
     * @param initialization bound on the pool's first connection
     * @return a copy with other time bounds
     */
    public StoreConfig withTimeouts(Duration connection, Duration initialization) {
        return new StoreConfig(jdbcUrl, username, password, poolName, applicationName, maximumPoolSize,
                connection, initialization);
    }

    /**
     * The PostgreSQL driver's settings for every connection of a store: its application name (which its server
     * connections carry in {@code pg_stat_activity}) and the timeouts that bound one connection attempt. The user
     * and password are not among them.
     *
     * @return the settings, a new object each call
     */
    public Properties driverProperties() {
        String seconds = String.valueOf(Math.max(1, connectionTimeout.toSeconds()));
        Properties props = new Properties();
        props.setProperty("ApplicationName", applicationName);
        props.setProperty("connectTimeout", seconds); // bounds the TCP connect of one attempt
        props.setProperty("loginTimeout", seconds);   // bounds connect + authentication
        return props;
    }

    /** @return what to name in messages: the URL (which holds no password) and the user */
    public String target() {
        return jdbcUrl + " as user '" + username + "'";
    }

    @Override
    public String toString() {
        return "StoreConfig[" + target() + ", pool '" + poolName + "', application '" + applicationName
                + "', size " + maximumPoolSize + ", connectionTimeout " + connectionTimeout.toMillis()
                + " ms, initializationFailTimeout " + initializationFailTimeout.toMillis() + " ms, password "
                + (password == null ? "none" : "set") + "]";
    }
}
