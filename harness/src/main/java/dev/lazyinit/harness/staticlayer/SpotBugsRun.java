package dev.lazyinit.harness.staticlayer;

import dev.lazyinit.harness.support.Forked;
import dev.lazyinit.strategy.Strategy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * SpotBugs run in a JVM of its own over the classes of some strategies, with the store build's settings
 * ({@link StaticLayer#SETTINGS}): each holder class's package, in the jar or folder it was loaded from (a provider's
 * jar, say), the rest of this JVM's class path as SpotBugs' auxiliary class path.
 *
 * <p>What could go wrong: a report left from an earlier run read as this one's (it is deleted first, and a run that
 * writes none fails); SpotBugs hanging (stopped after {@link StaticLayer#SPOTBUGS_TIMEOUT_SECONDS}); a holder loaded
 * from the JDK, which has no place on disk to read (left out, as the verdicts say).
 */
final class SpotBugsRun {

    private SpotBugsRun() {
    }

    /**
     * @param strategies available strategies
     * @param xml where SpotBugs writes its XML report
     * @param log where its output goes
     * @throws IOException if SpotBugs fails, times out or writes no report
     * @throws InterruptedException if interrupted while waiting for it
     */
    static void run(List<Strategy> strategies, Path xml, Path log) throws IOException, InterruptedException {
        Set<String> targets = new LinkedHashSet<>();
        Set<String> packages = new LinkedHashSet<>();
        for (Strategy s : strategies) {
            Class<?> holder = s.newHolder(() -> null).getClass();
            java.security.CodeSource source = holder.getProtectionDomain().getCodeSource();
            if (source == null) {
                continue; // the JDK's own class
            }
            try {
                targets.add(Path.of(source.getLocation().toURI()).toString());
            } catch (java.net.URISyntaxException e) {
                throw new IOException("cannot read where " + holder.getName() + " was loaded from", e);
            }
            packages.add(holder.getPackageName() + ".*");
        }
        Files.createDirectories(xml.toAbsolutePath().getParent());
        Files.deleteIfExists(xml);
        List<String> command = new ArrayList<>(List.of(Forked.java(), "-cp", System.getProperty("java.class.path"),
                "edu.umd.cs.findbugs.FindBugs2", "-effort:max", "-low", "-xml:withMessages", "-output", xml.toString(),
                "-auxclasspath", System.getProperty("java.class.path"),
                "-onlyAnalyze", String.join(",", packages)));
        command.addAll(targets);
        Forked.run("SpotBugs", command, log, StaticLayer.SPOTBUGS_TIMEOUT_SECONDS);
        if (!Files.isRegularFile(xml)) {
            throw new IOException("SpotBugs wrote no report; its output: " + log);
        }
    }
}
