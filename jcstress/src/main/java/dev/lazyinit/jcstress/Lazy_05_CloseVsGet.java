package dev.lazyinit.jcstress;

import static dev.lazyinit.jcstress.Outcomes.outcome;
import static dev.lazyinit.jcstress.shared.Seen.CLOSED;
import static dev.lazyinit.jcstress.shared.Seen.VALUE;
import static dev.lazyinit.jcstress.shared.Seen.threw;

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
import org.openjdk.jcstress.infra.results.LLL_Result;

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
 *      a bug the control carries (one the gate does not require: the control exists for exactly-once and
 *      same-instance, and the window is small, hundreds of samples per run).
 *    - the control whose close() forgets (BROKEN_CLOSE_FORGETS): close() closes the value and sets it back to
 *      "none", but keeps no closed state. If close() comes first it finds nothing; get() then creates a new
 *      value and keeps it, open after shutdown; the arbiter's second close() closes it:
 *                                                        closed, value, open until closed again
 *      and if get() comes first: closed, value, closed. It never leaks (the value stays reachable), but the
 *      holder did not stay closed: it violates CLOSEABLE (Strategy.violates), which this proof is the layer
 *      to catch (Layer), so the gate fails unless "open until closed again" shows.
 *  Every strategy must avoid "leaked"; a CLOSEABLE one must not even leave "open until closed again".
 *  The other newer controls (no retry, uninterruptible wait, VarHandle DCL with plain access) keep a closed
 *  state under their lock and behave as the DCL does here.
 * </pre>
 *
 * <p>The build makes one JCStress test of this class per strategy, {@code Lazy_05_CloseVsGet_<STRATEGY>}: this
 * state and these actors, graded by {@link #outcomes(Strategy)}.
 */
@Topic(Property.CLOSE_VS_GET)
public abstract class Lazy_05_CloseVsGet {

    /** The arbiter's finding: close() won and get() built nothing. */
    static final String NOTHING_CREATED = "nothing created";
    /** The arbiter's finding: a value created after close() was open, and a second close() closed it. */
    static final String OPEN_UNTIL_CLOSED_AGAIN = "open until closed again";
    /** The arbiter's finding: a value is open and closing the holder again does not close it. */
    static final String LEAKED = "leaked";
    /** What a CLOSEABLE holder's get() throws after close(). */
    static final String REFUSED = threw(IllegalStateException.class);

    private final CountingFactory factory = CountingFactory.creating();
    private final Lazy<PoolStandIn> holder;

    /** @param strategy builds a cold holder over a counting factory, fresh for every sample */
    protected Lazy_05_CloseVsGet(Strategy strategy) {
        this.holder = strategy.newHolder(factory);
    }

    /** @param r gets closed, or what close() threw */
    @Actor
    public void actor1(LLL_Result r) {
        r.r1 = Seen.close(holder);
    }

    /** @param r gets value, or what get() threw */
    @Actor
    public void actor2(LLL_Result r) {
        r.r2 = Seen.attempt(holder);
    }

    /** @param r gets what became of every value the factory created; may close the holder a second time */
    @Arbiter
    public void arbiter(LLL_Result r) {
        r.r3 = fate();
    }

    private String fate() {
        if (factory.calls() == 0) {
            return NOTHING_CREATED;
        }
        if (factory.openCount() == 0) {
            return CLOSED;
        }
        Seen.close(holder); // can anyone still close it? a second close() is what an owner could do
        return factory.openCount() == 0 ? OPEN_UNTIL_CLOSED_AGAIN : LEAKED;
    }

    /*
     *  Observed: docs/jcstress-observed.md, section "close-vs-get" (the gate's verdict and the samples of each
     *  outcome, per strategy and JDK, with each run's commit and date), generated from the gate's verdicts files:
     *  ProofGate observed --out docs/jcstress-observed.md jcstress/target/jcstress-verdicts.json (full command there).
     */

    /**
     * @param s the strategy under test
     * @return what its registry entry makes of each outcome: a CLOSEABLE strategy must leave nothing open; one
     *         without the promise may leave a value open that a second close() closes (interesting); for a broken
     *         control without it, that and a leak are its bug, which the gate must see where the control violates
     *         CLOSEABLE
     */
    public static Outcomes outcomes(Strategy s) {
        Outcomes o = Outcomes.declare()
                .acceptable("get() came first and returned the value; close() closed it.",
                        outcome(CLOSED, VALUE, CLOSED))
                .acceptable("close() came first; get() refused and nothing was created.",
                        outcome(CLOSED, REFUSED, NOTHING_CREATED))
                .acceptable("close() came first while get() was already creating; get() refused and its value was"
                        + " closed by its creator.", outcome(CLOSED, REFUSED, CLOSED));
        if (!s.guarantees(Guarantee.CLOSEABLE)) {
            if (s.broken()) {
                o.bug("A leak: get() created a value after close(); it is open and closing the holder again does"
                                + " not close it: a pool nobody can reach or close.",
                        outcome(CLOSED, VALUE, LEAKED));
                o.bug("The holder did not stay closed: close() found nothing, then get() created a new value, open"
                                + " after shutdown; it is still reachable (a second close() closed it). The bug of a"
                                + " control that violates CLOSEABLE.",
                        outcome(CLOSED, VALUE, OPEN_UNTIL_CLOSED_AGAIN));
                if (Layer.JCSTRESS.mustCatch(s, Guarantee.CLOSEABLE)) {
                    o.mustCatch();
                }
            } else {
                o.interesting("Not CLOSEABLE, as documented: close() ran before the first get(), found nothing, and"
                                + " get() then created an open value; get() still returns it and a second close()"
                                + " closes it, so it is reachable, not leaked.",
                        outcome(CLOSED, VALUE, OPEN_UNTIL_CLOSED_AGAIN));
            }
        }
        return o.forbidEverythingElse("A value left open that nobody can reach or close (a leaked pool), a value"
                + " created after close() by a CLOSEABLE strategy, or an unexpected exception.");
    }
}
