package dev.lazyinit.report;

import dev.lazyinit.report.JmhResults.Metric;
import java.util.Optional;

/**
 * A ratio of two means with its error, propagated to first order from theirs: what tells a real difference from
 * noise wherever the report compares two numbers (a strategy and its baseline, one JDK and another).
 *
 * @param value a / b
 * @param error its error, NaN when either error is unknown
 */
record Ratio(double value, double error) {

    /**
     * @param a the numerator's score and error
     * @param b the denominator's score and error
     * @return a / b with its error
     */
    static Ratio of(Metric a, Metric b) {
        double r = a.score() / b.score();
        double err = Double.isNaN(a.error()) || Double.isNaN(b.error()) ? Double.NaN
                : Math.abs(r) * Math.sqrt(Math.pow(a.error() / a.score(), 2) + Math.pow(b.error() / b.score(), 2));
        return new Ratio(r, err);
    }

    /**
     * @param a the numerator, if measured
     * @param b the denominator, if measured
     * @return a / b, if both were measured
     */
    static Optional<Ratio> of(Optional<Metric> a, Optional<Metric> b) {
        return a.isPresent() && b.isPresent() ? Optional.of(of(a.get(), b.get())) : Optional.empty();
    }

    /** @return whether the error is known */
    boolean errorKnown() {
        return !Double.isNaN(error);
    }

    /** @return whether the error is known and reaches 1.00×: this run cannot tell the two apart */
    boolean indistinguishableFromOne() {
        return errorKnown() && Math.abs(value - 1) <= error;
    }

    /**
     * Whether two means are within the sum of their errors of each other (an unknown error counts as 0).
     *
     * @param a a mean and its error
     * @param b another
     * @return whether their error bars overlap
     */
    static boolean overlaps(Metric a, Metric b) {
        double ea = Double.isNaN(a.error()) ? 0 : a.error();
        double eb = Double.isNaN(b.error()) ? 0 : b.error();
        return Math.abs(a.score() - b.score()) <= ea + eb;
    }
}
