package dev.lazyinit.harness.staticlayer;

import dev.lazyinit.harness.contract.StaticVerdicts;
import dev.lazyinit.harness.contract.StaticVerdicts.Finding;
import dev.lazyinit.harness.contract.StaticVerdicts.StaticVerdict;
import dev.lazyinit.harness.contract.StaticVerdicts.Suppression;
import dev.lazyinit.harness.contract.Strength;
import dev.lazyinit.harness.contract.VerdictKind;
import dev.lazyinit.strategy.Guarantee;
import dev.lazyinit.strategy.Strategy;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Judges SpotBugs' findings, and those of the suite's own {@link BytecodeCheck}, over the holder classes per strategy
 * of the registry: the static layer.
 *
 * <p>What could go wrong: a holder that publishes its value without a happens-before edge (the classic DCL without
 * {@code volatile}). JCStress can only show that where the hardware reorders (Arm, POWER), never on x86. SpotBugs
 * recognises the shape in the bytecode ({@code DC_DOUBLECHECK}, {@code DC_PARTIALLY_CONSTRUCTED}) on any machine;
 * the bytecode check adds two shapes SpotBugs does not see ({@link BytecodeCheck#PATTERNS}): a plain
 * {@code VarHandle.get} on a lock-free path, and a wrapper read through a plain field whose own field is not final.
 * It reads the same classes, from the class path, so the gate's re-judging of SpotBugs' report runs it too.
 *
 * <p>Rules: a strategy that claims {@link Guarantee#SAFE_PUBLICATION} must have no finding at all in its classes
 * (PASS, else FAIL), a broken control that claims it no concurrency ({@code MT_CORRECTNESS}) finding; a control
 * that does not claim it is CAUGHT when a publication pattern ({@link #PUBLICATION_PATTERNS}: SpotBugs' double
 * check or the bytecode check's) is found, and NOT_OBSERVED when not (a blind spot, shown as such); a library
 * adapter is N/A unless its own code is flagged, because the part that matters lives in the library, which is not
 * analysed. Suppressions are written below with their reasons and listed in the verdicts file; there is no filter
 * file.
 *
 * <p>One class a job: {@link SpotBugsRun} runs SpotBugs over a provider's classes, {@link SpotBugsReport} reads its
 * XML report into typed findings, and {@link StaticJudge} gives each strategy its verdict; this class holds the
 * rules' constants and the suppressions, and judges every strategy of the registry.
 *
 * <p>What it cannot see: an unsafe publication that is neither a double-check shape SpotBugs recognises nor one of
 * the bytecode check's two shapes (its Javadoc says what those miss: a plain read after a lock released in the
 * same method, a {@code VarHandle} not held in a {@code static final} field, a wrapper of another package or behind
 * a type variable); and nothing in library or JDK code, which is not read.
 */
public final class StaticLayer {

    /** The patterns that show a double-checked publication bug. */
    public static final List<String> DOUBLE_CHECK_PATTERNS = List.of("DC_DOUBLECHECK", "DC_PARTIALLY_CONSTRUCTED");

    /** The patterns that catch a control's unsafe publication: SpotBugs' double check and the bytecode check's. */
    public static final List<String> PUBLICATION_PATTERNS = java.util.stream.Stream.concat(
            DOUBLE_CHECK_PATTERNS.stream(), BytecodeCheck.PATTERNS.stream()).toList();

    /**
     * Findings that are false alarms: pattern and class, and why. Every entry must still match a finding, or the
     * test that reads this fails (a stale suppression hides nothing and should go).
     */
    public static final Map<String, String> SUPPRESSED = Map.of(
            "UWF_UNWRITTEN_FIELD dev.lazyinit.lazy.VarHandleDclLazy",
            "a false alarm: value is written through the VarHandle (setRelease), which SpotBugs does not follow");

    /** Classes that carry a strategy's logic besides its holder class. */
    private static final Map<Strategy, List<String>> ALSO = Map.of(
            Strategy.HOLDER_IDIOM, List.of("dev.lazyinit.lazy.HolderIdiom"));

    /** The store build's SpotBugs settings (store/pom.xml), which {@link #spotbugs} uses too. */
    public static final String SETTINGS = "effort Max, threshold Low";

    /** How long SpotBugs may run over a provider's classes before it is stopped and the layer fails. */
    static final long SPOTBUGS_TIMEOUT_SECONDS = 300;

    private StaticLayer() {
    }

    /**
     * @param spotbugsXml SpotBugs' XML report
     * @param settings how it ran, for the file
     * @return a verdict per registry strategy
     * @throws IOException if the report cannot be read
     */
    public static StaticVerdicts judge(Path spotbugsXml, String settings) throws IOException {
        return judge(spotbugsXml, settings, s -> true, "");
    }

    /**
     * The same rules over the strategies of one scope only: example-provider's run, whose SpotBugs report
     * ({@link #spotbugs}) covers the providers' classes and the built-in publication controls, and nothing else.
     *
     * @param spotbugsXml SpotBugs' XML report
     * @param settings how it ran, for the file
     * @param scope the strategies this report can judge
     * @param outOfScope why the others are N/A
     * @return a verdict per registry strategy
     * @throws IOException if the report cannot be read
     */
    public static StaticVerdicts judge(Path spotbugsXml, String settings, Predicate<Strategy> scope,
                                       String outOfScope) throws IOException {
        SpotBugsReport report = SpotBugsReport.read(spotbugsXml);
        String tool = "SpotBugs " + report.version() + " + " + BytecodeCheck.tool();
        List<Finding> all = report.findings();
        List<Finding> counted = new ArrayList<>();
        List<Suppression> suppressions = new ArrayList<>();
        for (Finding f : all) {
            String reason = SUPPRESSED.get(f.pattern() + " " + f.className());
            if (reason == null) {
                counted.add(f);
            } else {
                suppressions.add(new Suppression(f, reason));
            }
        }
        List<StaticVerdict> judged = new ArrayList<>();
        for (Strategy s : Strategy.values()) {
            judged.add(!s.available() || scope.test(s) ? StaticJudge.judge(s, counted, suppressions)
                    : new StaticVerdict(s.name(), List.of(), VerdictKind.NOT_APPLICABLE, Strength.NONE, List.of(),
                            outOfScope));
        }
        List<StaticVerdict> verdicts = StaticVerdicts.withStrength(judged, "no control was flagged in this run");
        return new StaticVerdicts(StaticVerdicts.FORMAT, tool, settings, Instant.now().toString(), verdicts,
                suppressions);
    }

    /**
     * Runs SpotBugs with the store build's settings ({@link #SETTINGS}) over the classes of the given strategies,
     * in a JVM of its own: each holder class's package, in the jar or folder it was loaded from (a provider's jar,
     * say), the rest of this JVM's class path as SpotBugs' auxiliary class path. Example-provider's run uses it
     * over the providers' strategies, with the built-in publication controls beside them so that a PASS can be
     * discriminating.
     *
     * @param strategies available strategies
     * @param xml where SpotBugs writes its XML report
     * @param log where its output goes
     * @throws IOException if SpotBugs fails, times out or writes no report
     * @throws InterruptedException if interrupted while waiting for it
     */
    public static void spotbugs(List<Strategy> strategies, Path xml, Path log)
            throws IOException, InterruptedException {
        SpotBugsRun.run(strategies, xml, log);
    }

    /**
     * @param s an available strategy
     * @return the classes whose findings count for it: its holder class first, then the others that carry its logic
     *         (their nested classes count too)
     */
    public static List<String> classesOf(Strategy s) {
        List<String> classes = new ArrayList<>();
        classes.add(s.newHolder(() -> null).getClass().getName());
        classes.addAll(ALSO.getOrDefault(s, List.of()));
        return classes;
    }
}
