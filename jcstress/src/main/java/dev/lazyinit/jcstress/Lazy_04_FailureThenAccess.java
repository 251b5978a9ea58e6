package dev.lazyinit.jcstress;

import static dev.lazyinit.jcstress.Outcomes.outcome;
import static dev.lazyinit.jcstress.shared.Seen.FAILURE;
import static dev.lazyinit.jcstress.shared.Seen.VALUE;
import static dev.lazyinit.jcstress.shared.Seen.threw;

import dev.lazyinit.harness.contract.Layer;
import dev.lazyinit.harness.contract.Property;
import dev.lazyinit.jcstress.shared.CountingFactory;
import dev.lazyinit.jcstress.shared.PoolStandIn;
import dev.lazyinit.jcstress.shared.Seen;
import dev.lazyinit.lazy.Lazy;
import dev.lazyinit.strategy.Guarantee;
import dev.lazyinit.strategy.Strategy;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.infra.results.LLL_Result;

/**
 * A failed creation, then access again: does the holder retry, or fail forever?
 *
 * <pre>
 *  How to run:
 *      $ java -jar jcstress/target/jcstress.jar -t Lazy_04_FailureThenAccess
 *
 *  ----------------------------------------------------------------------------------------------------------
 *
 *  The factory's first call throws (the database is down at start-up); every later call succeeds. Two
 *  actors race get(); afterwards the arbiter calls get() once more, as a later request would. Each word of
 *  the outcome is what that get() did: "value", "failure" (the factory's own exception), or the name of
 *  the error thrown instead.
 *
 *  Exactly one factory call can fail, so one actor meets the failure. What the other actor and the later
 *  get() see is the strategy's answer:
 *
 *  Retrying strategies (RETRIES_AFTER_FAILURE: synchronized, the DCLs, AtomicReference, the libraries, and
 *  every control but one): a failed creation installs nothing, so the next get() calls the factory again.
 *      failure, value, value    actor1 met the failure; actor2 retried and created; the later get() reuses it
 *      value, failure, value    the same with the actors swapped
 *  Whether actor2 waited for actor1 (lock) or raced it (CAS, unsynchronized), the picture is the same.
 *
 *  The holder idiom: the factory runs inside the static initializer of the holder class. When it throws,
 *  the JVM wraps it in ExceptionInInitializerError for the thread that ran the initializer and marks the
 *  class erroneous (JLS 12.4.2, step 11); every later use, including a thread that was waiting on the
 *  class-init lock at that moment, gets NoClassDefFoundError, for the life of the class loader. The factory
 *  is never called again: the pool cannot be created until the process restarts.
 *      ExceptionInInitializerError, NoClassDefFoundError, NoClassDefFoundError
 *      NoClassDefFoundError, ExceptionInInitializerError, NoClassDefFoundError
 *  Each sample races through a fresh copy of the holder class, so this is the real first initialization,
 *  failing, every time.
 *
 *  The no-retry control (BROKEN_NO_RETRY): a DCL that keeps the factory's first exception and throws it again
 *  on every later get(), instead of calling the factory again. Whoever takes the lock first meets the real
 *  failure; the other actor, waiting on the lock, then gets the same exception object, and so does the later
 *  get():
 *      failure, failure, failure
 *  in every sample, whichever actor came first. It is the bug the control carries: it violates
 *  RETRIES_AFTER_FAILURE (Strategy.violates), which this proof is the layer to catch (Layer), so the gate
 *  fails unless it shows. The retry outcomes stay acceptable for it (what a retrying holder would show).
 *
 *  Anything else (a retrying strategy that fails forever, the holder idiom that retries, a third error) is
 *  forbidden.
 * </pre>
 *
 * <p>The build makes one JCStress test of this class per strategy, {@code Lazy_04_FailureThenAccess_<STRATEGY>}:
 * this state and these actors, graded by {@link #outcomes(Strategy)}.
 */
@Topic(Property.FAILURE_THEN_ACCESS)
public abstract class Lazy_04_FailureThenAccess {

