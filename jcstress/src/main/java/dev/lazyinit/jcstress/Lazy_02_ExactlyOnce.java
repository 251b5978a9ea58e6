package dev.lazyinit.jcstress;

import dev.lazyinit.jcstress.shared.CountingFactory;
import dev.lazyinit.jcstress.shared.PoolStandIn;
import dev.lazyinit.jcstress.shared.Seen;
import dev.lazyinit.lazy.Lazy;
import dev.lazyinit.strategy.Strategy;

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
 *  one install. The unsynchronized control has neither, and must show "left open": the gate fails if it
 *  does not, since then this harness could not catch the bug it exists for.
 *
 *  Observed on this machine (x86_64, 2 CPUs shared with other builds), one default gate run per JDK
 *  (JDK 17.0.15 and JDK 25.0.3). The gate's verdict per JDK, then the samples of each outcome
 *  (JDK 17 column, JDK 25 column):
 *
 *    SYNCHRONIZED             JDK 17: PASS         JDK 25: PASS
 *      1 created                     1,214,502    1,503,251
 *    DOUBLE_CHECKED           JDK 17: PASS         JDK 25: PASS
 *      1 created                     2,689,062    1,667,091
 *    HOLDER_IDIOM             JDK 17: PASS         JDK 25: PASS
 *      1 created                       131,016       45,685
 *    ATOMIC_REFERENCE         JDK 17: PASS         JDK 25: PASS
 *      1 created                       790,491    1,651,725
 *      2 created, extra closed          45,131      465,926
 *    BROKEN_UNSYNCHRONIZED    JDK 17: CAUGHT       JDK 25: CAUGHT
 *      1 created                       857,280      483,520
 *      2 created, extra left open      131,942       77,651
 *    BROKEN_DCL_NON_VOLATILE  JDK 17: PASS         JDK 25: PASS
 *      1 created                     2,433,062    2,127,891
 * </pre>
 */
public final class Lazy_02_ExactlyOnce {

    private Lazy_02_ExactlyOnce() {
    }

    /** The shared state: a cold holder over a counting factory, plus what each actor got. */
    public abstract static class Race {
        private final CountingFactory factory = CountingFactory.creating();
        private final Lazy<PoolStandIn> holder;
        private Object got1;
        private Object got2;

        protected Race(Strategy strategy) {
            this.holder = strategy.newHolder(factory);
        }

        protected final void get1() {
            got1 = Seen.take(holder);
        }

        protected final void get2() {
            got2 = Seen.take(holder);
        }

        /** @return how many values were created and what became of the ones the holder does not keep */
        protected final String creations() {
            if (got1 instanceof Throwable t) {
                return "actor1 got " + Seen.thrown(t);
            }
            if (got2 instanceof Throwable t) {
                return "actor2 got " + Seen.thrown(t);
            }
            int calls = factory.calls();
            if (calls == 1) {
                return "1 created";
            }
            Object kept = Seen.take(holder); // after the race: the holder's value, no new creation
            long extrasOpen = factory.created().stream().filter(v -> v != kept && !v.isClosed()).count();
            return calls + " created, " + (extrasOpen == 0 ? "extra closed" : "extra left open");
        }
    }
}
