package dev.lazyinit.jmh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lazyinit.harness.db.Databases;
import dev.lazyinit.jmh.report.BenchRunner;
import dev.lazyinit.jmh.report.JmhResults;
import dev.lazyinit.jmh.report.Json;
import dev.lazyinit.strategy.Strategy;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * Runs every benchmark once with minimal settings, through the same runner and report renderer the
 * {@code bench} command uses, so that a broken benchmark or report fails the build. It asserts that results
 * came back and that no output file holds the database password, never how fast anything was.
 */
class BenchmarkSmokeTest {

    private static final List<Class<?>> BENCHMARKS = List.of(
            LazyInit_01_ColdFirstAccess.class, LazyInit_02_SteadyState.class, LazyInit_03_ColdStampede.class);

    @Test
    void everyBenchmarkRunsOnceForEveryStrategyAndTheReportIsWritten(@TempDir Path dir) throws Exception {
        Path html = BenchRunner.run(BenchRunner.Profile.SMOKE, dir, dir.resolve("absent-verdicts.json"), List.of(),
                "smoke");

        JmhResults results = JmhResults.from(Json.parse(Files.readString(dir.resolve("results.json"))));
        for (Class<?> benchmark : BENCHMARKS) {
            for (Method m : benchmark.getMethods()) {
                if (!m.isAnnotationPresent(Benchmark.class)) {
                    continue;
                }
                List<JmhResults.Row> rows = results.rows().stream()
                        .filter(r -> r.className().equals(benchmark.getSimpleName()) && r.method().equals(m.getName()))
                        .toList();
                assertThat(rows).as("results of %s.%s", benchmark.getSimpleName(), m.getName()).isNotEmpty();
                rows.forEach(r -> assertThat(r.primary().score()).as(r.benchmark() + " " + r.params()).isPositive());
                if (rows.stream().anyMatch(r -> r.param("strategy") != null)) {
                    assertThat(rows.stream().map(r -> r.param("strategy")))
                            .as("strategies of %s.%s", benchmark.getSimpleName(), m.getName())
                            .containsAll(BenchRunner.availableStrategies().stream().map(Strategy::name).toList());
                }
            }
        }
        results.rows().stream().filter(r -> r.className().equals("LazyInit_03_ColdStampede"))
                .forEach(r -> assertThat(r.secondary()).containsKeys("pools", "leftOpen", "distinct", "peakConnections"));

        String md = Files.readString(dir.resolve("report.md"));
        assertThat(md).contains("## Headline", "## Environment", "## Decision guide", "were not run");
        for (Strategy s : BenchRunner.availableStrategies()) {
            assertThat(md).contains(s.name());
        }
        assertThat(Files.readString(html)).contains("echarts.init", "error bars");
        assertNoPasswordIn(dir);
    }

    @Test
    void aForkReachesTheParentsDatabaseThroughAPasswordFile(@TempDir Path dir) throws Exception {
        BenchRunner.run(BenchRunner.Profile.SMOKE, dir, dir.resolve("absent-verdicts.json"),
                List.of("-f", "1", "LazyInit_02_SteadyState.baselinePing$"), "smoke -f 1");

        JmhResults results = JmhResults.from(Json.parse(Files.readString(dir.resolve("results.json"))));
        assertThat(results.rows()).singleElement().satisfies(r -> {
            assertThat(r.forks()).isEqualTo(1);
            assertThat(r.primary().score()).isPositive();
            assertThat(String.valueOf(r.json().get("jvmArgs")))
                    .contains("-D" + Databases.PROP_PASSWORD_FILE + "=", "-D" + Databases.PROP_URL + "=");
        });
        assertNoPasswordIn(dir);
    }

    @Test
    void aJdkGivenByPathIsAskedWhatItCanBuildAndForked(@TempDir Path dir) throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        BenchRunner.run(BenchRunner.Profile.SMOKE, dir, dir.resolve("absent-verdicts.json"),
                List.of("LazyInit_02_SteadyState.get$", "-p", "strategy=DOUBLE_CHECKED,STABLE_VALUE"),
                List.of(java), "smoke --jdk " + java);

        JmhResults results = JmhResults.from(Json.parse(Files.readString(dir.resolve("results.json"))));
        assertThat(results.rows()).allSatisfy(r -> {
            assertThat(r.forks()).as("another JVM needs a fork, even in the smoke profile").isEqualTo(1);
            assertThat(r.json().get("jvm")).isEqualTo(java);
            assertThat(r.jdk()).isEqualTo(Runtime.version().feature());
        });
        assertThat(results.rows().stream().map(r -> r.param("strategy")))
                .as("STABLE_VALUE only where the JDK builds it")
                .containsExactlyElementsOf(Strategy.STABLE_VALUE.available()
                        ? List.of("DOUBLE_CHECKED", "STABLE_VALUE") : List.of("DOUBLE_CHECKED"));
        assertThat(Files.readString(dir.resolve("environment.json"))).contains("\"forkJdks\"");
        assertNoPasswordIn(dir);
    }

    @Test
    void aJdkThatIsNotThereIsAClearErrorBeforeAnythingStarts(@TempDir Path dir) {
        assertThatThrownBy(() -> BenchRunner.run(BenchRunner.Profile.SMOKE, dir, dir.resolve("absent.json"),
                List.of(), List.of(dir.resolve("no-such-jdk").toString()), "smoke"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no-such-jdk: no java executable there");
        assertThat(dir.resolve("results.json")).doesNotExist();
    }

    private static void assertNoPasswordIn(Path dir) throws Exception {
        String password = Databases.get().storeConfig("check").password();
        assertThat(password).isNotBlank();
        try (var files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(f)).as("password in " + f.getFileName()).doesNotContain(password);
            }
        }
    }
}