    /** What the thread that ran a failing class initializer gets. */
    static final String INITIALIZER_ERROR = threw(ExceptionInInitializerError.class);
    /** What every later user of a class whose initializer failed gets. */
    static final String NO_CLASS_DEF = threw(NoClassDefFoundError.class);

    private final Lazy<PoolStandIn> holder;

    /** @param strategy builds a cold holder whose factory fails on its first call, fresh for every sample */
    protected Lazy_04_FailureThenAccess(Strategy strategy) {
        this.holder = strategy.newHolder(CountingFactory.failingFirst());
    }

    /** @param r gets value, failure, or the name of what get() threw */
    @Actor
    public void actor1(LLL_Result r) {
        r.r1 = Seen.attempt(holder);
    }

    /** @param r gets value, failure, or the name of what get() threw */
    @Actor
    public void actor2(LLL_Result r) {
        r.r2 = Seen.attempt(holder);
    }

    /** @param r gets what a later get() does: value, failure, or the name of what it threw */
    @Arbiter
    public void arbiter(LLL_Result r) {
        r.r3 = Seen.attempt(holder);
    }

    /*
     *  Observed: docs/jcstress-observed.md, section "failure-then-access" (the gate's verdict and the samples of each
     *  outcome, per strategy and JDK, with each run's commit and date), generated from the gate's verdicts files:
     *  ProofGate observed --out docs/jcstress-observed.md jcstress/target/jcstress-verdicts.json (full command there).
     */

    /**
     * @param s the strategy under test
     * @return what its registry entry makes of each outcome: RETRIES_AFTER_FAILURE expects the retry; a broken
     *         control without it may show its bug, the first failure kept and rethrown (which the gate must see where
     *         the control violates RETRIES_AFTER_FAILURE); every other strategy gives the class-initialization answer
     *         (fails forever)
     */
    public static Outcomes outcomes(Strategy s) {
        Outcomes o = Outcomes.declare();
        if (s.guarantees(Guarantee.RETRIES_AFTER_FAILURE) || s.broken()) {
            o.acceptable("Retries: one actor met the failed first creation; the other called the factory again and"
                            + " got a value; the later get() returns that value.",
                    outcome(FAILURE, VALUE, VALUE), outcome(VALUE, FAILURE, VALUE));
        }
        if (s.guarantees(Guarantee.RETRIES_AFTER_FAILURE)) {
            // nothing else is acceptable
        } else if (s.broken()) {
            o.bug("No retry, the bug this control carries: the holder kept the factory's first exception and threw"
                            + " it again to the other actor and to the later get(); the factory never ran again, so a"
                            + " database that was down for a moment stays down for this holder.",
                    outcome(FAILURE, FAILURE, FAILURE));
            if (Layer.JCSTRESS.mustCatch(s, Guarantee.RETRIES_AFTER_FAILURE)) {
                o.mustCatch();
            }
        } else if (s.provided()) {
            // a provider's strategy is held to what it claims; what it does not claim is shown, not judged
            o.interesting("Retries, though its provider does not claim it: the other actor called the factory again"
                            + " and got a value.",
                    outcome(FAILURE, VALUE, VALUE), outcome(VALUE, FAILURE, VALUE));
            o.interesting("No retry (its provider does not claim one): the first exception reached both actors and"
                            + " the later get(); a database that was down for a moment stays down for this holder.",
                    outcome(FAILURE, FAILURE, FAILURE));
        } else {
            o.acceptable("Fails forever (class initialization): the initializing actor got"
                            + " ExceptionInInitializerError; the other actor and the later get() got"
                            + " NoClassDefFoundError; the factory never ran again.",
                    outcome(INITIALIZER_ERROR, NO_CLASS_DEF, NO_CLASS_DEF),
                    outcome(NO_CLASS_DEF, INITIALIZER_ERROR, NO_CLASS_DEF));
        }
        return o.forbidEverythingElse("Not what the strategy's registry entry promises after a failed creation.");
    }
}
