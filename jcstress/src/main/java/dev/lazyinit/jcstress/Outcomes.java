package dev.lazyinit.jcstress;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.openjdk.jcstress.annotations.Expect;

/**
 * What one proof expects of one strategy: the outcomes its JCStress test grades samples by, declared in Java by
 * the proof's {@code outcomes(Strategy)} (see {@link Topic}) and printed by the build as the test's
 * {@code @Outcome} annotations, one per {@link Line}, in declaration order.
 *
 * <pre>{@code
 *     Outcomes o = Outcomes.declare()
 *             .acceptable("The factory ran once; both actors got its value.", created(1));
 *     if (s.broken() && !s.guarantees(Guarantee.EXACTLY_ONCE)) {
 *         o.bug("Duplicate creation, ...", outcome(created(2), EXTRA_LEFT_OPEN));
 *         if (Layer.JCSTRESS.mustCatch(s, Guarantee.EXACTLY_ONCE)) {
 *             o.mustCatch();
 *         }
 *     }
 *     return o.forbidEverythingElse("More creations than the strategy allows, ...");
 * }</pre>
 *
 * <p>Four kinds of outcome:
 * <ul>
 *   <li>{@link #acceptable}: what the strategy's guarantees allow ({@link Expect#ACCEPTABLE});</li>
 *   <li>{@link #interesting}: allowed for a correct strategy, and worth seeing, e.g. AtomicReference's second
 *       creation that it closed ({@link Expect#ACCEPTABLE_INTERESTING}); {@link #mustSee()} makes the gate fail
 *       unless it was seen, where the claim it belongs to would otherwise pass with its path never exercised;</li>
 *   <li>{@link #bug}: the outcome that shows a broken control's bug. Also {@link Expect#ACCEPTABLE_INTERESTING},
 *       so that the run stays green, and the gate reports CAUGHT when it was seen, NOT_OBSERVED when not;
 *       {@link #mustCatch()} makes NOT_OBSERVED fail the gate. A proof declares it where the control
 *       {@link dev.lazyinit.strategy.Strategy#violates() violates} the guarantee this proof's layer must catch
 *       ({@link dev.lazyinit.harness.contract.Layer#mustCatch}), not on a condition of its own;</li>
 *   <li>{@link #forbidEverythingElse}: the catch-all, last, required ({@link Expect#FORBIDDEN}).</li>
 * </ul>
 * The gate reads a broken control's interesting outcomes as its bug, so the build refuses {@code interesting} for
 * a broken control and {@code bug} for a correct strategy.
 */
public final class Outcomes {

    /** What kind of outcome a line declares. */
    public enum Kind {
        ACCEPTABLE(Expect.ACCEPTABLE),
        INTERESTING(Expect.ACCEPTABLE_INTERESTING),
        BUG(Expect.ACCEPTABLE_INTERESTING),
        FORBIDDEN(Expect.FORBIDDEN);

        private final Expect expect;

        Kind(Expect expect) {
            this.expect = expect;
        }

        /** @return how JCStress grades it */
        public Expect expect() {
            return expect;
        }
    }

    /**
     * One {@code @Outcome}.
     *
     * @param kind what the outcome means for this strategy
     * @param ids the outcome ids it covers; empty for the catch-all
     * @param desc what a reader of the report should understand by it
     */
    public record Line(Kind kind, List<String> ids, String desc) {
        public Line {
            ids = List.copyOf(ids);
        }
    }

    private final List<Line> lines = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();
    private boolean mustCatch;
    private List<String> mustSee = List.of();
    private boolean complete;

    private Outcomes() {
    }

    /** @return an empty declaration, to be ended by {@link #forbidEverythingElse} */
    public static Outcomes declare() {
        return new Outcomes();
    }

    /**
     * @param words what each actor, then the arbiter, wrote into the result, in field order
     * @return the outcome id JCStress reports for them ({@code "built, partial"})
     */
    public static String outcome(String... words) {
        return String.join(", ", words);
    }

