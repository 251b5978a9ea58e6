package dev.lazyinit.report;

import dev.lazyinit.report.JmhResults.Metric;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A bar chart with error bars, drawn by the HTML report (the Markdown report names it and relies on the table
 * beside it).
 *
 * @param id a unique element id
 * @param title the title
 * @param errorBars what the error bars show
 * @param axis the value axis label
 * @param categories the bars' categories
 * @param series one or more series (grouped bars)
 * @param logScale whether the value axis is logarithmic
 */
record Chart(String id, String title, String errorBars, String axis, List<String> categories, List<Series> series,
             boolean logScale) {

    /**
     * One series of bars, with an error bar per bar from {@code low} to {@code high}.
     *
     * @param name the legend entry
     * @param values bar heights, one per category ({@code NaN} for none)
     * @param low lower ends of the error bars
     * @param high upper ends of the error bars
     */
    record Series(String name, double[] values, double[] low, double[] high) {

        /**
         * Means with their 99.9 % confidence intervals (an unknown error draws no bar).
         *
         * @param name the legend entry
         * @param metrics one per category
         * @return the series
         */
        static Series meanWithError(String name, List<Optional<Metric>> metrics) {
            double[] v = metrics.stream().mapToDouble(o -> o.map(Metric::score).orElse(Double.NaN)).toArray();
            double[] e = metrics.stream().mapToDouble(o -> o.map(Metric::error).filter(x -> !Double.isNaN(x))
                    .orElse(0.0)).toArray();
            double[] lo = new double[v.length];
            double[] hi = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                lo[i] = v[i] - e[i];
                hi[i] = v[i] + e[i];
            }
            return new Series(name, v, lo, hi);
        }

        /**
         * Medians of single-shot trials, from p25 to p75.
         *
         * @param name the legend entry
         * @param metrics one per category
         * @return the series
         */
        static Series medianWithQuartiles(String name, List<Optional<Metric>> metrics) {
            return new Series(name, each(metrics, Metric::median), each(metrics, m -> m.quantile(0.25)),
                    each(metrics, m -> m.quantile(0.75)));
        }

        /**
         * Per-trial counts: the mean, from the smallest to the largest trial.
         *
         * @param name the legend entry
         * @param metrics one per category
         * @return the series
         */
        static Series meanWithRange(String name, List<Optional<Metric>> metrics) {
            return new Series(name, each(metrics, Metric::mean), each(metrics, m -> m.quantile(0)),
                    each(metrics, Metric::max));
        }

        private static double[] each(List<Optional<Metric>> metrics, Function<Metric, Double> f) {
            return metrics.stream().mapToDouble(o -> o.map(f).orElse(Double.NaN)).toArray();
        }
    }
}
