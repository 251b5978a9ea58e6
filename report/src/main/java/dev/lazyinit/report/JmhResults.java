package dev.lazyinit.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openjdk.jmh.util.ListStatistics;

/**
 * JMH's own JSON result format (what {@code -rf json} writes), read back with Jackson into typed rows.
 *
 * @param rows one per benchmark and parameter combination, in run order
 */
public record JmhResults(List<Row> rows) {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS) // JMH writes an unknown error as NaN
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES) // jvmArgs, percentiles, ...: not read
            .build();

    public JmhResults {
        rows = List.copyOf(rows);
    }

    /**
     * @param file a {@code results.json}
     * @return its rows
     * @throws IOException if it cannot be read or is not JMH's format
     */
    public static JmhResults read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /**
     * @param json the text of a {@code results.json}
     * @param source where it came from, for the error message
     * @return its rows
     * @throws IOException if it is not JMH's format
     */
    public static JmhResults parse(String json, String source) throws IOException {
        try {
            return new JmhResults(MAPPER.readValue(json, new TypeReference<List<Row>>() { }));
        } catch (JsonProcessingException e) {
            throw new IOException(source + " is not a JMH JSON result (a list of benchmark results): "
                    + e.getOriginalMessage(), e);
        }
    }

    /**
     * One benchmark result, as JMH records it.
     *
     * @param benchmark the fully qualified benchmark method
     * @param mode JMH's mode label ({@code avgt}, {@code ss}, ...)
     * @param threads measuring threads
     * @param forks forks
     * @param jvm the forks' {@code java} executable
     * @param jvmArgs the forks' JVM options
     * @param jdkVersion the forks' JDK ({@code java.version})
     * @param vmName the forks' VM name
     * @param vmVersion the forks' VM version
     * @param warmupIterations warm-up iterations
     * @param warmupTime the time of one warm-up iteration ({@code 1 s}); none for single shots
     * @param warmupBatchSize invocations per single-shot warm-up iteration
     * @param measurementIterations measured iterations
     * @param measurementTime the time of one measured iteration
     * @param measurementBatchSize invocations per single-shot measured iteration
     * @param params the parameters
     * @param primary the score
     * @param secondary secondary metrics by name (aux counters)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Row(String benchmark, String mode, int threads, int forks, String jvm, List<String> jvmArgs,
                      String jdkVersion, String vmName,
                      String vmVersion, Integer warmupIterations, String warmupTime, Integer warmupBatchSize,
                      Integer measurementIterations, String measurementTime, Integer measurementBatchSize,
                      Map<String, String> params, @JsonProperty("primaryMetric") Metric primary,
                      @JsonProperty("secondaryMetrics") Map<String, Metric> secondary) {

        public Row {
            jvmArgs = jvmArgs == null ? List.of() : List.copyOf(jvmArgs);
            params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
            secondary = secondary == null ? Map.of()
                    : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(secondary));
        }

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
            String v = String.valueOf(jdkVersion).replaceFirst("^1\\.", "").replaceFirst("[^0-9].*$", "");
            return v.isEmpty() ? 0 : Integer.parseInt(v);
        }

        /** @return the forks' VM as JMH recorded it: name, version and JDK version */
        public String vm() {
            return vmName + " " + vmVersion + " (JDK " + jdkVersion + ")";
        }
    }

    /**
     * A metric: JMH's score and error (99.9 % confidence half-width), plus every raw sample for medians and
     * quartiles (single-shot trials and per-trial counters).
     *
     * @param score JMH's score (mean for single shot and average time)
     * @param error JMH's error, NaN when JMH could not compute one (fewer than 2 samples)
     * @param unit the unit
     * @param samples every iteration's value, all forks together
     * @param forks every iteration's value, fork by fork ({@code samples} split by the fork that measured it)
     */
    public record Metric(double score, double error, String unit, double[] samples, List<double[]> forks) {

        public Metric {
            forks = List.copyOf(forks);
        }

        /**
         * A metric of one fork, or of samples whose forks are not known.
         *
         * @param score the score
         * @param error its error
         * @param unit the unit
         * @param samples the samples
         */
        public Metric(double score, double error, String unit, double[] samples) {
            this(score, error, unit, samples, List.of(samples));
        }

        @JsonCreator
        static Metric fromJson(@JsonProperty("score") Double score, @JsonProperty("scoreError") Double error,
                               @JsonProperty("scoreUnit") String unit,
                               @JsonProperty("rawData") List<List<Double>> rawData) {
            List<double[]> forks = rawData == null ? List.of() : rawData.stream()
                    .map(f -> f.stream().mapToDouble(d -> d == null ? Double.NaN : d).toArray()).toList();
            double[] samples = forks.stream().flatMapToDouble(Arrays::stream).toArray();
            return new Metric(score == null ? Double.NaN : score, error == null ? Double.NaN : error,
                    String.valueOf(unit), samples, forks);
        }

        /**
         * The fastest fork: the fork with the lowest mean, with its mean and JMH's 99.9 % error over its own
         * iterations. The machine has slow stretches of its own (seen here: seconds at a time at about 1.7× for
         * every entry that runs then, another tenant's load on the same core), and they only ever add time; so, as
         * Python's {@code timeit} documentation and Chen and Revels' "Robust benchmarking in noisy environments"
         * (2016) argue, the least of repeated measurements is the one other load disturbed least. The runner
         * runs the forks in rounds, over a minute apart: one fork clear of such a stretch is enough. A fork that is partly slow carries a wide
         * error, so a ratio taken from it reads ≈ rather than a false difference.
         *
         * @return the fastest fork, or this metric if it holds fewer than two forks
         */
        public Metric fastestFork() {
            if (forks.size() < 2) {
                return this;
            }
            return eachFork().stream().min(Comparator.comparingDouble(Metric::score)).orElseThrow();
        }

        /** @return each fork as a metric of its own: its mean and JMH's 99.9 % error over its iterations */
        public List<Metric> eachFork() {
            return forks.stream().map(f -> ofFork(f, unit)).toList();
        }

        private static Metric ofFork(double[] iterations, String unit) {
            ListStatistics stats = new ListStatistics(iterations);
            double error = iterations.length < 2 ? Double.NaN : stats.getMeanErrorAt(0.999);
            return new Metric(stats.getMean(), error, unit, iterations);
        }

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

        /**
         * @param divisor what to divide by (1000 for ns to µs)
         * @param newUnit the unit it is then in
         * @return this metric in that unit
         */
        public Metric scaled(double divisor, String newUnit) {
            return new Metric(score / divisor, error / divisor, newUnit,
                    Arrays.stream(samples).map(v -> v / divisor).toArray(),
                    forks.stream().map(f -> Arrays.stream(f).map(v -> v / divisor).toArray()).toList());
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
