package dev.lazyinit.jcstress.gate;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jcstress.JCStress;
import org.openjdk.jcstress.Options;
import org.openjdk.jcstress.infra.collectors.DiskReadCollector;
import org.openjdk.jcstress.infra.collectors.InProcessCollector;
import org.openjdk.jcstress.infra.collectors.TestResult;

/**
 * One JCStress run through its own API: {@link JCStress#run()} runs the selected tests and writes its HTML and text
 * reports; the binary results file it leaves behind is read back through {@link DiskReadCollector}.
 *
 * @param results every test's results (one per JVM configuration it ran in), by test name
 * @param seconds how long the run took
 */
record SuiteRun(Map<String, List<TestResult>> results, long seconds) {

    /**
     * @param options the JCStress options (mode, report folder, test filter)
     * @param out where to say that JCStress reported failures
     * @return what ran
     * @throws Exception if JCStress cannot run at all
     */
    static SuiteRun run(List<String> options, PrintStream out) throws Exception {
        // JCStress passes this JVM's own options on to every fork, so on JDK 22+ the Maven profile's
        // --enable-native-access=ALL-UNNAMED (JNA, for CPU affinity) reaches the forks without help.
        Options opts = new Options(options.toArray(new String[0]));
        if (!opts.parse()) {
            throw new IllegalStateException("JCStress rejected the options " + options);
        }
        long start = System.nanoTime();
        try {
            new JCStress(opts).run();
        } catch (AssertionError e) {
            // JCStress's own report throws on forbidden outcomes and errors; the gate's verdicts show them.
            out.println("[jcstress gate] JCStress reported failures; see the verdicts below.");
        }
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        return new SuiteRun(read(opts.getResultFile()), seconds);
    }

    private static Map<String, List<TestResult>> read(String file) throws Exception {
        Map<String, List<TestResult>> byTest = new TreeMap<>();
        if (!Files.exists(Path.of(file))) {
            return byTest; // JCStress ran nothing: every proof gets "no result"
        }
        InProcessCollector collector = new InProcessCollector();
        DiskReadCollector reader = new DiskReadCollector(file, collector);
        reader.dump();
        reader.close();
        for (TestResult r : collector.getTestResults()) {
            byTest.computeIfAbsent(r.getName(), k -> new ArrayList<>()).add(r);
        }
        return byTest;
    }

    /**
     * @param test a test name
     * @return its results; empty if it did not run
     */
    List<TestResult> of(String test) {
        return results.getOrDefault(test, List.of());
    }
}
