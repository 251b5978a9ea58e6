package dev.lazyinit.report;

import dev.lazyinit.harness.contract.ProofVerdicts.ProofVerdict;
import dev.lazyinit.harness.contract.StaticVerdicts.StaticVerdict;
import dev.lazyinit.harness.contract.VirtualThreadResults;
import dev.lazyinit.report.JmhResults.Metric;
import dev.lazyinit.report.Measurements.Stampede;
import dev.lazyinit.strategy.Guarantee;
import dev.lazyinit.strategy.Strategy;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The decision guide's answers: a table with a row per correct strategy and a column per question, each cell with
 * its evidence and how strong that evidence is, and below it the rules and their exceptions. Made by
 * {@link Decide} from measurements and verdicts, written by {@link DecisionGuideSection}; nothing here is text.
 * Broken controls are never an answer.
 *
 * @param matrix the one-screen table
 * @param scope static (one per process) or instance scope
 * @param retry must a failed initialization be retried
 * @param close must the pool be closed
 * @param virtualThreads virtual threads
 * @param steadyCost the steady-state cost
 * @param jdkChange does the JDK change the choice (only when the run measured more than one JDK)
 * @param coldCost the cold start and the stampede
 * @param inShort the recommendation
 * @param providerGaps what the providers' strategies do not guarantee, with the verdicts that show it
 */
