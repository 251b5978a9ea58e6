package dev.lazyinit.jcstress.shared;

import dev.lazyinit.lazy.Lazy;

/**
 * Maps what an actor saw to the short, readable words the proofs' outcome ids are made of.
 *
 * <ul>
 *   <li>{@code built}: a value with both constructor writes visible; {@code partial}: a value with a field
 *       still at its default (a partly constructed pool); {@code null}: no value at all.</li>
 *   <li>{@code value}: {@code get()} returned; {@code failure}: it threw the factory's injected
 *       {@link FactoryFailure}; otherwise the simple name of what it threw, e.g.
 *       {@code ExceptionInInitializerError}, {@code NoClassDefFoundError}, {@code IllegalStateException}.</li>
 * </ul>
 */
public final class Seen {

    private Seen() {
    }

    /**
     * @param holder the holder to read
     * @return {@code built}, {@code partial}, {@code null} or the name of what {@code get()} threw
     */
    public static String publication(Lazy<PoolStandIn> holder) {
        try {
            PoolStandIn v = holder.get();
            return v == null ? "null" : v.fullyBuilt() ? "built" : "partial";
        } catch (Throwable t) {
            return thrown(t);
        }
    }

    /**
     * @param holder the holder to read
     * @return {@code value} or the name of what {@code get()} threw
     */
    public static String attempt(Lazy<PoolStandIn> holder) {
        try {
            return holder.get() == null ? "null" : "value";
        } catch (Throwable t) {
            return thrown(t);
        }
    }

    /**
     * @param holder the holder to close
     * @return {@code closed} or the name of what {@code close()} threw
     */
    public static String close(Lazy<PoolStandIn> holder) {
        try {
            holder.close();
            return "closed";
        } catch (Throwable t) {
            return thrown(t);
        }
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
     * @return {@code failure} for the injected factory failure, however wrapped (except by
     *         {@link ExceptionInInitializerError}, which is the holder idiom's own answer), else the
     *         simple class name
     */
    public static String thrown(Throwable t) {
        if (t instanceof ExceptionInInitializerError) {
            return "ExceptionInInitializerError";
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof FactoryFailure) {
                return "failure";
            }
        }
        return t.getClass().getSimpleName();
    }
}
