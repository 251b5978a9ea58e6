package dev.lazyinit.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lazyinit.strategy.Strategy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Results in JMH's JSON format, written here with chosen numbers, for tests that need exact inputs. */
final class JmhRows {

    private JmhRows() {
    }

    /**
     * An average-time result: 2 forks × 3 iterations, all at the score.
     *
     * @param jdk the forks' JDK feature release
     * @param bench the benchmark
     * @param strategy its strategy, or null for a baseline
     * @param score the mean
     * @param error its error (NaN: unknown, as JMH writes it for one iteration)
     * @return the row as JMH writes it
     */
    static Map<String, Object> row(int jdk, Bench bench, Strategy strategy, double score, double error) {
        if (bench.coldSubject()) { // one subject of the interleaved cold benchmark: a secondary result
            Map<String, Object> shots = metric(score, error, List.of(score, score, score));
            return row(jdk, name(bench), Map.of(), shots,
                    Map.of(strategy == null ? "baseline" : strategy.name(), shots));
        }
        return row(jdk, name(bench),
                strategy == null ? Map.of() : Map.of(Bench.STRATEGY, strategy.name()),
                metric(score, error, List.of(score, score, score)), Map.of());
    }

    /**
     * An average-time result fork by fork, as JMH writes one: its score and error over every iteration of every fork,
     * and the iterations of each fork in {@code rawData}.
     *
     * @param jdk the forks' JDK feature release
     * @param bench the benchmark
     * @param strategy its strategy, or null for a baseline
     * @param forks each fork's iterations
     * @return the row as JMH writes it
     */
    static Map<String, Object> forks(int jdk, Bench bench, Strategy strategy, List<List<Double>> forks) {
        double[] all = forks.stream().flatMap(List::stream).mapToDouble(d -> d).toArray();
        org.openjdk.jmh.util.ListStatistics stats = new org.openjdk.jmh.util.ListStatistics(all);
        Map<String, Object> metric = metric(stats.getMean(), stats.getMeanErrorAt(0.999), List.of());
        metric.put("rawData", forks);
        Map<String, Object> row = row(jdk, name(bench),
                strategy == null ? Map.of() : Map.of(Bench.STRATEGY, strategy.name()), metric, Map.of());
        row.put("forks", forks.size());
        return row;
    }

    /**
     * A stampede result: the time and the counters, each with the given per-trial values.
     *
     * @param jdk the forks' JDK feature release
     * @param strategy the strategy
     * @param threads the racing threads
     * @param pools pools opened per trial
     * @param peak peak server connections per trial
     * @return the row as JMH writes it
     */
    static Map<String, Object> stampede(int jdk, Strategy strategy, int threads, List<Double> pools,
                                        List<Double> peak) {
        Map<String, Object> counters = new LinkedHashMap<>();
        counters.put(Bench.Counter.POOLS.field(), metric(pools.stream().mapToDouble(d -> d).sum(), Double.NaN, pools));
        counters.put(Bench.Counter.PEAK_CONNECTIONS.field(),
                metric(peak.stream().mapToDouble(d -> d).sum(), Double.NaN, peak));
        return row(jdk, "LazyInit_03_ColdStampede.stampede",
                Map.of(Bench.STRATEGY, strategy.name(), Bench.THREADS, String.valueOf(threads)),
                metric(20, 1, List.of(20.0, 20.0)), counters);
    }

    /**
     * A stampede baseline's result ({@code baseline} or {@code baseline_again}): its time per trial.
     *
     * @param jdk the forks' JDK feature release
     * @param bench {@link Bench#STAMPEDE_BASELINE} or its A/A twin
     * @param threads the racing threads
     * @param millis the time of each trial
     * @return the row as JMH writes it
     */
    static Map<String, Object> stampedeBaseline(int jdk, Bench bench, int threads, List<Double> millis) {
        return row(jdk, name(bench),
                Map.of(Bench.THREADS, String.valueOf(threads)),
                metric(millis.stream().mapToDouble(d -> d).average().orElse(0), Double.NaN, millis), Map.of());
    }

    private static Map<String, Object> row(int jdk, String benchmark, Map<String, String> params,
                                           Map<String, Object> primary, Map<String, Object> secondary) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("jmhVersion", "1.37");
        m.put("benchmark", "dev.lazyinit.jmh." + benchmark);
        m.put("mode", "avgt");
        m.put("threads", 1);
        m.put("forks", 2);
        m.put("jdkVersion", jdk + ".0.1");
        m.put("vmName", "OpenJDK 64-Bit Server VM");
        m.put("vmVersion", jdk + ".0.1+1");
        m.put("params", params);
        m.put("primaryMetric", primary);
        m.put("secondaryMetrics", secondary);
        return m;
    }

    private static Map<String, Object> metric(double score, double error, List<Double> samples) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("score", score);
        m.put("scoreError", Double.isNaN(error) ? "NaN" : error); // as JMH writes an unknown error
        m.put("scoreUnit", "ns/op");
        m.put("rawData", List.of(samples));
        return m;
    }

    /**
     * @param rows rows
     * @return them as results.json
     */
    static String json(List<Map<String, Object>> rows) {
        try {
            return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param rows rows
     * @return them read back as the report reads results.json
     */
    static JmhResults results(List<Map<String, Object>> rows) {
        try {
            return JmhResults.parse(json(rows), "test rows");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the benchmark's name as these rows give it: the class's simple name, a dot, the method */
    private static String name(Bench bench) {
        String type = bench.benchmarkClass();
        return type.substring(type.lastIndexOf('.') + 1) + "." + bench.method();
    }
}
