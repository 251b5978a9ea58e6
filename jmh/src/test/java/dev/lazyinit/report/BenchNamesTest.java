package dev.lazyinit.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazyinit.jmh.LazyInit_01_ColdFirstAccess;
import dev.lazyinit.jmh.LazyInit_02_SteadyState;
import dev.lazyinit.jmh.LazyInit_03_ColdStampede;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * The names the report looks results up by are the benchmarks' own: a rename fails here, not in a report. In this
 * module, in the report's package, because it needs both: the benchmark classes, which the report module does not
 * see, and the report's {@code Bench}.
 */
class BenchNamesTest {

    @Test
    void everyBenchIsABenchmarkMethodOfItsClass() {
        for (Bench b : Bench.values()) {
            if (b.legacy()) {
                assertThat(Arrays.stream(benchmarkClass(b).getMethods()).map(m -> m.getName()))
                        .as(b + " is read from older results only").doesNotContain(b.method());
                continue;
            }
            assertThat(Arrays.stream(benchmarkClass(b).getMethods())
                    .filter(m -> m.getName().equals(b.method()) && m.isAnnotationPresent(Benchmark.class)))
                    .as(b + " names a @Benchmark method").hasSize(1);
        }
    }

    @Test
    void everyCounterIsAnAuxCounterOfTheStampede() {
        List<String> counters = Arrays.stream(LazyInit_03_ColdStampede.class.getDeclaredClasses())
                .filter(c -> c.isAnnotationPresent(AuxCounters.class))
                .flatMap(c -> Arrays.stream(c.getDeclaredFields()))
                .filter(f -> Modifier.isPublic(f.getModifiers())).map(Field::getName).toList();
        assertThat(counters).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(Bench.Counter.values()).map(Bench.Counter::field).toList());
    }

    @Test
    void theParametersAreTheBenchmarksParams() {
        List<String> params = Stream.of(LazyInit_01_ColdFirstAccess.class, LazyInit_02_SteadyState.class,
                        LazyInit_03_ColdStampede.class)
                .flatMap(c -> Arrays.stream(c.getDeclaredClasses()))
                .flatMap(c -> Arrays.stream(c.getDeclaredFields()))
                .filter(f -> f.isAnnotationPresent(Param.class)).map(Field::getName).distinct().toList();
        assertThat(params).contains(Bench.STRATEGY, Bench.THREADS);
    }

    private static Class<?> benchmarkClass(Bench b) {
        try {
            return Class.forName(b.benchmarkClass());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(b + " names a class that does not exist: " + b.benchmarkClass(), e);
        }
    }

    @Test
    void theBenchmarkClassesAreNamedAsJmhNamesThem() {
        assertThat(List.of(Bench.Names.COLD, Bench.Names.STEADY, Bench.Names.STAMPEDE)).containsExactly(
                LazyInit_01_ColdFirstAccess.class.getName(), LazyInit_02_SteadyState.class.getName(),
                LazyInit_03_ColdStampede.class.getName());
    }

    @Test
    void theColdBaselinesAreNamedAsTheColdBenchmarkNamesThem() {
        assertThat(List.of(Bench.COLD_BASELINE.subject(), Bench.COLD_BASELINE_AGAIN.subject(),
                Bench.COLD_ONE_CONNECTION.subject())).containsExactly(LazyInit_01_ColdFirstAccess.BASELINE,
                LazyInit_01_ColdFirstAccess.BASELINE_AGAIN, LazyInit_01_ColdFirstAccess.ONE_CONNECTION);
    }
}
