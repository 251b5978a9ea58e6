package dev.lazyinit.jmh.runner;

import dev.lazyinit.jmh.runner.ForkJvms.ForkJvm;
import dev.lazyinit.jmh.vthreads.VirtualThreadStampede;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs the {@link VirtualThreadStampede} in a JVM of its own on a JDK with virtual threads (see
 * {@link Jdks#forVirtualThreads}), against the runner's database; it writes {@code vthreads.json} into the results
 * folder. Skipped, and said so, when there is no such JDK; a failed stampede is logged and the report goes on
 * without it. The runner's own {@code -Dlazyinit.vthreads...} properties (threads, rounds, only) are passed on.
 */
final class StampedeLauncher {

    private StampedeLauncher() {
    }

    /**
     * @param folder the results folder
     * @param db the database hand-off
     * @param jvms the JVMs the benchmarks forked
     * @throws IOException if the JVM cannot be started
     * @throws InterruptedException if interrupted while it runs
     */
    static void run(Path folder, DatabaseHandOff db, List<ForkJvm> jvms) throws IOException, InterruptedException {
        Optional<Jdks.Jdk> found;
        try {
            found = Jdks.forVirtualThreads(Jdks.current(),
                    jvms.stream().map(ForkJvm::jdk).filter(Objects::nonNull).toList());
        } catch (IllegalArgumentException e) {
            Suite.log("virtual-thread stampede: not run, " + Jdks.VT_JAVA_ENV + ": " + e.getMessage());
            return;
        }
        if (found.isEmpty() || found.get().feature() < Jdks.VIRTUAL_THREADS) {
            Suite.log("virtual-thread stampede: not run, " + found.map(j -> j.java() + " is " + j.label())
                    .orElse("this is JDK " + Runtime.version().feature() + " and no JDK " + Jdks.VIRTUAL_THREADS
                            + " or newer is installed") + "; set " + Jdks.VT_JAVA_ENV + " to the java of a JDK "
                    + Jdks.VIRTUAL_THREADS + " or newer");
            return;
        }
        Jdks.Jdk jdk = found.get();
        List<String> command = new ArrayList<>(jdk.command());
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=off");
        command.addAll(db.jvmArgs());
        System.getProperties().stringPropertyNames().stream().filter(p -> p.startsWith("lazyinit.vthreads")).sorted()
                .forEach(p -> command.add("-D" + p + "=" + System.getProperty(p)));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), VirtualThreadStampede.class.getName(),
                folder.toString()));
        Suite.log("virtual-thread stampede on " + jdk.label() + " (" + jdk.java() + ") ...");
        int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
        if (exit != 0) {
            Suite.log("virtual-thread stampede failed (exit " + exit + "); the report goes on without it");
        }
    }
}
