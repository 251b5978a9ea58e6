package dev.lazyinit.jcstress;

import static dev.lazyinit.jcstress.Outcomes.outcome;
import static dev.lazyinit.jcstress.shared.Seen.BUILT;
import static dev.lazyinit.jcstress.shared.Seen.NULL;
import static dev.lazyinit.jcstress.shared.Seen.PARTIAL;

import dev.lazyinit.jcstress.shared.PoolStandIn;
import dev.lazyinit.jcstress.shared.Seen;
import dev.lazyinit.lazy.Lazy;
import dev.lazyinit.strategy.Guarantee;
import dev.lazyinit.strategy.Property;
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
     *  Observed on this machine (x86_64, 2 CPUs), one default gate run per JDK from the CI script on a
     *  clean clone: JDK 17.0.15 Debian and JDK 25.0.3 Eclipse Adoptium. The gate's verdict per JDK, then the
     *  samples of each outcome (JDK 17 column, JDK 25 column; — where the strategy does not exist):
     *
     *    SYNCHRONIZED                JDK 17: PASS         JDK 25: PASS
     *      built, built      1,828,902      755,731
     *    DOUBLE_CHECKED              JDK 17: PASS         JDK 25: PASS
     *      built, built      1,910,822      806,931
     *    HOLDER_IDIOM                JDK 17: PASS         JDK 25: PASS
     *      built, built         46,463       37,986
     *    ATOMIC_REFERENCE            JDK 17: PASS         JDK 25: PASS
     *      built, built      1,665,062      878,611
     *    DCL_REENTRANT_LOCK          JDK 17: PASS         JDK 25: PASS
     *      built, built      1,060,902      612,371
     *    DCL_VAR_HANDLE              JDK 17: PASS         JDK 25: PASS
     *      built, built        458,088    1,021,971
     *    FINAL_WRAPPER               JDK 17: PASS         JDK 25: PASS
     *      built, built        760,775    1,083,411
     *    GUAVA_MEMOIZE               JDK 17: PASS         JDK 25: PASS
     *      built, built      1,378,342      714,771
     *    COMMONS_LAZY_INITIALIZER    JDK 17: PASS         JDK 25: PASS
     *      built, built        939,975      899,091
     *    STABLE_VALUE                JDK 17: —            JDK 25: PASS
     *      built, built              —      725,011
     *    LAZY_CONSTANT               JDK 17: —            JDK 25: —    (JDK 26.0.2.1: PASS (undiscriminated), 3,704,851 samples)
     *    COMMONS_ATOMIC_INITIALIZER  JDK 17: PASS         JDK 25: PASS
     *      built, built        806,855      745,491
     *    BROKEN_UNSYNCHRONIZED       JDK 17: NOT_OBSERVED JDK 25: NOT_OBSERVED
     *      built, built      2,627,622      960,531
     *    BROKEN_DCL_NON_VOLATILE     JDK 17: NOT_OBSERVED JDK 25: NOT_OBSERVED
     *      built, built        937,415      817,171
     *
     *    The four newest controls, from one later gate run per JDK on the same machine (JDK 17.0.15 Debian,
     *    JDK 25.0.3 Eclipse Adoptium) with 17 strategies in the registry, while other work shared the CPUs:
     *
     *    BROKEN_NO_RETRY             JDK 17: PASS         JDK 25: PASS
     *      built, built        815,142      417,811
     *    BROKEN_CLOSE_FORGETS        JDK 17: PASS         JDK 25: PASS
     *      built, built        825,382       46,004
     *    BROKEN_UNINTERRUPTIBLE_WAIT JDK 17: PASS         JDK 25: PASS
     *      built, built        103,071       58,603
     *    BROKEN_DCL_VAR_HANDLE_PLAIN JDK 17: NOT_OBSERVED JDK 25: NOT_OBSERVED
     *      built, built        105,446      407,571
     *
     *    BROKEN_FINAL_WRAPPER_NON_FINAL, from a later run of .ci/run on this machine (one gate run per JDK):
     *      JDK 17.0.15: NOT_OBSERVED, "built, built" x15,427,622
     *      JDK 25.0.3:  CAUGHT in 7,800,851 samples: "built, null" x1,978, "null, built" x2,410
     *    the first publication bug this suite has seen on x86: no store is reordered by the hardware there, so the
     *    JIT of JDK 25 must have moved the wrapper's field store after the store that publishes the wrapper, which
     *    it may, as the field is not final. The same run's same-instance proof saw "different" x7 (a reader got
     *    null), so the control does not claim same-instance.
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