    /**
     * @param desc what it means
     * @param ids the outcome ids
     * @return this
     */
    public Outcomes acceptable(String desc, String... ids) {
        return add(Kind.ACCEPTABLE, desc, ids);
    }

    /**
     * @param desc what it means, and why this correct strategy may show it
     * @param ids the outcome ids
     * @return this
     */
    public Outcomes interesting(String desc, String... ids) {
        return add(Kind.INTERESTING, desc, ids);
    }

    /**
     * @param desc the bug it shows
     * @param ids the outcome ids
     * @return this
     */
    public Outcomes bug(String desc, String... ids) {
        return add(Kind.BUG, desc, ids);
    }

    /**
     * The gate fails unless a {@link #bug} outcome was observed: a harness that cannot show this bug has lost its
     * teeth.
     *
     * @return this
     */
    public Outcomes mustCatch() {
        if (lines.stream().noneMatch(l -> l.kind() == Kind.BUG)) {
            throw new IllegalStateException("mustCatch() without a bug(...) to catch");
        }
        mustCatch = true;
        return this;
    }

    /**
     * The gate fails unless one of the outcomes of the {@link #interesting} line just declared was observed: the path
     * it stands for (AtomicReference's duplicate that it closed, say) is what the strategy's claim rests on, and a
     * PASS with that path never taken proves nothing about it. One line per declaration.
     *
     * @return this
     */
    public Outcomes mustSee() {
        Line last = lines.isEmpty() ? null : lines.get(lines.size() - 1);
        if (last == null || last.kind() != Kind.INTERESTING) {
            throw new IllegalStateException("mustSee() must follow the interesting(...) outcome it applies to");
        }
        if (!mustSee.isEmpty()) {
            throw new IllegalStateException("mustSee() twice: one must-see line per declaration");
        }
        mustSee = last.ids();
        return this;
    }

    /**
     * Ends the declaration with the catch-all.
     *
     * @param desc what any other outcome would mean
     * @return this, complete
     */
    public Outcomes forbidEverythingElse(String desc) {
        if (lines.isEmpty()) {
            throw new IllegalStateException("no acceptable outcome declared");
        }
        add(Kind.FORBIDDEN, desc);
        complete = true;
        return this;
    }

    private Outcomes add(Kind kind, String desc, String... outcomeIds) {
        if (complete) {
            throw new IllegalStateException("outcome declared after forbidEverythingElse: " + List.of(outcomeIds));
        }
        if (desc == null || desc.isBlank()) {
            throw new IllegalArgumentException("an outcome needs a description: " + List.of(outcomeIds));
        }
        if (kind != Kind.FORBIDDEN && outcomeIds.length == 0) {
            throw new IllegalArgumentException("no outcome id for: " + desc);
        }
        for (String id : outcomeIds) {
            if (!ids.add(id)) {
                throw new IllegalArgumentException("outcome declared twice: " + id);
            }
        }
        lines.add(new Line(kind, List.of(outcomeIds), desc));
        return this;
    }

    /** @return the {@code @Outcome} lines, in declaration order, the catch-all last */
    public List<Line> lines() {
        return List.copyOf(lines);
    }

    /** @return whether the gate requires a {@link #bug} outcome to be seen */
    public boolean isMustCatch() {
        return mustCatch;
    }

    /** @return the ids of the {@link #mustSee()} line, one of which the gate requires to be seen; empty if none */
    public List<String> mustSeeIds() {
        return mustSee;
    }

    /** @return whether {@link #forbidEverythingElse} ended the declaration */
    public boolean isComplete() {
        return complete;
    }

    /**
     * @param kind a kind of outcome
     * @return whether any line is of that kind
     */
    public boolean declares(Kind kind) {
        return lines.stream().anyMatch(l -> l.kind() == kind);
    }
}
