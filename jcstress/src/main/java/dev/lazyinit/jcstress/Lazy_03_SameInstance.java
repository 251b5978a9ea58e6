package dev.lazyinit.jcstress;

import static dev.lazyinit.jcstress.shared.Seen.DIFFERENT;
import static dev.lazyinit.jcstress.shared.Seen.SAME;

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
import org.openjdk.jcstress.infra.results.L_Result;

/**
 * Same instance: every caller gets the one shared value.
 *
 * <pre>
 *  How to run:
 *      $ java -jar jcstress/target/jcstress.jar -t Lazy_03_SameInstance
 *
 *  ----------------------------------------------------------------------------------------------------------
 *
 *  Two actors call get() on the same cold holder; the arbiter compares what they got, by identity.
 *
 *      same        both hold the one value: required of every strategy with the SAME_INSTANCE guarantee,
 *                  including AtomicReference, where a loser of the CAS throws its own value away and returns
 *                  the winner's (commons-lang3's AtomicInitializer does the same, but without closing it)
 *      different   each actor got its own value: two pools in use for what should be one
 *
 *  The unsynchronized control, the one strategy without the guarantee, returns whatever its plain field holds
 *  after its own write, so when both actors create, each may return its own value: "different" is its
 *  expected, interesting outcome, and the gate must see it: the control violates SAME_INSTANCE
 *  (Strategy.violates), which this proof is the layer to catch (Layer). Note that "same" does not prove
 *  exactly-once (a CAS loser also returns the winner's value); Lazy_02 proves that.
 *
 *  Every newer control (no retry, close that forgets, uninterruptible wait, VarHandle DCL with plain access)
 *  keeps the promise: one creation under a lock, "same" only.
 * </pre>
 *
 * <p>The build makes one JCStress test of this class per strategy, {@code Lazy_03_SameInstance_<STRATEGY>}:
 * this state and these actors, graded by {@link #outcomes(Strategy)}.
 */
@Topic(Property.SAME_INSTANCE)
public abstract class Lazy_03_SameInstance {

    private final Lazy<PoolStandIn> holder;
    private Object got1;
    private Object got2;

    /** @param strategy builds a cold holder, fresh for every sample */
    protected Lazy_03_SameInstance(Strategy strategy) {
        this.holder = strategy.newHolder(CountingFactory.creating());
    }

    /** Takes the value, or what get() threw, for the arbiter. */
    @Actor
    public void actor1() {
        got1 = Seen.take(holder);
    }

    /** Takes the value, or what get() threw, for the arbiter. */
    @Actor
    public void actor2() {
        got2 = Seen.take(holder);
    }

    /** @param r gets same, different, or what an actor's get() threw */
    @Arbiter
    public void arbiter(L_Result r) {
        if (got1 instanceof Throwable t) {
            r.r1 = "actor1 got " + Seen.thrown(t);
        } else if (got2 instanceof Throwable t) {
            r.r1 = "actor2 got " + Seen.thrown(t);
        } else {
            r.r1 = Seen.compare(got1, got2);
        }
    }

    /*
     *  Observed: docs/jcstress-observed.md, section "same-instance" (the gate's verdict and the samples of each
     *  outcome, per strategy and JDK, with each run's commit and date), generated from the gate's verdicts files:
     *  ProofGate observed --out docs/jcstress-observed.md jcstress/target/jcstress-verdicts.json (full command there).
     */

    /**
     * @param s the strategy under test
     * @return what its registry entry makes of each outcome: SAME_INSTANCE (every correct strategy) allows
     *         "same" only; a broken control without the promise may show "different", its bug, which the gate must
     *         see where the control violates SAME_INSTANCE
     */
    public static Outcomes outcomes(Strategy s) {
        Outcomes o = Outcomes.declare()
                .acceptable("Both actors hold the one shared value.", SAME);
        if (s.broken() && !s.guarantees(Guarantee.SAME_INSTANCE)) { // every correct strategy: strict
            o.bug("Each actor got its own value: two pools in use where there should be one.", DIFFERENT);
            if (Layer.JCSTRESS.mustCatch(s, Guarantee.SAME_INSTANCE)) {
                o.mustCatch();
            }
        }
        return o.forbidEverythingElse("The actors got different values, or get() threw.");
    }
}
