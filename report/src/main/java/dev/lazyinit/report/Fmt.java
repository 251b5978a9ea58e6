package dev.lazyinit.report;

import dev.lazyinit.harness.contract.VirtualThreadResults;
import dev.lazyinit.report.JmhResults.Metric;
import dev.lazyinit.strategy.Strategy;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** How the report writes numbers, ratios and strategy names: in one place, so that every table agrees. */
final class Fmt {

    /** What a cell shows when there is nothing to show. */
    static final String NONE = "—";
    /** A virtual-thread pin that is an answer, in words: {@link VirtualThreadResults#LONG_PIN}, "20 ms". */
    static final String LONG_PIN = VirtualThreadResults.LONG_PIN.toMillis() + " ms";

    private Fmt() {
    }

    /**
     * @param v a number
     * @return it with 3 significant digits or so ({@code 0.123}, {@code 1.23}, {@code 12.3}, {@code 123})
     */
    static String num(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        double a = Math.abs(v);
        String f = a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : a >= 1 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, f, v);
    }

    /**
     * @param score a mean
     * @param error its error
     * @return {@code score ± error}
     */
    static String pm(double score, double error) {
        return num(score) + " ± " + (Double.isNaN(error) ? "n/a" : num(error));
    }

    /**
     * @param m a metric
     * @return its mean ± its error
     */
    static String pm(Metric m) {
        return pm(m.score(), m.error());
    }

    /**
     * @param r a ratio
     * @return {@code 1.23×}
     */
    static String ratio(double r) {
        return Double.isNaN(r) ? "n/a" : String.format(Locale.ROOT, "%.2f×", r);
    }

    /**
     * @param r a ratio with its error
     * @return {@code 1.23× ± 0.04}, or {@code 1.23×} when the error is unknown
     */
    static String ratioPm(Ratio r) {
        return r.errorKnown() ? String.format(Locale.ROOT, "%.2f× ± %.2f", r.value(), r.error()) : ratio(r.value());
    }

    /**
     * @param r a ratio between two JDKs
     * @return {@link #ratioPm}, marked {@code ≈} when its error reaches 1.00×
     */
    static String change(Ratio r) {
        return r.indistinguishableFromOne() ? "≈ " + ratioPm(r) : ratioPm(r);
    }

    /**
     * @param m single-shot trials
     * @return the median (p25–p75)
     */
    static String medianSpread(Metric m) {
        return num(m.median()) + " (" + num(m.quantile(0.25)) + "–" + num(m.quantile(0.75)) + ")";
    }

    /**
     * @param m a per-trial counter
     * @return the mean per trial (max), or only the count when every trial had the same
     */
    static String counter(Metric m) {
        return m.mean() == m.max() ? count(m.mean()) : count(m.mean()) + " (max " + count(m.max()) + ")";
    }

    /**
     * @param stampede a stampede, if measured
     * @param counter one of its counters
     * @return the counter's mean per trial (max), or {@link #NONE}
     */
    static String counter(Optional<Measurements.Stampede> stampede, Bench.Counter counter) {
        return stampede.flatMap(x -> x.counter(counter)).map(Fmt::counter).orElse(NONE);
    }

    /**
     * @param v a count, or a mean of counts
     * @return it without a decimal if it is whole, else with one
     */
    static String count(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    /**
     * @param s a strategy
     * @return its name, marked if it is a broken control
     */
    static String label(Strategy s) {
        return s.broken() ? s.name() + " (broken control)"
                : s.provided() ? s.name() + " (provider " + s.provider().orElseThrow() + ")" // a user's, not ours
                : s.name();
    }

    /**
     * @param value something that may be missing
     * @param f how to write it
     * @param <T> its type
     * @return it written, or {@link #NONE}
     */
    static <T> String orNone(Optional<T> value, Function<T, String> f) {
        return value.map(f).orElse(NONE);
    }

    /**
     * @param items what to list
     * @param f how to write each
     * @param <T> their type
     * @return them joined by "; ", or a phrase saying there are none
     */
    static <T> String names(List<T> items, Function<T, String> f) {
        return items.isEmpty() ? "none of the measured strategies"
                : items.stream().map(f).collect(Collectors.joining("; "));
    }
}
