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
 *  Observed on this machine (x86_64, 2 CPUs shared with other builds), one default gate run per JDK
 *  (JDK 17.0.15 and JDK 25.0.3). The gate's verdict per JDK, then the samples of each outcome
 *  (JDK 17 column, JDK 25 column):
 *
 *    SYNCHRONIZED             JDK 17: PASS         JDK 25: PASS
 *      closed, IllegalStateException, nothing created    1,038,605      599,992
 *      closed, value, closed                                93,977       73,819
 *    DOUBLE_CHECKED           JDK 17: PASS         JDK 25: PASS
 *      closed, IllegalStateException, nothing created    1,151,862      568,385
 *      closed, value, closed                               103,600      136,146
 *    HOLDER_IDIOM             JDK 17: PASS         JDK 25: PASS
 *      closed, value, closed                                   944          293
 *      closed, value, open until closed again              130,072       45,392
 *    ATOMIC_REFERENCE         JDK 17: PASS         JDK 25: PASS
 *      closed, IllegalStateException, closed                 1,425          958
 *      closed, IllegalStateException, nothing created    1,069,034      649,001
 *      closed, value, closed                               113,323       13,612
 *    BROKEN_UNSYNCHRONIZED    JDK 17: CAUGHT       JDK 25: CAUGHT
 *      closed, IllegalStateException, nothing created    1,236,272      650,195
 *      closed, value, closed                                46,184       51,641
 *      closed, value, leaked                                 3,726        2,695
 *    BROKEN_DCL_NON_VOLATILE  JDK 17: PASS         JDK 25: PASS
 *      closed, IllegalStateException, nothing created    1,153,319      563,659
 *      closed, value, closed                               225,023       99,912
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
