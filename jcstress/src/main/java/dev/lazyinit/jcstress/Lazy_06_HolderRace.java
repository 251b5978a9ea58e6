package dev.lazyinit.jcstress;

import dev.lazyinit.jcstress.shared.CountingFactory;
import dev.lazyinit.jcstress.shared.PoolStandIn;
import dev.lazyinit.jcstress.shared.Seen;
import dev.lazyinit.lazy.Lazy;
import dev.lazyinit.strategy.Strategy;

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
 *
 *  Observed on this machine (x86_64, 2 CPUs), one default gate run per JDK from the CI script on a
 *  clean clone: JDK 17.0.15 Debian and JDK 25.0.3 Eclipse Adoptium. The gate's verdict per JDK, then the
 *  samples of each outcome (JDK 17 column, JDK 25 column; — where the strategy does not exist):
 *
 *    HOLDER_IDIOM                JDK 17: PASS         JDK 25: PASS
 *      built, built, cold, 1 created, same         48,572       31,441
 * </pre>
 */
public final class Lazy_06_HolderRace {

    private Lazy_06_HolderRace() {
    }

    /** The shared state: a holder over a fresh, cold copy of its class. */
    public abstract static class Race {
        private final CountingFactory factory = CountingFactory.creating();
        private final Lazy<PoolStandIn> holder;
        private final boolean coldAtStart;
        private Object got1;
        private Object got2;

        protected Race(Strategy strategy) {
            this.holder = strategy.newHolder(factory);
            this.coldAtStart = !holder.isInitialized() && factory.calls() == 0;
        }

        /** @return built, partial, null or what get() threw; keeps the value for the arbiter */
        protected final String see1() {
            got1 = Seen.take(holder);
            return describe(got1);
        }

        /** @return built, partial, null or what get() threw; keeps the value for the arbiter */
        protected final String see2() {
            got2 = Seen.take(holder);
            return describe(got2);
        }

        /** @return whether the class was cold, how many values were created, and whether both got the same */
        protected final String firstInitialization() {
            return (coldAtStart ? "cold" : "warm") + ", " + factory.calls() + " created, "
                    + (got1 == got2 ? "same" : "different");
        }

        private static String describe(Object got) {
            if (got instanceof Throwable t) {
                return Seen.thrown(t);
            }
            return got == null ? "null" : ((PoolStandIn) got).fullyBuilt() ? "built" : "partial";
        }
    }
}
