package dev.lazyinit.jcstress.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazyinit.harness.contract.Codec;
import dev.lazyinit.harness.contract.ProofVerdicts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * The merge's check that every run of a CI matrix delivered its verdicts file ({@code --expect}), on files laid out
 * as a CI download lays out one artifact per folder ({@code verdicts/<artifact>/jcstress/target/...}), each written
 * with the project's codec from the verdicts the gate wrote on JDK 17 and JDK 25.
 */
class MergeVerdictsExpectTest {

    static final String X86_17 = "verdicts-ubuntu-24.04-jdk17";
    static final String X86_25 = "verdicts-ubuntu-24.04-jdk25";
    static final String ARM_25 = "verdicts-ubuntu-24.04-arm-jdk25";
    static final String ALL = String.join(",", X86_17, X86_25, ARM_25);

    @TempDir
    Path dir;

    Path x86jdk17;
    Path x86jdk25;
    Path armJdk25;

    final ByteArrayOutputStream console = new ByteArrayOutputStream();
    final ByteArrayOutputStream errors = new ByteArrayOutputStream();

    @BeforeEach
    void threeRuns() throws IOException {
        x86jdk17 = delivered(X86_17, MergeVerdictsTest.read(MergeVerdictsTest.JDK17));
        x86jdk25 = delivered(X86_25, MergeVerdictsTest.read(MergeVerdictsTest.JDK25));
        armJdk25 = delivered(ARM_25, MergeVerdictsTest.caughtPublication(MergeVerdictsTest.read(MergeVerdictsTest.JDK25)));
    }

    /** Where a CI download puts the verdicts file of the run that uploaded it as {@code artifact}. */
    Path fileOf(String artifact) {
        return dir.resolve("verdicts").resolve(artifact).resolve("jcstress/target/jcstress-verdicts.json");
    }

    Path delivered(String artifact, ProofVerdicts verdicts) throws IOException {
        Path f = fileOf(artifact);
        Codec.write(f, verdicts);
        return f;
    }

    int merge(Object... args) {
        List<String> line = new ArrayList<>();
        for (Object a : args) {
            line.add(a.toString());
        }
        return new CommandLine(new MergeVerdicts(new PrintStream(console, true, StandardCharsets.UTF_8),
                new PrintStream(errors, true, StandardCharsets.UTF_8))).execute(line.toArray(String[]::new));
    }

