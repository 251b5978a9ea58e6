package dev.lazyinit.jcstress;

import static dev.lazyinit.jcstress.Outcomes.outcome;
import static dev.lazyinit.jcstress.shared.Seen.BUILT;
import static dev.lazyinit.jcstress.shared.Seen.NULL;
import static dev.lazyinit.jcstress.shared.Seen.PARTIAL;

import dev.lazyinit.harness.contract.Property;
import dev.lazyinit.jcstress.shared.PoolStandIn;
import dev.lazyinit.jcstress.shared.Seen;
import dev.lazyinit.lazy.Lazy;
import dev.lazyinit.strategy.Guarantee;
import dev.lazyinit.strategy.Strategy;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.infra.results.LL_Result;

/**
 * Safe publication: nobody sees {@code null} or a partly built value.
 *
 * <pre>
 *  How to run:
 *      $ java -jar jcstress/target/jcstress.jar -t Lazy_01_Publication
 *
 *  ----------------------------------------------------------------------------------------------------------
 *
 *  Two actors call get() on the same cold holder at the same time. The value (PoolStandIn) writes its two
 *  fields in its constructor, and the fields are not final, so nothing but the holder's own synchronization
 *  orders those writes before the write that makes the value reachable.
 *
 *  The interleaving to think through is one actor on the slow path (calls the factory, runs the
 *  constructor, stores the reference) while the other is on the fast path (reads the reference, then the
 *  fields). If the reader's read of the reference is not ordered after the constructor's writes, through a
 *  lock both use, a volatile write/read pair, a CAS, or class initialization, then the JMM allows it to see
 *  the reference but a field still at 0: the outcome "partial". Both actors on the slow path is the easy
 *  case: the lock (or the CAS, or the class-init lock) orders everything.
 *
 *  The factory here is a bare constructor reference, no counter: an atomic counter between the
 *  constructor and the publishing write is a fence that would hide the very reordering we look for.
 *
 *  Outcomes, one word per actor:
 *      built    both constructor writes visible: the only acceptable answer for a correct strategy
 *      partial  a reference to a value whose field still reads 0: broken publication
 *      null     get() returned null: broken
 *
 *  For the broken controls "partial" and "null" are declared interesting, not forbidden, so the run stays
 *  green and the gate reports CAUGHT or NOT_OBSERVED.
 *
 *  No broken control must show its bug here, not even those that violate SAFE_PUBLICATION (the non-volatile
 *  DCL, the VarHandle DCL with plain access, the final-field wrapper whose field is not final): whether it shows
 *  depends on the hardware, so the layer that must catch a publication bug is the static one (Layer), and this
 *  proof's verdicts are reported beside it in the gate's teeth table, never required. SpotBugs catches the
 *  non-volatile DCL; the other two are caught by the static layer's bytecode check (a plain VarHandle.get on the
 *  lock-free path, a wrapper field that is not final), which SpotBugs does not see.
 *
 *  What x86 cannot show: x86 is TSO (stores are not reordered with other stores, loads not with other
 *  loads), so once the JIT has kept the constructor's stores before the publishing store, which it does
 *  here, no reader can see them out of order. The non-volatile DCL, the VarHandle DCL with plain access, the
 *  non-final wrapper and the unsynchronized holder therefore show no "partial" on this machine: their publication verdicts are
 *  NOT_OBSERVED, which the gate allows here. The JMM still allows the outcome, and on AArch64 or POWER the
 *  same test shows it (compare the jcstress sample Singleton_07_BrokenNonVolatileDCL).
 * </pre>
 *
 * <p>The build makes one JCStress test of this class per strategy, {@code Lazy_01_Publication_<STRATEGY>}: this
 * state and these actors, graded by {@link #outcomes(Strategy)}.
 */
@Topic(Property.PUBLICATION)
public abstract class Lazy_01_Publication {

    /** A cold holder of the strategy under test, created fresh for every sample. */
    private final Lazy<PoolStandIn> holder;

    protected Lazy_01_Publication(Strategy strategy) {
        this.holder = strategy.newHolder(PoolStandIn::new);
    }

    /** @param r gets what this actor saw: built, partial, null, or what get() threw */
    @Actor
    public void actor1(LL_Result r) {
        r.r1 = Seen.publication(holder);
    }

    /** @param r gets what this actor saw: built, partial, null, or what get() threw */
    @Actor
    public void actor2(LL_Result r) {
        r.r2 = Seen.publication(holder);
    }

    /*
     *  Observed: docs/jcstress-observed.md, section "publication" (the gate's verdict and the samples of each
     *  outcome, per strategy and JDK, with each run's commit and date), generated from the gate's verdicts files:
     *  ProofGate observed --out docs/jcstress-observed.md jcstress/target/jcstress-verdicts.json (full command there).
     *
     *  The non-final wrapper control's publication bug has shown on this x86 machine (CAUGHT on JDK 25 and 26): no
     *  store is reordered by the hardware there, so the JIT must have moved the wrapper's field store after the
     *  store that publishes the wrapper, which it may, as the field is not final. Its same-instance proof then also
     *  shows "different" (a reader got null), so the control does not claim same-instance.
     */

    /**
     * @param s the strategy under test
     * @return what its registry entry makes of each outcome: every strategy that promises safe publication must
     *         show "built" only; a broken control without the promise may show its bug
     */
    public static Outcomes outcomes(Strategy s) {
        Outcomes o = Outcomes.declare()
                .acceptable("Both actors saw a fully built value.", outcome(BUILT, BUILT));
        if (s.broken() && !s.guarantees(Guarantee.SAFE_PUBLICATION)) { // every correct strategy: strict
            // never mustCatch: Layer.required(SAFE_PUBLICATION) is the static layer, JCStress only where the
            // hardware reorders stores
            o.bug("Broken publication, the bug this control carries: an actor got a value whose constructor"
                            + " writes it could not see, or no value at all.",
                    outcome(PARTIAL, BUILT), outcome(BUILT, PARTIAL), outcome(PARTIAL, PARTIAL),
                    outcome(NULL, BUILT), outcome(BUILT, NULL), outcome(NULL, NULL), outcome(NULL, PARTIAL),
                    outcome(PARTIAL, NULL));
        }
        return o.forbidEverythingElse("An actor saw null or a partly built value (or get() threw), although the"
                + " strategy promises safe publication.");
    }
}
