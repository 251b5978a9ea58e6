package dev.lazyinit.harness.contract;

import java.util.List;
import java.util.Map;

/**
 * What the benchmark runner recorded about the machine and the run: what the runner hands to the report.
 *
 * @param format {@link #FORMAT}
 * @param profile the run's profile (quick, full, smoke)
 * @param cpu the processor model
 * @param cores available processors
 * @param os the operating system
 * @param jdk the runner's JDK
 * @param jmh JMH's version
 * @param postgres the server's version
 * @param backend where the database came from (embedded, url, testcontainers)
 * @param poolSize the store's pool size
 * @param started when the run started (ISO-8601)
 * @param benchmarkSeconds how long the benchmarks took
 * @param command the command that ran it
 * @param forkJdks the JDKs the benchmark forks ran on
 * @param machineNote a note about the machine, if the person running it gave one (may be null)
 */
public record Environment(String format, String profile, String cpu, int cores, String os, String jdk, String jmh,
                          String postgres, String backend, int poolSize, String started, long benchmarkSeconds,
                          String command, List<ForkJdk> forkJdks, String machineNote) implements Versioned {

    /** The format this build writes and reads. */
    public static final String FORMAT = "lazyinit-environment/1";

    public Environment {
        forkJdks = List.copyOf(forkJdks);
    }

    /**
     * One JDK the benchmark forks ran on.
     *
     * @param feature its feature version (17, 25, ...)
     * @param javaPath its {@code java} executable, or "the runner's"
     * @param unavailable strategies it could not build, name to reason
     */
    public record ForkJdk(int feature, String javaPath, Map<String, String> unavailable) {
        public ForkJdk {
            unavailable = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(unavailable));
        }
    }
}
