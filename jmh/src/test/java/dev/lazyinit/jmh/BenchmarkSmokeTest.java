package dev.lazyinit.jmh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lazyinit.harness.contract.Codec;
import dev.lazyinit.harness.contract.Environment;
import dev.lazyinit.harness.contract.ProofVerdicts;
import dev.lazyinit.harness.db.Databases;
import dev.lazyinit.jmh.runner.Profile;
import dev.lazyinit.jmh.runner.Suite;
import dev.lazyinit.strategy.Strategy;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * Runs every benchmark once with minimal settings, through the same runner and report renderer the
 * {@code bench} command uses, so that a broken benchmark or report fails the build. It asserts that results
 * came back, that the folder holds the inputs of its report, and that no output file holds the database password,
 * never how fast anything was.
 */
@Tag("integration")
class BenchmarkSmokeTest {

    private static final List<Class<?>> BENCHMARKS = List.of(
            LazyInit_01_ColdFirstAccess.class, LazyInit_02_SteadyState.class, LazyInit_03_ColdStampede.class);

    /** One row of JMH's results.json, read with Jackson. */
    record Row(JsonNode json) {

        String className() {
            String b = json.path("benchmark").asText();
            String type = b.substring(0, b.lastIndexOf('.'));
            return type.substring(type.lastIndexOf('.') + 1);
        }

        String method() {
            String b = json.path("benchmark").asText();
            return b.substring(b.lastIndexOf('.') + 1);
        }

        String param(String name) {
            JsonNode p = json.path("params").path(name);
            return p.isMissingNode() ? null : p.asText();
        }

        double score() {
            return json.path("primaryMetric").path("score").asDouble();
        }

        int jdk() {
            return Integer.parseInt(json.path("jdkVersion").asText().split("[.+-]")[0]);
        }
    }

    @Test
    void everyBenchmarkRunsOnceForEveryStrategyAndTheReportIsWritten(@TempDir Path dir) throws Exception {
        Path html = Suite.run(Profile.SMOKE, dir, dir.resolve("absent-verdicts.json"), List.of(), List.of(), "smoke");

        List<Row> rows = rows(dir);
        for (Class<?> benchmark : BENCHMARKS) {
            for (Method m : benchmark.getMethods()) {
                if (!m.isAnnotationPresent(Benchmark.class)) {
                    continue;
                }
                List<Row> mine = rows.stream()
                        .filter(r -> r.className().equals(benchmark.getSimpleName()) && r.method().equals(m.getName()))
                        .toList();
                assertThat(mine).as("results of %s.%s", benchmark.getSimpleName(), m.getName()).isNotEmpty();
                mine.forEach(r -> assertThat(r.score()).as(r.json().path("benchmark") + " " + r.json().path("params"))
                        .isPositive());
                if (mine.stream().anyMatch(r -> r.param("strategy") != null)) {
                    assertThat(mine.stream().map(r -> r.param("strategy")))
                            .as("strategies of %s.%s", benchmark.getSimpleName(), m.getName())
                            .containsAll(Suite.availableStrategies().stream().map(Strategy::name).toList());
                }
            }
        }
        rows.stream().filter(r -> r.className().equals("LazyInit_03_ColdStampede")).forEach(r ->
                assertThat(fieldNames(r.json().path("secondaryMetrics")))
                        .contains("pools", "leftOpen", "distinct", "peakConnections"));
        assertThat(rows.stream().filter(r -> r.className().equals("LazyInit_01_ColdFirstAccess")))
                .as("the interleaved cold row files every subject's shots under its name (PerSubject)")
                .singleElement().satisfies(r -> assertThat(fieldNames(r.json().path("secondaryMetrics")))
                        .contains(LazyInit_01_ColdFirstAccess.BASELINE, LazyInit_01_ColdFirstAccess.BASELINE_AGAIN)
                        .containsAll(Suite.availableStrategies().stream().map(Strategy::name).toList()));

        Environment env = Codec.read(dir.resolve("environment.json"), Environment.class, Environment.FORMAT);
        assertThat(env.profile()).isEqualTo("smoke");
        assertThat(env.command()).isEqualTo("./bench smoke");
        assertThat(env.forkJdks()).singleElement().satisfies(j -> {
            assertThat(j.feature()).isEqualTo(Runtime.version().feature());
            assertThat(j.javaPath()).isEqualTo("the runner's");
        });
        assertThat(dir.resolve("jcstress-verdicts.json")).as("no verdicts were produced: none copied").doesNotExist();

        String md = Files.readString(dir.resolve("report.md"));
        assertThat(md).contains("## Headline", "## Environment", "## Decision guide", "were not run");
        for (Strategy s : Suite.availableStrategies()) {
            assertThat(md).contains(s.name());
        }
        assertThat(Files.readString(html)).contains("echarts.init", "error bars");
        assertNoPasswordIn(dir);
    }

