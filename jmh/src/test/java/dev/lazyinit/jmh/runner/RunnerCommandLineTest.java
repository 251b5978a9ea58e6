package dev.lazyinit.jmh.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner's command line and JDK knowledge, without running anything: what could go wrong is a JMH option lost
 * or reordered on its way through, a profile taken for a JMH argument, or bad input that starts a run (or prints a
 * stack trace) instead of one line and exit code 2.
 */
class RunnerCommandLineTest {

    /** What the command line handed to the suite. */
    record Call(Profile profile, Path folder, Path verdicts, List<String> jmhArgs, List<String> jdks, String command) {
    }

    private final List<Call> calls = new ArrayList<>();
    private final StringWriter err = new StringWriter();

    private int bench(String... args) {
        return BenchRunner.execute((profile, folder, verdicts, jmhArgs, jdks, command) -> {
            calls.add(new Call(profile, folder, verdicts, jmhArgs, jdks, command));
            return folder.resolve("report.html");
        }, new PrintWriter(err, true), args);
    }

    @Test
    void jmhOptionsPassThroughInOrderAroundTheRunnersOwn() {
        assertThat(bench("full", "-p", "strategy=DOUBLE_CHECKED,SYNCHRONIZED", "--jdks", "17,25", "LazyInit_03",
                "--results", "out", "-jvmArgsAppend", "-Xmx1g", "-f", "2", "--jdk=/opt/jdk", "--verdicts", "v.json",
                "--", "-i", "3")).isZero();
        assertThat(calls).singleElement().satisfies(c -> {
            assertThat(c.profile()).isEqualTo(Profile.FULL);
            assertThat(c.jmhArgs()).containsExactly("-p", "strategy=DOUBLE_CHECKED,SYNCHRONIZED", "LazyInit_03",
                    "-jvmArgsAppend", "-Xmx1g", "-f", "2", "-i", "3");
            assertThat(c.jdks()).containsExactly("17", "25", "/opt/jdk");
            assertThat(c.folder()).isEqualTo(Path.of("out"));
            assertThat(c.verdicts()).isEqualTo(Path.of("v.json"));
            assertThat(c.command()).startsWith("full -p strategy=");
        });
    }

    @Test
    void withoutAProfileItIsQuick() {
        assertThat(bench("--jdks", "17", "-p", "threads=64")).isZero();
        assertThat(bench()).isZero();
        assertThat(calls).extracting(Call::profile).containsExactly(Profile.QUICK, Profile.QUICK);
        assertThat(calls.get(0).jmhArgs()).containsExactly("-p", "threads=64");
        assertThat(calls.get(1).folder().toString()).startsWith("results").endsWith("-quick");
        assertThat(calls.get(1).verdicts()).isEqualTo(ResultsFolder.DEFAULT_VERDICTS);
    }

    @Test
    void badInputIsOneLineAndExitCodeTwo(@TempDir Path dir) {
        assertThat(bench("LazyInit_03")).isEqualTo(2);
        assertThat(err.toString()).startsWith("bench: unknown profile 'LazyInit_03' (quick, full or render)");
        assertThat(bench("quick", "--jdks")).isEqualTo(2);
        assertThat(bench("render")).isEqualTo(2);
        assertThat(bench("render", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("bench: " + dir + " holds no results.json");
        assertThat(calls).isEmpty();

        int exit = BenchRunner.execute((p, f, v, a, j, c) -> {
            throw new BadInput("no JDK 99 found");
        }, new PrintWriter(err, true), "quick", "--jdks", "99");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("bench: no JDK 99 found").doesNotContain("at dev.lazyinit");

        for (String listing : List.of("-l", "-lp", "-lprof", "-lrf", "-h")) {
            assertThatThrownBy(() -> JmhParts.parse(List.of("LazyInit_02", listing))).as(listing)
                    .isInstanceOf(BadInput.class).hasMessageContaining("java -jar jmh/target/benchmarks.jar LazyInit_02 "
                            + listing);
        }
        assertThat(JmhParts.parse(List.of("LazyInit_02", "-f", "3")).getForkCount().get()).isEqualTo(3);
    }

    @Test
    void renderCopiesTheVerdictsItIsGivenIntoTheFolder(@TempDir Path dir) throws Exception {
        assertThat(bench("render", dir.toString(), "--verdicts", dir.resolve("absent.json").toString()))
                .isEqualTo(2); // no results.json: said before anything is copied
        Files.writeString(dir.resolve("results.json"), "[]");
        assertThat(bench("render", dir.toString(), "--verdicts", dir.resolve("absent.json").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("absent.json: no such file");
    }

    @Test
    void aStaleCopyIsRemovedWhenThisRunHasNone(@TempDir Path dir) throws Exception {
        Path verdicts = Files.writeString(dir.resolve("v.json"), "{}");
        Path folder = Files.createDirectories(dir.resolve("results"));
        ResultsFolder.copyVerdictsIfPresent(verdicts, folder);
        assertThat(folder.resolve(ResultsFolder.VERDICTS)).hasSameTextualContentAs(verdicts);
        ResultsFolder.copyVerdictsIfPresent(dir.resolve("absent.json"), folder);
        assertThat(folder.resolve(ResultsFolder.VERDICTS)).doesNotExist();
    }

    @Test
    void jdkFlagsAndBadJdksAreKnownInOnePlace(@TempDir Path dir) {
        assertThat(Jdks.flags(17)).isEmpty();
        assertThat(Jdks.flags(21)).isEmpty();
        assertThat(Jdks.flags(22)).containsExactly("--enable-native-access=ALL-UNNAMED");
        assertThat(Jdks.flags(25)).containsExactly("--enable-native-access=ALL-UNNAMED", "--enable-preview");
        assertThatThrownBy(() -> Jdks.resolve("99")).hasMessage("no JDK 99 found in JAVA_HOME, on the PATH or in"
                + " /usr/lib/jvm; give its folder instead, e.g. --jdks /opt/jdk-99");
        assertThatThrownBy(() -> Jdks.resolve(dir.resolve("none").toString())).hasMessage("--jdks: '"
                + dir.resolve("none") + "' is neither a feature number nor a JDK folder nor a java executable");
        assertThatThrownBy(() -> Jdks.resolve(dir.toString())).hasMessageContaining("is neither");
        assertThatThrownBy(() -> Jdks.runnerJdk(List.of("quick", "--jdks")))
                .hasMessage("--jdks needs a list, e.g. --jdks 17,25");

        Jdks.Jdk here = Jdks.resolve(Jdks.current().home().toString());
        assertThat(here.feature()).isEqualTo(Runtime.version().feature());
        assertThat(Jdks.runnerJdk(List.of("--jdks", here.home().toString(), "-p", "x=y")).java())
                .isEqualTo(here.java());
        assertThat(Jdks.runnerJdk(List.of("--", "--jdks", "99"))).as("after --, JMH's").isNotNull();
    }
}
