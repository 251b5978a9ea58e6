package dev.lazyinit.jcstress;

import dev.lazyinit.jcstress.shared.CountingFactory;
import dev.lazyinit.jcstress.shared.PoolStandIn;
import dev.lazyinit.jcstress.shared.Seen;
import dev.lazyinit.lazy.Lazy;
import dev.lazyinit.strategy.Strategy;

/**
 * close() racing get(): no pool may be left open where nobody can reach or close it.
 *
 * <pre>
 *  How to run:
 *      $ java -jar jcstress/target/jcstress.jar -t Lazy_05_CloseVsGet
 *
 *  ----------------------------------------------------------------------------------------------------------
 *
 *  Actor1 closes a cold holder (the application shuts down) while actor2 calls get() (a late request).
 *  Afterwards the arbiter looks at every value the factory created:
 *
 *      nothing created          close() won: get() refused with IllegalStateException and built nothing
 *      closed                   every created value is closed
 *      open until closed again  a value was created after close() and is still open, but get() still
 *                               returns it and a second close() does close it: reachable, not leaked
 *      leaked                   a value is open, and closing the holder again does not close it: a pool
 *                               nobody can reach or close
 *
 *  The outcome is "what close() did, what get() did, the arbiter's finding". The interleavings:
 *    - get() first, then close(): get() returns the value, close() closes it:   closed, value, closed
 *    - close() first: a CLOSEABLE holder remembers it is closed and get() throws:
 *                                                        closed, IllegalStateException, nothing created
 *    - AtomicReference: get() may have called the factory before close() swapped in its CLOSED marker; its
 *      CAS then fails and the creator closes its own value:  closed, IllegalStateException, closed
 *    - the holder idiom cannot refuse: close() before the first get() finds nothing to close, and get() then
 *      initializes the class and returns an open value. That value stays reachable through get() and a
 *      second close() closes it, which is why HOLDER_IDIOM does not promise CLOSEABLE. Interesting.
 *    - the unsynchronized control: get() reads "not closed", close() runs and finds no value, then get()
 *      stores its new value. close() will not run again (it saw itself closed): leaked. Interesting, it is
 *      the bug the control carries.
 *  Every strategy must avoid "leaked"; a CLOSEABLE one must not even leave "open until closed again".
 *
 *  Observed on this machine (x86_64, 2 CPUs), one default gate run per JDK from the CI script on a
 *  clean clone: JDK 17.0.15 Debian and JDK 25.0.3 Eclipse Adoptium. The gate's verdict per JDK, then the
 *  samples of each outcome (JDK 17 column, JDK 25 column; — where the strategy does not exist):
 *
 *    SYNCHRONIZED                JDK 17: PASS         JDK 25: PASS
 *      closed, IllegalStateException, nothing created        318,585       94,586
 *      closed, value, closed                                  36,556       13,930
 *    DOUBLE_CHECKED              JDK 17: PASS         JDK 25: PASS
 *      closed, IllegalStateException, nothing created        869,135      442,025
 *      closed, value, closed                                  58,647       67,946
 *    HOLDER_IDIOM                JDK 17: PASS         JDK 25: PASS
 *      closed, value, closed                                     871          544
 *      closed, value, open until closed again                 60,344       34,230
 *    ATOMIC_REFERENCE            JDK 17: PASS         JDK 25: PASS
 *      closed, IllegalStateException, closed                     384          268
 *      closed, IllegalStateException, nothing created        644,832      429,557
 *      closed, value, closed                                  25,966        8,466
 *    DCL_REENTRANT_LOCK          JDK 17: PASS         JDK 25: PASS
 *      closed, IllegalStateException, nothing created        486,326      434,172
 *      closed, value, closed                                  32,529       14,359
 *    DCL_VAR_HANDLE              JDK 17: PASS         JDK 25: PASS
 *      closed, IllegalStateException, nothing created        457,717      469,295
 *      closed, value, closed                                  40,658       61,156
 *    FINAL_WRAPPER               JDK 17: PASS         JDK 25: PASS
 *      closed, IllegalStateException, nothing created        249,726      415,475
 *      closed, value, closed                                  42,859       43,296
 *    GUAVA_MEMOIZE               JDK 17: PASS         JDK 25: PASS
 *      closed, value, closed                                  12,833        7,233
 *      closed, value, open until closed again                275,656      269,042
 *    COMMONS_LAZY_INITIALIZER    JDK 17: PASS         JDK 25: PASS
 *      closed, value, closed                                  54,910       11,392
 *      closed, value, open until closed again                995,752      662,419
 *    STABLE_VALUE                JDK 17: —            JDK 25: PASS
 *      closed, value, closed                                       —       25,590
 *      closed, value, open until closed again                      —      535,581
 *    COMMONS_ATOMIC_INITIALIZER  JDK 17: CAUGHT       JDK 25: CAUGHT
 *      closed, value, closed                                  20,016       32,709
 *      closed, value, open until closed again                781,209      487,502
 *    BROKEN_UNSYNCHRONIZED       JDK 17: CAUGHT       JDK 25: CAUGHT
 *      closed, IllegalStateException, nothing created        508,246      430,380
 *      closed, value, closed                                  20,211        7,471
 *      closed, value, leaked                                     354          440
 *    BROKEN_DCL_NON_VOLATILE     JDK 17: PASS         JDK 25: PASS
 *      closed, IllegalStateException, nothing created        178,040      447,887
 *      closed, value, closed                                  25,199       31,364
 * </pre>
 */
public final class Lazy_05_CloseVsGet {

    private Lazy_05_CloseVsGet() {
    }

    /** The shared state: a cold holder over a counting factory. */
    public abstract static class Race {
        private final CountingFactory factory = CountingFactory.creating();
        private final Lazy<PoolStandIn> holder;

        protected Race(Strategy strategy) {
            this.holder = strategy.newHolder(factory);
        }

        /** @return closed, or what close() threw */
        protected final String close() {
            return Seen.close(holder);
        }

        /** @return value, or what get() threw */
        protected final String attempt() {
            return Seen.attempt(holder);
        }

        /** @return what became of every value the factory created; may close the holder a second time */
        protected final String fate() {
            if (factory.calls() == 0) {
                return "nothing created";
            }
            if (factory.openCount() == 0) {
                return "closed";
            }
            Seen.close(holder); // can anyone still close it? a second close() is what an owner could do
            return factory.openCount() == 0 ? "open until closed again" : "leaked";
        }
    }
}
