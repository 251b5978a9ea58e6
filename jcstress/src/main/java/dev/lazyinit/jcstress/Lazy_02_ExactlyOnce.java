package dev.lazyinit.jcstress;

import static dev.lazyinit.jcstress.Outcomes.outcome;
import static dev.lazyinit.jcstress.shared.Seen.created;

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
 * Exactly-once creation: one pool per holder, however the callers race.
 *
 * <pre>
 *  How to run:
 *      $ java -jar jcstress/target/jcstress.jar -t Lazy_02_ExactlyOnce
 *
 *  ----------------------------------------------------------------------------------------------------------
 *
 *  Two actors call get() on the same cold holder. The factory counts its calls and remembers what it built.
 *  After both actors are done, the arbiter counts the calls and, if there was more than one, looks at every
 *  value the holder does not keep (the holder's current value is what get() returns now):
 *
 *      1 created                    the check and the creation were one step: exactly once
 *      2 created, extra closed      both actors saw "no value yet" and both built one; the loser closed its
 *                                   own before returning. Allowed only for CLOSES_DUPLICATES strategies
 *                                   (AtomicReference CAS): interesting, because it means two pools were
 *                                   opened for a moment; nothing leaks
 *      2 created, extra left open   the same race, but the extra pool stays open and nobody holds it: the
 *                                   incident's leak
 *
 *  The interleaving that produces duplicates: actor1 reads "no value", actor2 reads "no value", both call
 *  the factory. A lock around check-and-create (synchronized, DCL's slow path) or the class-init lock
 *  (holder idiom) makes the second reader wait and then find the value; a CAS lets both build but lets only
 *  one install. The unsynchronized control has neither; commons-lang3's AtomicInitializer has the CAS but
 *  drops the loser's value unclosed. Both must show "left open": they violate EXACTLY_ONCE and
 *  CLOSES_DUPLICATES (Strategy.violates), which this proof is the layer to catch (Layer), so the gate fails if
 *  they do not, since then this harness could not catch the bug it exists for.
 *
 *  AtomicReference must show "extra closed" (must see): its CLOSES_DUPLICATES claim is about what happens when
 *  two pools were built, and a run in which that never happened would pass without having tested the claim.
 *  It shows in a few percent of samples.
 *
 *  The newer controls (no retry, close that forgets, uninterruptible wait, VarHandle DCL with plain access) all
 *  create under a lock, like the DCL they are variations of: exactly once, "1 created" only. Their bugs are
 *  elsewhere (Lazy_04, Lazy_05, the store tests, Lazy_01).
 * </pre>
 *
 * <p>The build makes one JCStress test of this class per strategy, {@code Lazy_02_ExactlyOnce_<STRATEGY>}: this
 * state and these actors, graded by {@link #outcomes(Strategy)}.
 */
@Topic(Property.EXACTLY_ONCE)
public abstract class Lazy_02_ExactlyOnce {

    /** Two values were created and the one the holder does not keep was closed. */
    static final String EXTRA_CLOSED = "extra closed";
    /** Two values were created and the one the holder does not keep is still open: a leaked pool. */
    static final String EXTRA_LEFT_OPEN = "extra left open";

    private final CountingFactory factory = CountingFactory.creating();
    private final Lazy<PoolStandIn> holder;
    private Object got1;
    private Object got2;

    /** @param strategy builds a cold holder over a counting factory, fresh for every sample */
    protected Lazy_02_ExactlyOnce(Strategy strategy) {
        this.holder = strategy.newHolder(factory);
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

    /** @param r gets how many values were created and what became of the ones the holder does not keep */
    @Arbiter
    public void arbiter(L_Result r) {
        r.r1 = creations();
    }

    private String creations() {
        if (got1 instanceof Throwable t) {
            return "actor1 got " + Seen.thrown(t);
        }
        if (got2 instanceof Throwable t) {
            return "actor2 got " + Seen.thrown(t);
        }
        int calls = factory.calls();
        if (calls == 1) {
            return created(1);
        }
        Object kept = Seen.take(holder); // after the race: the holder's value, no new creation
        long extrasOpen = factory.created().stream().filter(v -> v != kept && !v.isClosed()).count();
        return outcome(created(calls), extrasOpen == 0 ? EXTRA_CLOSED : EXTRA_LEFT_OPEN);
    }

    /*
     *  Observed: docs/jcstress-observed.md, section "exactly-once" (the gate's verdict and the samples of each
     *  outcome, per strategy and JDK, with each run's commit and date), generated from the gate's verdicts files:
     *  ProofGate observed --out docs/jcstress-observed.md jcstress/target/jcstress-verdicts.json (full command there).
     */

    /**
     * @param s the strategy under test
     * @return what its registry entry makes of each outcome: EXACTLY_ONCE allows one creation only;
     *         CLOSES_DUPLICATES (or a correct strategy that promises neither) tolerates a second creation whose
     *         value was closed, and for CLOSES_DUPLICATES the gate must see that path taken; a broken control without
     *         either shows the leak, and the gate must see it where the control violates one of them
     */
    public static Outcomes outcomes(Strategy s) {
        Outcomes o = Outcomes.declare()
                .acceptable("The factory ran once; both actors got its value.", created(1));
        if (s.guarantees(Guarantee.EXACTLY_ONCE)) {
            // nothing else is acceptable
        } else if (s.broken() && !s.guarantees(Guarantee.CLOSES_DUPLICATES)) {
            o.bug("Duplicate creation, the incident's bug: both actors built a pool and the one the holder"
                            + " does not keep is still open, with nobody to close it.",
                    outcome(created(2), EXTRA_LEFT_OPEN));
            if (Layer.JCSTRESS.mustCatch(s, Guarantee.EXACTLY_ONCE)
                    || Layer.JCSTRESS.mustCatch(s, Guarantee.CLOSES_DUPLICATES)) {
                o.mustCatch(); // a harness that cannot show this has lost its teeth
            }
        } else {
            // CLOSES_DUPLICATES, or a correct strategy that promises neither: a duplicate is tolerated only if
            // the extra was closed. A leaked pool is never acceptable from a correct strategy.
            o.interesting("Both actors saw no value and both built one; the one whose value was not kept closed"
                    + " it: two pools were opened for a moment, none was leaked.", outcome(created(2), EXTRA_CLOSED));
            if (s.guarantees(Guarantee.CLOSES_DUPLICATES)) {
                o.mustSee(); // the claim is about this path: a PASS that never took it says nothing about it
            }
            if (s.provided() && !s.guarantees(Guarantee.CLOSES_DUPLICATES)) {
                // a provider's strategy is held to what it claims; what it does not claim is shown, not judged
                o.interesting("Duplicate creation, the extra left open: its provider claims neither exactly-once nor"
                        + " closing duplicates, and this is what that costs with a pool: a leaked one, nobody to close"
                        + " it.", outcome(created(2), EXTRA_LEFT_OPEN));
            }
        }
        return o.forbidEverythingElse("More creations than the strategy allows, an extra value left open, or get()"
                + " threw.");
    }
}
