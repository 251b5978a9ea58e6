package dev.lazyinit.jcstress.shared;

import dev.lazyinit.lazy.Lazy;

/**
 * Maps what an actor saw to the short, readable words the proofs' outcome ids are made of. The words are
 * constants, so that a proof's actors (which produce them) and its outcome declarations (which name them)
 * cannot drift apart: a misspelt word is a compile error, not an outcome that silently never matches.
 *
 * <ul>
 *   <li>{@link #BUILT}: a value with both constructor writes visible; {@link #PARTIAL}: a value with a field
 *       still at its default (a partly constructed pool); {@link #NULL}: no value at all.</li>
 *   <li>{@link #VALUE}: {@code get()} returned; {@link #FAILURE}: it threw the factory's injected
 *       {@link FactoryFailure}; otherwise the simple name of what it threw ({@link #threw(Class)}), e.g.
 *       {@code ExceptionInInitializerError}, {@code NoClassDefFoundError}, {@code IllegalStateException}.</li>
 *   <li>{@link #CLOSED}: {@code close()} returned.</li>
 *   <li>{@link #SAME} or {@link #DIFFERENT}: whether two actors hold one value; {@link #created(int)}: how many
 *       values the factory created.</li>
 * </ul>
 */
public final class Seen {

    /** A value with both constructor writes visible. */
    public static final String BUILT = "built";
    /** A value with a field still at its default: a partly built pool. */
    public static final String PARTIAL = "partial";
    /** No value at all. */
    public static final String NULL = "null";
    /** {@code get()} returned a value. */
    public static final String VALUE = "value";
    /** {@code get()} threw the factory's injected {@link FactoryFailure}, however wrapped. */
    public static final String FAILURE = "failure";
    /** {@code close()} returned (or, as a finding about created values: every one of them is closed). */
    public static final String CLOSED = "closed";
    /** Two actors hold the one value. */
    public static final String SAME = "same";
    /** Each actor holds its own value. */
    public static final String DIFFERENT = "different";

    private Seen() {
    }

    /**
     * @param calls how many times a factory was called
     * @return {@code 1 created}, {@code 2 created}, ...
     */
    public static String created(int calls) {
        return calls + " created";
    }

    /**
     * @param thrown what a holder may throw
     * @return the word for it: its simple class name (what {@link #thrown(Throwable)} says for it)
     */
    public static String threw(Class<? extends Throwable> thrown) {
        return thrown.getSimpleName();
    }

    /**
     * @param a the value two actors should share
     * @param b the other actor's
     * @return {@link #SAME} if they are one object, else {@link #DIFFERENT}
     */
    public static String compare(Object a, Object b) {
        return a == b ? SAME : DIFFERENT;
    }

    /**
     * @param holder the holder to read
     * @return {@link #BUILT}, {@link #PARTIAL}, {@link #NULL} or the name of what {@code get()} threw
     */
    public static String publication(Lazy<PoolStandIn> holder) {
        try {
            return describe(holder.get());
        } catch (Throwable t) {
            return thrown(t);
        }
    }

    /**
     * @param holder the holder to read
     * @return {@link #VALUE} or the name of what {@code get()} threw
     */
    public static String attempt(Lazy<PoolStandIn> holder) {
        try {
            return holder.get() == null ? NULL : VALUE;
        } catch (Throwable t) {
            return thrown(t);
        }
    }

    /**
     * @param holder the holder to close
     * @return {@link #CLOSED} or the name of what {@code close()} threw
     */
    public static String close(Lazy<PoolStandIn> holder) {
        try {
            holder.close();
            return CLOSED;
        } catch (Throwable t) {
            return thrown(t);
        }
    }

    /**
     * @param got what a {@code get()} returned or threw ({@link #take})
     * @return {@link #BUILT}, {@link #PARTIAL}, {@link #NULL} or the name of what was thrown
     */
    public static String describe(Object got) {
        if (got instanceof Throwable t) {
            return thrown(t);
        }
        return got == null ? NULL : ((PoolStandIn) got).fullyBuilt() ? BUILT : PARTIAL;
    }

    /**
     * Calls {@code get()} and keeps what came back, for an arbiter to compare.
     *
     * @param holder the holder to read
     * @return the value, or what {@code get()} threw
     */
    public static Object take(Lazy<PoolStandIn> holder) {
        try {
            return holder.get();
        } catch (Throwable t) {
            return t;
        }
    }

    /**
     * @param t what a holder threw
     * @return {@link #FAILURE} for the injected factory failure, however wrapped (except by
     *         {@link ExceptionInInitializerError}, which is the holder idiom's own answer), else the
     *         simple class name
     */
    public static String thrown(Throwable t) {
        if (t instanceof ExceptionInInitializerError) {
            return threw(ExceptionInInitializerError.class);
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof FactoryFailure) {
                return FAILURE;
            }
        }
        return threw(t.getClass());
    }
}
