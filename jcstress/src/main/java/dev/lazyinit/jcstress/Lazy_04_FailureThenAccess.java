package dev.lazyinit.jcstress;

import dev.lazyinit.jcstress.shared.CountingFactory;
import dev.lazyinit.jcstress.shared.PoolStandIn;
import dev.lazyinit.jcstress.shared.Seen;
import dev.lazyinit.lazy.Lazy;
import dev.lazyinit.strategy.Strategy;

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
 *  Retrying strategies (RETRIES_AFTER_FAILURE: synchronized, both DCLs, AtomicReference, the unsynchronized
 *  control): a failed creation installs nothing, so the next get() calls the factory again.
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
 *  Anything else (a retrying strategy that fails forever, the holder idiom that retries, a third error) is
 *  forbidden.
 *
 *  Observed on this machine (x86_64, 2 CPUs shared with other builds), one default gate run per JDK
 *  (JDK 17.0.15 and JDK 25.0.3). The gate's verdict per JDK, then the samples of each outcome
 *  (JDK 17 column, JDK 25 column):
 *
 *    SYNCHRONIZED             JDK 17: PASS         JDK 25: PASS
 *      failure, value, value                                                      1,014,801      764,305
 *      value, failure, value                                                        609,301      421,506
 *    DOUBLE_CHECKED           JDK 17: PASS         JDK 25: PASS
 *      failure, value, value                                                      1,081,554      885,215
 *      value, failure, value                                                        450,388      454,196
 *    HOLDER_IDIOM             JDK 17: PASS         JDK 25: PASS
 *      ExceptionInInitializerError, NoClassDefFoundError, NoClassDefFoundError       55,694       22,165
 *      NoClassDefFoundError, ExceptionInInitializerError, NoClassDefFoundError       52,304       23,520
 *    ATOMIC_REFERENCE         JDK 17: PASS         JDK 25: PASS
 *      failure, value, value                                                      2,188,782      552,462
 *      value, failure, value                                                        582,200      909,829
 *    BROKEN_UNSYNCHRONIZED    JDK 17: PASS         JDK 25: PASS
 *      failure, value, value                                                      1,416,049    1,151,882
 *      value, failure, value                                                      1,262,773      494,729
 *    BROKEN_DCL_NON_VOLATILE  JDK 17: PASS         JDK 25: PASS
 *      failure, value, value                                                      1,354,754      913,117
 *      value, failure, value                                                        668,708      590,134
 * </pre>
 */
public final class Lazy_04_FailureThenAccess {

    private Lazy_04_FailureThenAccess() {
    }

    /** The shared state: a cold holder whose factory fails on its first call. */
    public abstract static class Race {
        private final Lazy<PoolStandIn> holder;

        protected Race(Strategy strategy) {
            this.holder = strategy.newHolder(CountingFactory.failingFirst());
        }

        /** @return value, failure, or the name of what get() threw */
        protected final String attempt() {
            return Seen.attempt(holder);
        }
    }
}
