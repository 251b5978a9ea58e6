package dev.lazyinit.jmh.report;

import dev.lazyinit.harness.contract.ProofVerdicts.ProofVerdict;
import dev.lazyinit.harness.contract.StaticVerdicts.StaticVerdict;
import dev.lazyinit.jmh.report.JmhResults.Metric;
import dev.lazyinit.jmh.report.Measurements.Stampede;
import dev.lazyinit.strategy.Strategy;
import java.util.List;
import java.util.Optional;

/**
 * The decision guide's answers: for each question, which strategies answer it and on which evidence. Made by
 * {@link Decide} from measurements and verdicts, written by {@link DecisionGuideSection}; nothing here is text.
 * Broken controls are never an answer.
 *
 * @param fieldRead the steady-state baseline every steady-state number is compared to
 * @param scope static (one per process) or instance scope
 * @param retry must a failed initialization be retried
 * @param close must the pool be closed
 * @param virtualThreads virtual threads
 * @param steadyCost the steady-state cost
 * @param jdkChange does the JDK change the choice (only when the run measured more than one JDK)
 * @param coldCost the cold start and the stampede
 * @param inShort the one recommendation
 */
record Guide(Optional<Metric> fieldRead, Scope scope, Retry retry, Close close, VirtualThreads virtualThreads,
             SteadyCost steadyCost, Optional<JdkChange> jdkChange, ColdCost coldCost, InShort inShort) {

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
     * @param processWide the correct strategies without per-instance state (with their 1-thread {@code get()})
     * @param perInstance the correct strategies with it (likewise)
     */
    record Scope(List<Cited> processWide, List<Cited> perInstance) {
    }

    /**
     * @param retries the correct strategies that try again after a failure (with their failure-then-access proof)
     * @param neverRetries those that do not (likewise: the proof checks the documented opposite)
     */
    record Retry(List<Cited> retries, List<Cited> neverRetries) {
    }

    /**
     * @param closeable the correct strategies that close and create nothing after (with their close-vs-get proof)
     * @param notCloseable those that keep handing out the closed store
     */
    record Close(List<Cited> closeable, List<Strategy> notCloseable) {
    }

    /**
     * @param forkJdk the feature release the report's forks ran on, 0 if unknown
     * @param lockFree the correct strategies whose creation does not block under a monitor (with their stampede)
     * @param stampedeMeasured whether the virtual-thread stampede ran for this report
     */
    record VirtualThreads(int forkJdk, List<Cited> lockFree, boolean stampedeMeasured) {

        /** @return whether the forks' JDK has no virtual threads (before JDK 21) */
        boolean noVirtualThreads() {
            return forkJdk > 0 && forkJdk < 21;
        }

        /** @return whether a blocking {@code synchronized} no longer pins on the forks' JDK (JEP 491, JDK 24) */
        boolean monitorsDoNotPin() {
            return forkJdk >= 24;
        }
    }

    /**
     * @param cheapest the correct strategy with the lowest mean 1-thread {@code get()}
     * @param tiedWithCheapest the others whose mean is within the errors of it
     * @param dearestTwoThreads the correct strategy with the highest mean 2-thread {@code get()}
     * @param query {@code SELECT 1} through the pool without a holder, the cost every real use adds
     */
    record SteadyCost(Optional<Cited> cheapest, List<Cited> tiedWithCheapest, Optional<Cited> dearestTwoThreads,
                      Optional<Metric> query) {
    }

    /**
     * @param oldest the oldest JDK measured
     * @param newest the newest
     * @param errorsKnown whether every compared mean has an error (not so for one-iteration runs)
     * @param moved the correct strategies whose 1-thread {@code get()} changed beyond the errors
     * @param cheapestOnOldest the cheapest correct strategy on the oldest JDK
     * @param cheapestOnNewest the same on the newest
     */
    record JdkChange(int oldest, int newest, boolean errorsKnown, List<Moved> moved,
                     Optional<Strategy> cheapestOnOldest, Optional<Strategy> cheapestOnNewest) {
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
     * @param exactlyOnce the correct exactly-once strategies (with their stampede and exactly-once proof)
     * @param closesDuplicates the correct lock-free ones that close every duplicate (with their stampede)
     * @param leaking the broken controls that are not exactly-once: the incident's bug (stampede and proof)
     */
    record ColdCost(List<Cited> exactlyOnce, List<Cited> closesDuplicates, List<Cited> leaking) {
    }

    /**
     * @param general the cheapest correct strategy with every guarantee an instance-scoped pool needs (with its
     *        1-thread {@code get()} and publication proof)
     * @param tied strategies with at least its guarantees whose mean is within the errors of it
     * @param processWide the correct strategies for a process-wide singleton that never closes
     */
    record InShort(Optional<Cited> general, List<Strategy> tied, List<Strategy> processWide) {
    }
}
