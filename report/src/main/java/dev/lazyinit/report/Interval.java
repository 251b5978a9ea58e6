package dev.lazyinit.report;

import java.util.Locale;

/**
 * A ratio and the interval it lies in: what the report compares with 1.00×, and with the interval of its A/A
 * control ({@link Resolution}).
 *
 * @param value the ratio
 * @param lo the interval's lower end (NaN when unknown)
 * @param hi its upper end (NaN when unknown)
 */
record Interval(double value, double lo, double hi) {

    /**
     * @param r a ratio of two positive means, with a symmetric error
     * @return value ± error as an interval, its lower end no lower than 0 (a ratio of times is never negative)
     */
    static Interval of(Ratio r) {
        return new Interval(r.value(), Math.max(0, r.value() - r.error()), r.value() + r.error());
    }

    /** @return whether both ends are known */
    boolean known() {
        return !Double.isNaN(lo) && !Double.isNaN(hi);
    }

    /** @return whether the interval is known and holds 1.00×: the two things compared may be the same */
    boolean holdsOne() {
        return known() && lo <= 1 && 1 <= hi;
    }

    /** @return how far from 1.00× the interval reaches on either side, NaN when it is unknown */
    double reach() {
        return known() ? Math.max(Math.abs(lo - 1), Math.abs(hi - 1)) : Double.NaN;
    }

    /** @return {@code 1.02× (0.95–1.10)}, or {@code 1.02×} when the interval is unknown */
    @Override
    public String toString() {
        return known() ? String.format(Locale.ROOT, "%.2f× (%.2f–%.2f)", value, lo, hi)
                : String.format(Locale.ROOT, "%.2f×", value);
    }
}
