package dev.lazyinit.jcstress;

import dev.lazyinit.jcstress.shared.CountingFactory;
import dev.lazyinit.jcstress.shared.PoolStandIn;
import dev.lazyinit.jcstress.shared.Seen;
import dev.lazyinit.lazy.Lazy;
import dev.lazyinit.strategy.Strategy;

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
 *      same        both hold the one value: required of every correct strategy, including AtomicReference,
 *                  where a loser of the CAS throws its own value away and returns the winner's
 *      different   each actor got its own value: two pools in use for what should be one
 *
 *  The unsynchronized control returns whatever its plain field holds after its own write, so when both
 *  actors create, each may return its own value: "different" is its expected, interesting outcome. Note that
 *  "same" does not prove exactly-once (a CAS loser also returns the winner's value); Lazy_02 proves that.
 *
 *  Observed on this machine (x86_64, 2 CPUs shared with other builds), one default gate run per JDK
 *  (JDK 17.0.15 and JDK 25.0.3). The gate's verdict per JDK, then the samples of each outcome
 *  (JDK 17 column, JDK 25 column):
 *
 *    SYNCHRONIZED             JDK 17: PASS         JDK 25: PASS
 *      same                    1,009,702    2,097,171
 *    DOUBLE_CHECKED           JDK 17: PASS         JDK 25: PASS
 *      same                    1,572,902    1,493,011
 *    HOLDER_IDIOM             JDK 17: PASS         JDK 25: PASS
 *      same                      131,016       46,965
 *    ATOMIC_REFERENCE         JDK 17: PASS         JDK 25: PASS
 *      same                    2,463,782    2,117,651
 *    BROKEN_UNSYNCHRONIZED    JDK 17: CAUGHT       JDK 25: CAUGHT
 *      different                 261,303      718,601
 *      same                    1,301,359    1,573,130
 *    BROKEN_DCL_NON_VOLATILE  JDK 17: PASS         JDK 25: PASS
 *      same                    1,951,782    2,629,651
 * </pre>
 */
public final class Lazy_03_SameInstance {

    private Lazy_03_SameInstance() {
    }

    /** The shared state: a cold holder, plus what each actor got. */
    public abstract static class Race {
        private final Lazy<PoolStandIn> holder;
        private Object got1;
        private Object got2;

        protected Race(Strategy strategy) {
            this.holder = strategy.newHolder(CountingFactory.creating());
        }

        protected final void get1() {
            got1 = Seen.take(holder);
        }

        protected final void get2() {
            got2 = Seen.take(holder);
        }

        /** @return same, different, or what an actor's get() threw */
        protected final String compare() {
            if (got1 instanceof Throwable t) {
                return "actor1 got " + Seen.thrown(t);
            }
            if (got2 instanceof Throwable t) {
                return "actor2 got " + Seen.thrown(t);
            }
            return got1 == got2 ? "same" : "different";
        }
    }
}