    String errors() {
        return errors.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everyExpectedRunDeliveredSoTheMergeSucceeds() throws IOException {
        Path table = dir.resolve("merged.md");
        Path json = dir.resolve("merged.json");
        assertThat(merge("--expect", ALL, "--out", table, "--json", json, x86jdk17, x86jdk25, armJdk25)).isZero();
        assertThat(errors()).isEmpty();
        assertThat(Files.readString(table)).startsWith("# JCStress verdicts merged from 3 machines")
                .contains("| aarch64 · Linux ").doesNotContain("INCOMPLETE");
        assertThat(Codec.read(json, ProofVerdicts.class, ProofVerdicts.FORMAT).verdicts()).isNotEmpty();
    }

    @Test
    void theRunsMayAlsoBeGivenOneAnOptionAndThroughTheGatesCommandLine() {
        assertThat(merge("--expect", X86_17, "--expect", X86_25, "--expect", ARM_25, "--out", dir.resolve("m.md"),
                x86jdk17, x86jdk25, armJdk25)).isZero();
        assertThat(new CommandLine(new ProofGate()).execute("merge", "--expect", ALL, "--out",
                dir.resolve("gate.md").toString(), x86jdk17.toString(), x86jdk25.toString(), armJdk25.toString()))
                .isZero();
    }

    @Test
    void aRunThatDeliveredNoFileFailsTheMergeAndIsNamed() throws IOException {
        Path table = dir.resolve("merged.md");
        Path json = dir.resolve("merged.json");
        Files.writeString(json, "an earlier merge's");
        // the search of the downloaded folders finds only two files: the arm64 run left none
        assertThat(merge("--expect", ALL, "--out", table, "--json", json, x86jdk17, x86jdk25)).isEqualTo(1);
        assertThat(errors()).contains("[merge] FAILED")
                .contains("run " + ARM_25 + " delivered no verdicts file")
                .doesNotContain("run " + X86_17).doesNotContain("run " + X86_25);
        assertThat(Files.readString(table)).as("the table says what is missing before what it shows")
                .startsWith("# INCOMPLETE").contains(ARM_25).contains("# JCStress verdicts merged from 2 machines");
        assertThat(json).as("a verdicts file cannot say it lacks a machine").doesNotExist();
    }

    @Test
    void noFileAtAllNamesEveryRun() throws IOException {
        // what a CI step passes when its search of the downloaded folders found nothing
        Path table = dir.resolve("m.md");
        assertThat(merge("--expect", ALL, "--out", table)).isEqualTo(1);
        assertThat(errors()).contains("run " + X86_17 + " delivered no verdicts file")
                .contains("run " + X86_25 + " delivered no verdicts file")
                .contains("run " + ARM_25 + " delivered no verdicts file");
        assertThat(Files.readString(table)).startsWith("# INCOMPLETE").doesNotContain("# JCStress verdicts merged");

        errors.reset();
        // an unmatched shell glob reaches the command as the pattern itself
        Path pattern = dir.resolve("verdicts/*/jcstress/target/jcstress-verdicts.json");
        assertThat(merge("--expect", ALL, "--out", table, pattern)).isEqualTo(1);
        assertThat(errors()).contains(pattern + ": no such file").contains("run " + ARM_25 + " delivered no");
    }

    @Test
    void neitherFilesNorExpectedRunsIsABadCommandLine() {
        assertThat(merge("--out", dir.resolve("m.md"))).isEqualTo(2);
    }

    static Stream<Arguments> brokenFiles() {
        return Stream.of(
                Arguments.of("empty", "", "empty"),
                Arguments.of("cut short", "{\n  \"format\" : \"lazyinit-verdicts/3\",\n  \"verdicts\" : [ {",
                        "is not valid JSON"),
                Arguments.of("not a verdicts file", "{\"format\": \"lazyinit-teeth/1\"}", "is in format"),
                Arguments.of("no verdicts", "{\"format\": \"lazyinit-verdicts/3\", \"mode\": \"gate\", \"jvm\": \"17\","
                        + " \"arch\": \"aarch64\", \"os\": \"Linux\", \"generatedAt\": \"now\", \"verdicts\": []}",
                        "holds no verdicts"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFiles")
    void anUnusableFileFailsTheMergeNamingItsRun(String what, String content, String said) throws IOException {
        Files.writeString(armJdk25, content, StandardCharsets.UTF_8);
        assertThat(merge("--expect", ALL, "--out", dir.resolve("m.md"), x86jdk17, x86jdk25, armJdk25)).isEqualTo(1);
        assertThat(errors()).contains("run " + ARM_25 + ": " + armJdk25).contains(said);
    }

    @Test
    void aFileOfNoExpectedRunOrTwoFilesOfOneFailTheMerge() throws IOException {
        // the matrix grew but the list of runs did not: one file too many
        Path extra = delivered("verdicts-macos-15-jdk25", MergeVerdictsTest.read(MergeVerdictsTest.JDK25));
        assertThat(merge("--expect", ALL, "--out", dir.resolve("m.md"), x86jdk17, x86jdk25, armJdk25, extra))
                .isEqualTo(1);
        assertThat(errors()).contains(extra + " is in none of the expected runs' folders");

        errors.reset();
        Path second = fileOf(X86_17).resolveSibling("copy").resolve("jcstress-verdicts.json");
        Codec.write(second, MergeVerdictsTest.read(MergeVerdictsTest.JDK17));
        assertThat(merge("--expect", ALL, "--out", dir.resolve("m.md"), x86jdk17, second, x86jdk25, armJdk25))
                .isEqualTo(1);
        assertThat(errors()).contains("run " + X86_17 + " has 2 verdicts files");
    }

    @Test
    void aPrefixOfARunsNameIsNotThatRun() {
        // verdicts-ubuntu-24.04-jdk25 must not be taken for the file of a run named verdicts-ubuntu-24.04
        assertThat(merge("--expect", "verdicts-ubuntu-24.04," + X86_25, "--out", dir.resolve("m.md"), x86jdk25))
                .isEqualTo(1);
        assertThat(errors()).contains("run verdicts-ubuntu-24.04 delivered no verdicts file");
    }

    @Test
    void anEmptyListOfRunsIsRefused() {
        // what a CI step passes when the job that computes the list failed
        assertThat(merge("--expect", "", "--out", dir.resolve("m.md"), x86jdk17)).isEqualTo(1);
        assertThat(errors()).contains("--expect \"\" names no run");
    }

    @Test
    void withoutExpectAMissingFileStillFails() {
        assertThat(merge("--out", dir.resolve("m.md"), x86jdk17, dir.resolve("nowhere.json"))).isEqualTo(1);
        assertThat(errors()).contains(dir.resolve("nowhere.json") + ": no such file");
        errors.reset();
        assertThat(merge("--out", dir.resolve("m.md"), x86jdk17, x86jdk25)).isZero();
        assertThat(errors()).isEmpty();
    }
}
