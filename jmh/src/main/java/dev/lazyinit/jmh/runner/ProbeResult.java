package dev.lazyinit.jmh.runner;

import dev.lazyinit.harness.contract.Versioned;
import java.util.Map;

/**
 * What a fork JDK can build, as the runner's {@code probe} command writes it in that JDK for the runner to read: the
 * strategies it cannot build, each with the reason, in registry order. A file through the harness's {@code Codec},
 * not lines on the child's standard output, which the JVM may share with its own warnings.
 *
 * @param format {@value #FORMAT}
 * @param unavailable strategy name to the reason it cannot be built there; empty when it builds every one
 */
record ProbeResult(String format, Map<String, String> unavailable) implements Versioned {

    /** The file's kind and version. */
    static final String FORMAT = "lazyinit-probe/1";
}