    @Test
    void aForkReachesTheParentsDatabaseThroughAPasswordFileAndTheVerdictsAreCopied(@TempDir Path dir)
            throws Exception {
        Path verdicts = dir.resolve("elsewhere.json");
        Codec.write(verdicts, new ProofVerdicts(ProofVerdicts.FORMAT, "none", "a JVM", "an arch", "an OS",
                "2025-01-01T00:00:00Z", List.of()));
        Path folder = dir.resolve("results");
        Suite.run(Profile.SMOKE, folder, verdicts, List.of("-f", "1", "LazyInit_02_SteadyState.pingTwin$"),
                List.of(), "smoke -f 1");

        assertThat(rows(folder)).singleElement().satisfies(r -> {
            assertThat(r.json().path("forks").asInt()).isEqualTo(1);
            assertThat(r.score()).isPositive();
            assertThat(r.json().path("jvmArgs").toString())
                    .contains("-D" + Databases.PROP_PASSWORD_FILE + "=", "-D" + Databases.PROP_URL + "=");
        });
        assertThat(folder.resolve("jcstress-verdicts.json")).as("the report reads its folder only")
                .hasSameTextualContentAs(verdicts);
        assertNoPasswordIn(folder);
    }

    @Test
    void aJdkGivenByPathIsAskedWhatItCanBuildAndForked(@TempDir Path dir) throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Suite.run(Profile.SMOKE, dir, dir.resolve("absent-verdicts.json"),
                List.of("LazyInit_02_SteadyState.get$", "-p", "strategy=DOUBLE_CHECKED,STABLE_VALUE,LAZY_CONSTANT"),
                List.of(java), "smoke --jdks " + java);

        List<Row> rows = rows(dir);
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.json().path("forks").asInt()).as("another JVM needs a fork, even in the smoke profile")
                    .isEqualTo(1);
            assertThat(r.json().path("jvm").asText()).isEqualTo(java);
            assertThat(r.jdk()).isEqualTo(Runtime.version().feature());
        });
        assertThat(rows.stream().map(r -> r.param("strategy")))
                .as("the preview strategies only where the JDK builds them")
                .containsExactlyElementsOf(Stream.of(Strategy.DOUBLE_CHECKED, Strategy.STABLE_VALUE,
                        Strategy.LAZY_CONSTANT).filter(Strategy::available).map(Strategy::name).toList());
        Environment env = Codec.read(dir.resolve("environment.json"), Environment.class, Environment.FORMAT);
        assertThat(env.forkJdks()).singleElement().satisfies(j -> assertThat(j.javaPath()).isEqualTo(java));
        assertNoPasswordIn(dir);
    }

    @Test
    void aJdkThatIsNotThereIsAClearErrorBeforeAnythingStarts(@TempDir Path dir) {
        assertThatThrownBy(() -> Suite.run(Profile.SMOKE, dir, dir.resolve("absent.json"),
                List.of(), List.of(dir.resolve("no-such-jdk").toString()), "smoke"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no-such-jdk' is neither a feature number nor a JDK folder nor a java"
                        + " executable");
        assertThat(dir.resolve("results.json")).doesNotExist();
    }

    private static List<Row> rows(Path folder) throws IOException {
        List<Row> rows = new ArrayList<>();
        new ObjectMapper().readTree(folder.resolve("results.json").toFile()).forEach(n -> rows.add(new Row(n)));
        return rows;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
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
