package dev.lazyinit.jmh;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ResultRole;
import org.openjdk.jmh.results.SingleShotResult;

/**
 * Files each single shot of an interleaved benchmark under the subject it measured, as a secondary result of the
 * same JMH row.
 *
 * <p>JMH measures one {@code @Param} combination per fork, one after the other, so whatever drifts during a run
 * (the machine's other load, the JIT, the server) lands on whole combinations. An interleaved benchmark instead
 * measures every subject in one fork, shot by shot in a shuffled order: its {@code @Setup(Level.Iteration)} picks
 * the next subject and names it with {@link #next(String)}. JMH times the shot as usual; after the iteration this
 * profiler takes JMH's own time for it and returns it as a {@link SingleShotResult} labelled with the subject. The
 * row's secondary metrics then hold one entry per subject, with score, error, percentiles and every shot in
 * {@code rawData}, in {@code results.json} and in JMH's console summary ({@code firstAccess:SYNCHRONIZED}).
 * A subject missing from an iteration is simply absent (a single-shot result has no "zero"), so no subject's
 * statistics contain another's shots.
 *
 * <p>Run with {@code -prof dev.lazyinit.jmh.PerSubject}; the {@code ./bench} runner adds it. Without it,
 * {@link #next(String)} refuses to run, since the row would pool every subject's shots into one meaningless mean.
 */
public final class PerSubject implements InternalProfiler {

    private static volatile boolean listening;
    private static volatile String subject;

    /** JMH creates profilers reflectively. */
    public PerSubject() {
    }

    /**
     * Names the subject the coming shot measures. Call it from {@code @Setup(Level.Iteration)}.
     *
     * @param name the label of the subject's secondary result
     * @throws IllegalStateException if the profiler is not running
     */
    public static void next(String name) {
        if (!listening) {
            throw new IllegalStateException("This benchmark interleaves its subjects and needs its shots filed by "
                    + "subject: run it with -prof " + PerSubject.class.getName());
        }
        subject = name;
    }

    @Override
    public String getDescription() {
        return "Files each shot of an interleaved single-shot benchmark under the subject it measured";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        subject = null;
        listening = true;
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
                                                       IterationParams iterationParams, IterationResult result) {
        listening = false;
        String name = subject;
        subject = null;
        if (name == null || benchmarkParams.getMode() != Mode.SingleShotTime) {
            return List.of(); // not an interleaved benchmark
        }
        TimeUnit unit = benchmarkParams.getTimeUnit();
        long nanosPerOp = Math.round(result.getPrimaryResult().getScore() * TimeUnit.NANOSECONDS.convert(1, unit));
        return List.of(new SingleShotResult(ResultRole.SECONDARY, name, nanosPerOp, unit));
    }
}
