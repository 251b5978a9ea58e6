package dev.lazyinit.jcstress.gate;

import dev.lazyinit.jcstress.Topic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The commit of the suite a gate run came from, so that a verdicts file (and the tables generated from it,
 * {@link ObservedTables}) can say which code produced its numbers. Asked of git at run time; where there is no git,
 * or the folder is not a checkout of this suite (a jar copied to another machine, run from a home folder that
 * happens to be some other repository), the commit is unknown rather than wrong.
 */
final class GitCommit {

    /** A file every checkout of this suite has, relative to its root: tells this suite's repository from another. */
    private static final String MARKER = "jcstress/src/main/java/" + Topic.class.getName().replace('.', '/') + ".java";

    private GitCommit() {
    }

    /** @return the short commit of the checkout the working folder is in, or {@code null} if unknown */
    static String current() {
        return of(Path.of("").toAbsolutePath());
    }

    /**
     * @param folder a folder
     * @return the short commit ({@code git rev-parse --short HEAD}) of the checkout of this suite that holds it, or
     *         {@code null} if git is missing, fails, or the repository is not this suite's
     */
    static String of(Path folder) {
        Process git;
        try {
            git = new ProcessBuilder("git", "rev-parse", "--show-toplevel", "--short", "HEAD")
                    .directory(folder.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            return null; // no git on this machine
        }
        try {
            git.getOutputStream().close();
            List<String> lines = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                    .toList();
            if (!git.waitFor(10, TimeUnit.SECONDS) || git.exitValue() != 0 || lines.size() != 2) {
                return null;
            }
            boolean ours = Files.isRegularFile(Path.of(lines.get(0)).resolve(MARKER));
            return ours && lines.get(1).matches("[0-9a-f]{4,40}") ? lines.get(1) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            git.destroy();
        }
    }
}
