package dev.lazyinit.jmh.runner;

import dev.lazyinit.harness.db.Database;
import dev.lazyinit.harness.db.Databases;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The runner's database, handed to every JVM it starts (JMH forks, the virtual-thread stampede) by URL, user and the
 * name of a private file holding the password, so that no password reaches a command line, {@code ps}, or the
 * {@code jvmArgs} that JMH records in results.json. Closing it deletes the password file.
 */
final class DatabaseHandOff implements AutoCloseable {

    private final Database db;
    private final String password;
    private final Path passwordFile;

    private DatabaseHandOff(Database db, String password, Path passwordFile) {
        this.db = db;
        this.password = password;
        this.passwordFile = passwordFile;
    }

    /**
     * @param db the database
     * @return its hand-off, with the password (if any) in a new file only this user can read
     * @throws IOException if the file cannot be written
     */
    static DatabaseHandOff of(Database db) throws IOException {
        String password = db.storeConfig("probe").password();
        return new DatabaseHandOff(db, password, password == null ? null : privatePasswordFile(password));
    }

    /** @return the system properties that lead another JVM to this database, as {@code -D} options */
    List<String> jvmArgs() {
        List<String> args = new ArrayList<>();
        args.add("-D" + Databases.PROP_BACKEND + "=url");
        args.add("-D" + Databases.PROP_URL + "=" + db.jdbcUrl());
        args.add("-D" + Databases.PROP_USER + "=" + db.username());
        if (passwordFile != null) {
            args.add("-D" + Databases.PROP_PASSWORD_FILE + "=" + passwordFile.toAbsolutePath());
        }
        return args;
    }

    /**
     * Fails (and deletes the file) if the password appears in any file of the results folder.
     *
     * @param folder the results folder
     * @throws IOException if a file cannot be read
     */
    void assertNoPasswordIn(Path folder) throws IOException {
        if (password == null) {
            return;
        }
        List<Path> leaked;
        try (Stream<Path> files = Files.walk(folder)) {
            leaked = files.filter(Files::isRegularFile).filter(f -> {
                try {
                    return new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains(password);
                } catch (IOException e) {
                    return true;
                }
            }).collect(Collectors.toList());
        }
        if (!leaked.isEmpty()) {
            for (Path f : leaked) {
                Files.deleteIfExists(f);
            }
            throw new IllegalStateException("The database password appeared in " + leaked
                    + "; those files were deleted. This is a bug: please report it.");
        }
        Suite.log("checked: the database password appears in no file of " + folder);
    }

    @Override
    public void close() throws IOException {
        if (passwordFile != null) {
            Files.deleteIfExists(passwordFile);
        }
    }

    /** Writes the password to a new file only this user can read; deleted when the run ends. */
    private static Path privatePasswordFile(String password) throws IOException {
        Path file;
        try {
            file = Files.createTempFile("lazyinit-db-", ".pw",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException | FileAlreadyExistsException e) {
            file = Files.createTempFile("lazyinit-db-", ".pw"); // not POSIX: the temp folder is per user there
        }
        file.toFile().deleteOnExit();
        Files.writeString(file, password, StandardCharsets.UTF_8);
        return file;
    }
}
