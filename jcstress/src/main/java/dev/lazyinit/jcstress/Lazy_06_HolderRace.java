package dev.lazyinit.jcstress;

import static dev.lazyinit.jcstress.Outcomes.outcome;
import static dev.lazyinit.jcstress.shared.Seen.BUILT;
import static dev.lazyinit.jcstress.shared.Seen.SAME;
import static dev.lazyinit.jcstress.shared.Seen.created;

import dev.lazyinit.harness.contract.Property;
import dev.lazyinit.jcstress.shared.CountingFactory;
import dev.lazyinit.jcstress.shared.PoolStandIn;
import dev.lazyinit.jcstress.shared.Seen;
import dev.lazyinit.lazy.Lazy;
import dev.lazyinit.strategy.Strategy;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.infra.results.LLL_Result;

/**
 * The holder idiom's real race: two threads through the first initialization of the holder class.
 *
 * <pre>
 *  How to run:
 *      $ java -jar jcstress/target/jcstress.jar -t Lazy_06_HolderRace
 *
 *  ----------------------------------------------------------------------------------------------------------
 *
 *  A class is initialized once per class loader. Racing threads through an already initialized holder
 *  class proves nothing: they only read a static final. So every sample's state builds a new HolderIdiomLazy,
 *  which defines a fresh copy of the HolderIdiom class (and its nested Holder) through its own class loader
 *  (FreshClassLoader). The state records that the copy is cold when the sample starts: not initialized,
 *  factory not called. Then:
 *
 *  Both actors call get(), which touches Holder for the first time in this copy. The JVM's class-init
 *  protocol (JLS 12.4.2) lets one thread run the static initializer, which calls the factory, while the other
 *  waits on the class-init lock; when the initializer completes, the waiter is released and reads the
 *  static final. Everything the initializer wrote happens-before any use of the initialized class, so both
 *  see a fully built value, the factory ran once, and both hold the same instance.
 *
 *      built, built, cold, 1 created, same     the only acceptable outcome
 *  Anything else (a warm class at the start, two creations, a partial value, different instances) is
 *  forbidden.
 *
 *  This applies to strategies whose laziness lives in a class (no PER_INSTANCE guarantee). Creating a class
 *  loader and defining two classes per sample is far slower than building a holder object, so this test runs
 *  many fewer samples than the others in the same time; the gate prints the count.
 * </pre>
 *
 * <p>The build makes one JCStress test of this class per strategy it applies to,
 * {@code Lazy_06_HolderRace_<STRATEGY>}: this state and these actors, graded by {@link #outcomes(Strategy)}.
 */
@Topic(Property.HOLDER_RACE)
public abstract class Lazy_06_HolderRace {

    /** The holder's class copy was not initialized, and its factory not called, when the sample started. */
    static final String COLD = "cold";
    /** The holder's class copy was already initialized when the sample started: the race proves nothing. */
    static final String WARM = "warm";

    private final CountingFactory factory = CountingFactory.creating();
    private final Lazy<PoolStandIn> holder;
    private final boolean coldAtStart;
    private Object got1;
    private Object got2;

    /** @param strategy builds a holder over a fresh, cold copy of its class, for every sample */
    protected Lazy_06_HolderRace(Strategy strategy) {
        this.holder = strategy.newHolder(factory);
        this.coldAtStart = !holder.isInitialized() && factory.calls() == 0;
    }

    /** @param r gets built, partial, null or what get() threw; the value is kept for the arbiter */
    @Actor
    public void actor1(LLL_Result r) {
        got1 = Seen.take(holder);
        r.r1 = Seen.describe(got1);
    }

    /** @param r gets built, partial, null or what get() threw; the value is kept for the arbiter */
    @Actor
    public void actor2(LLL_Result r) {
        got2 = Seen.take(holder);
        r.r2 = Seen.describe(got2);
    }

    /** @param r gets whether the class was cold, how many values were created, and whether both got the same */
    @Arbiter
    public void arbiter(LLL_Result r) {
        r.r3 = outcome(coldAtStart ? COLD : WARM, created(factory.calls()), Seen.compare(got1, got2));
    }

    /*
     *  Observed: docs/jcstress-observed.md, section "holder-race" (the gate's verdict and the samples of each
     *  outcome, per strategy and JDK, with each run's commit and date), generated from the gate's verdicts files:
     *  ProofGate observed --out docs/jcstress-observed.md jcstress/target/jcstress-verdicts.json (full command there).
     */

    /**
     * @param s the strategy under test (one without PER_INSTANCE: {@link Property#appliesTo})
     * @return the one acceptable outcome: cold, one creation, both built, the same value
     */
    public static Outcomes outcomes(Strategy s) {
        return Outcomes.declare()
                .acceptable("Both actors raced through the first initialization of a fresh holder class: one ran"
                                + " the initializer, the factory ran once, both got the same fully built value.",
                        outcome(BUILT, BUILT, COLD, created(1), SAME))
                .forbidEverythingElse("A warm class at the start, more than one creation, a partly built value or"
                        + " different instances.");
    }
}
