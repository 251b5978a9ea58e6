package dev.lazyinit.jmh.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * JMH's own JSON result format (what {@code -rf json} writes), read back for the report.
 *
 * @param rows one per benchmark and parameter combination, in run order
 */
public record JmhResults(List<Row> rows) {

    /**
     * One benchmark result.
     *
     * @param benchmark the fully qualified benchmark method
     * @param mode JMH's mode label ({@code avgt}, {@code ss}, ...)
     * @param threads measuring threads
     * @param forks forks
     * @param params the parameters
     * @param primary the score
     * @param secondary secondary metrics by name (aux counters)
     * @param json the whole entry, for settings the report prints
     */
    public record Row(String benchmark, String mode, int threads, int forks, Map<String, String> params,
                      Metric primary, Map<String, Metric> secondary, Map<String, Object> json) {

        /** @return the class's simple name */
        public String className() {
            String cls = benchmark.substring(0, benchmark.lastIndexOf('.'));
            return cls.substring(cls.lastIndexOf('.') + 1);
        }

        /** @return the method name */
        public String method() {
            return benchmark.substring(benchmark.lastIndexOf('.') + 1);
        }

        /**
         * @param name a parameter
         * @return its value, or {@code null}
         */
        public String param(String name) {
            return params.get(name);
        }

        /** @return the feature release of the JDK this result's forks ran on ({@code jdkVersion}), or 0 */
        public int jdk() {
            String v = String.valueOf(json.get("jdkVersion")).replaceFirst("^1\\.", "").replaceFirst("[^0-9].*$", "");
            return v.isEmpty() ? 0 : Integer.parseInt(v);
        }

        /** @return the forks' VM as JMH recorded it: name, version and JDK version */
        public String vm() {
            return json.get("vmName") + " " + json.get("vmVersion") + " (JDK " + json.get("jdkVersion") + ")";
        }
    }

    /** @return the feature releases of the JDKs the forks ran on, oldest first */
    public List<Integer> jdks() {
        return rows.stream().map(Row::jdk).distinct().sorted().toList();
    }

    /**
     * @param feature a JDK feature release
     * @return the results whose forks ran on that JDK, in run order
     */
    public JmhResults onJdk(int feature) {
        return new JmhResults(rows.stream().filter(r -> r.jdk() == feature).toList());
    }

    /**
     * A metric: JMH's score and error (99.9 % confidence half-width), plus every raw sample for medians and
     * quartiles (single-shot trials and per-trial counters).
     *
     * @param score JMH's score (mean for single shot and average time)
     * @param error JMH's error, NaN when JMH could not compute one (fewer than 2 samples)
     * @param unit the unit
     * @param samples every iteration's value, all forks together
     */
    public record Metric(double score, double error, String unit, double[] samples) {

        /** @return the median of the samples, or the score if there are none */
        public double median() {
            return quantile(0.5);
        }

        /**
         * @param q between 0 and 1
         * @return the sample quantile (linear interpolation), or the score if there are no samples
         */
        public double quantile(double q) {
            if (samples.length == 0) {
                return score;
            }
            double[] s = samples.clone();
            Arrays.sort(s);
            double idx = q * (s.length - 1);
            int lo = (int) Math.floor(idx);
            int hi = (int) Math.ceil(idx);
            return s[lo] + (s[hi] - s[lo]) * (idx - lo);
        }

        /**
         * The mean over the samples: for JMH's aux counters this is the per-trial mean, where JMH's own score
         * is their sum over the iterations.
         *
         * @return the mean of the samples, or the score if there are none
         */
        public double mean() {
            return samples.length == 0 ? score : Arrays.stream(samples).average().orElse(score);
        }

        /** @return the largest sample */
        public double max() {
            return samples.length == 0 ? score : Arrays.stream(samples).max().orElse(score);
        }
    }

    /**
     * @param json the parsed results.json (a list)
     * @return the results
     */
    @SuppressWarnings("unchecked")
    public static JmhResults from(Object json) {
        List<Row> rows = new ArrayList<>();
        for (Object o : (List<Object>) json) {
            Map<String, Object> m = (Map<String, Object>) o;
            Map<String, String> params = new LinkedHashMap<>();
            Object p = m.get("params");
            if (p instanceof Map<?, ?> pm) {
                pm.forEach((k, v) -> params.put(String.valueOf(k), String.valueOf(v)));
            }
            Map<String, Metric> secondary = new LinkedHashMap<>();
            Object s = m.get("secondaryMetrics");
            if (s instanceof Map<?, ?> sm) {
                sm.forEach((k, v) -> secondary.put(String.valueOf(k), metric((Map<String, Object>) v)));
            }
            rows.add(new Row(String.valueOf(m.get("benchmark")), String.valueOf(m.get("mode")),
                    num(m.get("threads")).intValue(), num(m.get("forks")).intValue(), params,
                    metric((Map<String, Object>) m.get("primaryMetric")), secondary, m));
        }
        return new JmhResults(rows);
    }

    @SuppressWarnings("unchecked")
    private static Metric metric(Map<String, Object> m) {
        List<Double> samples = new ArrayList<>();
        Object raw = m.get("rawData");
        if (raw instanceof List<?> forks) {
            for (Object fork : forks) {
                for (Object v : (List<Object>) fork) {
                    samples.add(num(v));
                }
            }
        }
        return new Metric(num(m.get("score")), num(m.get("scoreError")), String.valueOf(m.get("scoreUnit")),
                samples.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static Double num(Object o) {
        if (o instanceof Number n) {
            return n.doubleValue();
        }
        if (o instanceof String s) {
            try {
                return Double.valueOf(s);
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }

    /**
     * @param className the benchmark class's simple name
     * @param method the method
     * @param params parameters that must match (name, value pairs)
     * @return the primary metric of the first matching row
     */
    public Optional<Metric> metric(String className, String method, String... params) {
        return find(className, method, params).map(Row::primary);
    }

    /**
     * @param className the benchmark class's simple name
     * @param method the method
     * @param params parameters that must match (name, value pairs)
     * @return the first matching row
     */
    public Optional<Row> find(String className, String method, String... params) {
        return rows.stream()
                .filter(r -> r.className().equals(className) && r.method().equals(method))
                .filter(r -> {
                    for (int i = 0; i + 1 < params.length; i += 2) {
                        if (!params[i + 1].equals(r.param(params[i]))) {
                            return false;
                        }
                    }
                    return true;
                })
                .findFirst();
    }
}
