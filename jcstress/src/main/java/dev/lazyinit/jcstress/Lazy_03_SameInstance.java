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
 *      same        both hold the one value: required of every strategy with the SAME_INSTANCE guarantee,
 *                  including AtomicReference, where a loser of the CAS throws its own value away and returns
 *                  the winner's (commons-lang3's AtomicInitializer does the same, but without closing it)
 *      different   each actor got its own value: two pools in use for what should be one
 *
 *  The unsynchronized control, the one strategy without the guarantee, returns whatever its plain field holds
 *  after its own write, so when both actors create, each may return its own value: "different" is its
 *  expected, interesting outcome. Note that
 *  "same" does not prove exactly-once (a CAS loser also returns the winner's value); Lazy_02 proves that.
 *
 *  Observed on this machine (x86_64, 2 CPUs), one default gate run per JDK from the CI script on a
 *  clean clone: JDK 17.0.15 Debian and JDK 25.0.3 Eclipse Adoptium. The gate's verdict per JDK, then the
 *  samples of each outcome (JDK 17 column, JDK 25 column; — where the strategy does not exist):
 *
 *    SYNCHRONIZED                JDK 17: PASS         JDK 25: PASS
 *      same             473,448      622,611
 *    DOUBLE_CHECKED              JDK 17: PASS         JDK 25: PASS
 *      same             385,128      765,971
 *    HOLDER_IDIOM                JDK 17: PASS         JDK 25: PASS
 *      same              54,178       34,774
 *    ATOMIC_REFERENCE            JDK 17: PASS         JDK 25: PASS
 *      same             391,528      745,491
 *    DCL_REENTRANT_LOCK          JDK 17: PASS         JDK 25: PASS
 *      same             549,575      448,531
 *    DCL_VAR_HANDLE              JDK 17: PASS         JDK 25: PASS
 *      same             356,968      581,651
 *    FINAL_WRAPPER               JDK 17: PASS         JDK 25: PASS
 *      same             454,808      448,531
 *    GUAVA_MEMOIZE               JDK 17: PASS         JDK 25: PASS
 *      same             445,288      448,531
 *    COMMONS_LAZY_INITIALIZER    JDK 17: PASS         JDK 25: PASS
 *      same             501,608      643,091
 *    STABLE_VALUE                JDK 17: —            JDK 25: PASS
 *      same                   —      561,171
 *    COMMONS_ATOMIC_INITIALIZER  JDK 17: PASS         JDK 25: PASS
 *      same             531,048      786,451
 *    BROKEN_UNSYNCHRONIZED       JDK 17: CAUGHT       JDK 25: CAUGHT
 *      different         96,003      249,556
 *      same             435,045      618,815
 *    BROKEN_DCL_NON_VOLATILE     JDK 17: PASS         JDK 25: PASS
 *      same             332,648      530,451
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
