package dev.lazyinit.harness.support;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A tool run in a JVM of its own, as the static and dynamic layers run theirs (SpotBugs over a provider's classes,
 * the program VMLens traces): its output goes to a log, and it is stopped, and fails the layer, past a bound.
 */
public final class Forked {

    private Forked() {
    }

    /** @return the {@code java} of the JDK this JVM runs on */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * @param what the tool, for the messages ("SpotBugs")
     * @param command its command line
     * @param log where its output and errors go
     * @param timeoutSeconds how long it may run
     * @throws IOException if it cannot start, does not finish in time (it is then stopped) or exits with a failure
     * @throws InterruptedException if interrupted while waiting for it
     */
    public static void run(String what, List<String> command, Path log, long timeoutSeconds)
            throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                throw new IOException(what + " did not finish in " + timeoutSeconds + " s; stopped. Its output: "
                        + log);
            }
        } finally {
            p.destroyForcibly();
        }
        if (p.exitValue() != 0) {
            throw new IOException(what + " exited with " + p.exitValue() + "; its output: " + log);
        }
    }
}
