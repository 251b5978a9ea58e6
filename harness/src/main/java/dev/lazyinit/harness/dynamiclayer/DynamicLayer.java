package dev.lazyinit.harness.dynamiclayer;

import dev.lazyinit.harness.contract.StaticVerdicts;
import dev.lazyinit.harness.contract.StaticVerdicts.StaticVerdict;
import dev.lazyinit.harness.contract.Strength;
import dev.lazyinit.harness.contract.VerdictKind;
import dev.lazyinit.harness.support.Available;
import dev.lazyinit.strategy.Guarantee;
import dev.lazyinit.strategy.Strategy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The dynamic layer: VMLens runs two threads' {@code get()} on a cold holder through every interleaving
 * ({@link DynamicRaces}) and reports each pair of accesses to one field that no happens-before edge orders, a data
 * race; this layer judges those races per strategy of the registry, built-in and provided, by the same rules as the
 * static layer, and writes its verdicts in the static layer's format ({@link StaticVerdicts}).
 *
 * <p>What could go wrong: a holder that publishes its value without a happens-before edge. JCStress shows that only
 * where the hardware reorders stores (never on x86); SpotBugs and the bytecode check recognise a few shapes in our
 * classes. VMLens follows what the code does, in any class it loads, library code included, on any hardware.
 *
 * <p>Rules: a strategy that claims {@link Guarantee#SAFE_PUBLICATION} must show no counted race (PASS, else FAIL); a
 * control that violates it is CAUGHT when one is counted, NOT_OBSERVED when not; a strategy that claims neither is
 * not judged (N/A, with the races seen). A PASS is discriminating when a control was CAUGHT in the same run.
 *
 * <p>One class a job: {@link TracedProgram} runs the program under VMLens' agent, {@link VmlensReport} reads VMLens'
 * HTML report into typed runs, {@link RaceJudge} judges them, and {@link FalseAlarms} holds the rules for the races
 * VMLens reports where there is none.
 *
 * <p>What VMLens 1.2.17 gets wrong, measured here, and how each is handled, never silently: every race left out is
 * listed in the verdicts file with its rule and reason.
 * <ul>
 *   <li><b>Final fields</b>: it does not model the freeze at the end of a constructor (JLS 17.5), so the racy
 *       read of a reference to an object whose instance fields are all final, which is safe, is reported as a
 *       race. Rule {@link #FINAL_FIELD_RULE}: such a race is left out; the same race on a wrapper with a field
 *       that is not final counts (the {@code BROKEN_FINAL_WRAPPER_NON_FINAL} control).</li>
 *   <li><b>Synchronized methods</b>: it does not see the monitor a {@code synchronized} method takes (a
 *       {@code synchronized} block it does see), so a field accessed only inside {@code synchronized} instance
 *       methods of its class is reported as racy. Rule {@link #SYNCHRONIZED_METHOD_RULE}: a race whose every access
 *       is in such a method is left out; one access outside counts.</li>
 *   <li><b>VarHandle and JDK internals</b>: accesses through a {@code VarHandle}, and inside {@code java.*}, are
 *       not traced. Where a run shows no field access at all, the layer could not have seen a race: a claimed
 *       strategy is N/A, a control NOT_OBSERVED ({@code BROKEN_DCL_VAR_HANDLE_PLAIN}, which the bytecode check
 *       catches).</li>
 * </ul>
 */
public final class DynamicLayer {

    /** The tool, as the verdicts file names it. */
    public static final String TOOL = "VMLens 1.2.17 (all interleavings of two threads' get() on one cold holder)";

    /** The pattern of a counted race, as findings name it. */
    public static final String DATA_RACE = "VMLENS_DATA_RACE";

    /** How a verdict's note starts when VMLens could not finish a strategy's runs. */
    public static final String FAILED_RUN = "the traced run failed";

    /** Rule name: a racy read of a reference to an object whose instance fields are all final. */
    public static final String FINAL_FIELD_RULE = "final-field freeze not modelled";

    /** Rule name: a race whose every access is inside {@code synchronized} instance methods of the field's class. */
    public static final String SYNCHRONIZED_METHOD_RULE = "synchronized method's monitor not traced";

    /**
     * The newest JDK feature release VMLens 1.2.17 was measured to trace (17 and 25 were). On JDK 26 its agent
     * starts but instruments nothing: every run shows no field access, the controls' included.
     */
    public static final int NEWEST_TRACED_JDK = 25;

    /** How long the traced program may run before it is stopped and the layer fails. */
    static final long TIMEOUT_SECONDS = 300;

    private DynamicLayer() {
    }

    /**
     * Traces the strategies and judges the races.
     *
     * @param dir a folder for the agent, its events, the report and the program's output
     * @return the verdicts, one per registry strategy
     * @throws IOException if the traced program fails, times out, or its report cannot be read
     * @throws InterruptedException if interrupted while waiting for it
     */
    public static StaticVerdicts run(Path dir) throws IOException, InterruptedException {
        // this run's strategies, and the publication controls, so that a PASS here can be discriminating
        List<String> traced = Arrays.stream(Strategy.values()).filter(Strategy::available)
                .filter(s -> Available.inScope(s) || s.violates().contains(Guarantee.SAFE_PUBLICATION))
                .map(Strategy::name).toList();
        Path report = TracedProgram.trace(dir, traced);
        return RaceJudge.judge(VmlensReport.read(report),
                traced.size() + " strategies traced (this run's and the publication controls)");
    }

    /**
     * @param verdicts the layer's verdicts
     * @return whether VMLens saw a field access in any strategy's runs; none at all means it traced nothing
     */
    public static boolean tracedAnything(StaticVerdicts verdicts) {
        return verdicts.verdicts().stream().anyMatch(v -> !v.analysed().isEmpty());
    }

    /**
     * The verdicts of a run on a JDK VMLens does not trace: every strategy N/A, with the reason.
     *
     * @param traced what the run traced, for its settings
     * @param feature this JDK's feature release
     * @return the verdicts to write
     */
    public static StaticVerdicts notTraced(StaticVerdicts traced, int feature) {
        String why = "VMLens 1.2.17 traced no field access on JDK " + feature + ", the controls' neither: it"
                + " instruments nothing on a JDK newer than " + NEWEST_TRACED_JDK + " (measured), so the dynamic"
                + " layer did not run here";
        return new StaticVerdicts(traced.format(), traced.tool(), traced.settings() + "; " + why,
                traced.generatedAt(), traced.verdicts().stream().map(v -> new StaticVerdict(v.strategy(), List.of(),
                        VerdictKind.NOT_APPLICABLE, Strength.NONE, List.of(), why)).toList(), List.of());
    }
}