record Guide(Matrix matrix, Scope scope, Retry retry, Close close, VirtualThreads virtualThreads,
             SteadyCost steadyCost, Optional<JdkChange> jdkChange, ColdCost coldCost, InShort inShort,
             List<Gap> providerGaps) {

    /**
     * A guarantee users often assume that a provider's strategy does not claim, with the verdict that shows what its
     * holder does instead (the proof records it without judging it).
     *
     * @param strategy a strategy from a provider
     * @param guarantee exactly-once, retries after failure or closeable, not claimed
     * @param verdict the JCStress verdict of the property that shows it, if the report has verdicts
     */
    record Gap(Strategy strategy, Guarantee guarantee, Optional<ProofVerdict> verdict) {
    }

    /**
     * The questions × the correct strategies.
     *
     * @param rows one per correct strategy measured, in registry order
     * @param steadyAgainst what the steady-state ratios are against: the floor if it was measured, else the field
     *        read
     * @param stampedeThreads the thread count of the stampede cited (the largest)
     * @param virtualThreadsJdk the JDK the virtual-thread stampede ran on, if it ran
     */
    record Matrix(List<Row> rows, Bench steadyAgainst, int stampedeThreads, Optional<String> virtualThreadsJdk) {
    }

    /**
     * One strategy's answers.
     *
     * @param strategy the strategy
     * @param perInstance whether it can be per instance (else static, one per process)
     * @param retries whether it retries after a failed creation, and the verdict that checks it
     * @param closes whether it is closeable, and the verdict that checks it
     * @param virtualThreads what its virtual-thread stampede showed
     * @param steady its 1-thread {@code get()} against {@link Matrix#steadyAgainst()}
     * @param steadyTwoThreads the same with 2 threads
     * @param cold its cold first {@code get()} against the no-holder baseline
     * @param stampede its largest stampede's counts
     * @param stampedeTime that stampede's time against the no-holder baseline's
     */
    record Row(Strategy strategy, boolean perInstance, Claim retries, Claim closes, VirtualThreadAnswer virtualThreads,
               Optional<Compared> steady, Optional<Compared> steadyTwoThreads, Optional<Compared> cold,
               Optional<Stampede> stampede, Optional<Compared> stampedeTime) {
    }

    /**
     * A yes or no from the registry, with the verdict that checks it.
     *
     * @param holds whether the strategy has the guarantee
     * @param judged whether the verdict judges it: always for a built-in strategy (one without the guarantee is held
     *        to the documented opposite); not for a provider's guarantee it does not claim, which is shown, not judged
     * @param verdict the JCStress verdict of the property that checks it, with its strength, if the report has
     *        verdicts
     */
    record Claim(boolean holds, boolean judged, Optional<ProofVerdict> verdict) {
    }

    /**
     * A ratio and whether this run resolves it from 1.00× (beyond its A/A control's reach).
     *
     * @param ratio the ratio with its interval
     * @param resolved whether it is a difference; if not it is shown as ≈ and never ranked
     */
    record Compared(Interval ratio, boolean resolved) {

        /** @return the ratio with its interval, after {@code ≈} when it is not resolved: a table cell */
        String cell() {
            return resolved ? ratio.toString() : "≈ " + ratio;
        }

        /** @return {@code 1.16×} when resolved, else {@code ≈}: for a narrow column */
        String brief() {
            return resolved ? Fmt.num(ratio.value()) + "×" : "≈";
        }
    }

    /**
     * What the virtual-thread stampede showed for one strategy.
     *
     * @param outcome what happened
     * @param pinnedEvents the carrier pinnings JFR recorded in the holder's or the store's code (a pin elsewhere, in
     *        the JDK's own poller thread say, is no answer about the strategy)
     * @param note the stampede's own words (why it did not run; how it was stuck)
     */
    record VirtualThreadAnswer(Outcome outcome, long pinnedEvents, String note) {

        /** What can happen to a strategy in the virtual-thread stampede. */
        enum Outcome {
            /** No virtual-thread stampede in this report. */
            NOT_MEASURED,
            /** The stampede left it out (it may build a pool per thread) or it cannot run on that JDK. */
            NOT_RUN,
            /** A round did not finish in time. */
            STUCK,
            /** Every round finished. */
            FINISHED
        }

        /**
         * @param row the stampede's row for the strategy
         * @return its answer
         */
        static VirtualThreadAnswer of(VirtualThreadResults.Row row) {
            Outcome o = switch (row.outcome()) {
                case NOT_RUN -> Outcome.NOT_RUN;
                case STUCK -> Outcome.STUCK;
                case FINISHED -> Outcome.FINISHED;
            };
            // Pins of 20 ms or more (JFR's default threshold) in the holder's or the store's code: a pin elsewhere,
            // or a brief one, is no answer about the strategy.
            return new VirtualThreadAnswer(o, row.longPinsInSuiteCode(), row.note());
        }
    }

    /**
     * A strategy named in an answer, with the evidence the answer cites for it: what that question needs, the
     * rest empty.
     *
     * @param strategy the strategy
     * @param measured a number and the benchmark it comes from
     * @param stampede its largest stampede
     * @param proof its JCStress verdict for the property the answer rests on, only if that verdict could have
     *        failed (an undiscriminated PASS is never cited as proof)
     * @param staticProof for publication, the static layer's verdict, only if it could have failed
     */
    record Cited(Strategy strategy, Optional<Measured> measured, Optional<Stampede> stampede,
                 Optional<ProofVerdict> proof, Optional<StaticVerdict> staticProof) {
    }

    /**
     * @param bench the benchmark
     * @param metric its result for the strategy
     */
    record Measured(Bench bench, Metric metric) {
    }

    /**
     * @param processWide the correct strategies without per-instance state
     * @param perInstance the correct strategies with it
     */
    record Scope(List<Strategy> processWide, List<Strategy> perInstance) {
    }

    /**
     * @param retries the correct strategies that try again after a failure
     * @param neverRetries the built-in ones that do not (with their failure-then-access proof, which checks that
     *        documented behaviour); a provider's strategy that does not claim retries is a {@link Gap}
     */
    record Retry(List<Strategy> retries, List<Cited> neverRetries) {
    }

    /**
     * @param closeable the correct strategies that close and create nothing after
     * @param notCloseable the built-in ones that keep handing out the closed store; a provider's strategy that does
     *        not claim closing is a {@link Gap}
     */
    record Close(List<Strategy> closeable, List<Strategy> notCloseable) {
    }

    /**
     * @param forkJdk the feature release the benchmarks' forks ran on, 0 if unknown
     * @param measuredOn the JDK the virtual-thread stampede ran on, if it ran
     * @param stuck the correct strategies with a round that never finished
     * @param pinned the correct strategies that finished but pinned a carrier
     * @param clean the correct strategies that finished with no pinning
     * @param lockFree the correct strategies whose creation does not block under a monitor (with their stampede)
     */
    record VirtualThreads(int forkJdk, Optional<String> measuredOn, List<Strategy> stuck, List<Strategy> pinned,
                          List<Strategy> clean, List<Cited> lockFree) {

        /** @return the feature release the virtual-thread answer is about: the stampede's JDK, else the forks' */
        int jdk() {
            return measuredOn.map(VirtualThreads::feature).orElse(forkJdk);
        }

        /** @return whether a blocking {@code synchronized} no longer pins on that JDK (JEP 491, JDK 24) */
        boolean monitorsDoNotPin() {
            return jdk() >= 24;
        }

        private static int feature(String version) {
            try {
                return Runtime.Version.parse(version).feature();
            } catch (IllegalArgumentException e) {
                return 0;
            }
        }
    }

    /**
     * @param against what the ratios are against (the floor, or the field read)
     * @param resolved the correct strategies whose 1-thread {@code get()} this run resolves from it (above or below)
     * @param indistinguishable those it cannot tell from it (≈, not ranked)
     * @param dearestTwoThreads the correct strategy with the highest 2-thread ratio that is resolved, if any
     * @param query {@code SELECT 1} through the pool without a holder, the cost every real use adds
     */
    record SteadyCost(Bench against, List<Row> resolved, List<Strategy> indistinguishable,
                      Optional<Row> dearestTwoThreads, Optional<Metric> query) {
    }

    /**
     * @param oldest the oldest JDK measured
     * @param newest the newest
     * @param errorsKnown whether every compared mean has an error (not so for one-iteration runs)
     * @param moved the correct strategies whose 1-thread {@code get()} changed beyond the errors
     */
    record JdkChange(int oldest, int newest, boolean errorsKnown, List<Moved> moved) {
    }

    /**
     * @param strategy a strategy
     * @param oldest its mean on the oldest JDK
     * @param newest its mean on the newest
     * @param ratio newest ÷ oldest
     */
    record Moved(Strategy strategy, Metric oldest, Metric newest, Ratio ratio) {
    }

    /**
     * @param coldResolved the correct strategies whose cold first {@code get()} this run resolves from the baseline
     * @param exactlyOnce the correct exactly-once strategies (with their stampede and exactly-once proof)
     * @param closesDuplicates the correct lock-free ones that close every duplicate (with their stampede)
     * @param leaking the broken controls that are not exactly-once: the incident's bug (stampede and proof)
     */
    record ColdCost(List<Row> coldResolved, List<Cited> exactlyOnce, List<Cited> closesDuplicates,
                    List<Cited> leaking) {
    }

    /**
     * @param general the correct strategies with every guarantee an instance-scoped pool needs whose 1-thread
     *        {@code get()} this run cannot tell from the cheapest of them: equally good answers, not ranked
     * @param generalButDearer those with every guarantee whose fast path this run resolves above that
     * @param interruptible among all general-purpose ones, those whose waiters can give up
     * @param processWide the correct strategies for a process-wide singleton that never closes
     * @param fastPathDisturbed why this run's 1-thread steady state resolves nothing (its floor check failed), if so
     */
    record InShort(List<Strategy> general, List<Row> generalButDearer, List<Strategy> interruptible,
                   List<Strategy> processWide, Optional<String> fastPathDisturbed) {
    }
}
