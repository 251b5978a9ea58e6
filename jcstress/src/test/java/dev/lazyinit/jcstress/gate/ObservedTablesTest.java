package dev.lazyinit.jcstress.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazyinit.harness.contract.Codec;
import dev.lazyinit.harness.contract.ProofVerdicts;
import dev.lazyinit.harness.contract.ProofVerdicts.ProofVerdict;
import dev.lazyinit.harness.contract.Property;
import dev.lazyinit.harness.contract.Strength;
import dev.lazyinit.harness.contract.VerdictKind;
import dev.lazyinit.jcstress.gate.ObservedTables.Column;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The observed tables, over two small verdicts files built here: one per JDK, the older JDK without the strategy
 * that needs the newer one, and a registry that lacks a control the newer file has.
 */
class ObservedTablesTest {

    private static final String PUBLICATION = "dev.lazyinit.jcstress.Lazy_01_Publication_";

    static ProofVerdict verdict(String strategy, Property p, VerdictKind kind, Map<String, Long> observed,
                                String note) {
        String test = p == Property.PUBLICATION ? PUBLICATION + strategy : "";
        return new ProofVerdict(strategy, p, kind, kind == VerdictKind.PASS ? Strength.DISCRIMINATING : Strength.NONE,
                observed.values().stream().mapToLong(Long::longValue).sum(), test, observed, note, "");
    }

    /** JDK 17: STABLE_VALUE cannot run, BROKEN_FINAL_WRAPPER_NON_FINAL is not in its registry. */
    static ProofVerdicts jdk17() {
        return new ProofVerdicts(ProofVerdicts.FORMAT, "gate: -m quick", "17.0.15 Debian", "amd64", "Linux",
                "2026-12-01T10:00:00Z", List.of(
                verdict("SYNCHRONIZED", Property.PUBLICATION, VerdictKind.PASS, Map.of("built, built", 1_828_902L), ""),
                verdict("SYNCHRONIZED", Property.HOLDER_RACE, VerdictKind.NOT_APPLICABLE, Map.of(),
                        "holder-race does not apply to SYNCHRONIZED"),
                verdict("STABLE_VALUE", Property.PUBLICATION, VerdictKind.NOT_APPLICABLE, Map.of(),
                        "needs JDK 25 (this is 17)"),
                verdict("BROKEN_DCL_NON_VOLATILE", Property.PUBLICATION, VerdictKind.NOT_OBSERVED,
                        Map.of("built, built", 937_415L), "")));
    }

    /** JDK 25: everything ran, and the non-final wrapper control was caught. */
    static ProofVerdicts jdk25() {
        return new ProofVerdicts(ProofVerdicts.FORMAT, "gate: -m quick", "25.0.3 Eclipse Adoptium", "amd64", "Linux",
                "2026-12-05T08:41:13Z", "5de001e", List.of(
                verdict("SYNCHRONIZED", Property.PUBLICATION, VerdictKind.PASS, Map.of("built, built", 755_731L), ""),
                verdict("STABLE_VALUE", Property.PUBLICATION, VerdictKind.PASS, Map.of("built, built", 725_011L), ""),
                verdict("BROKEN_DCL_NON_VOLATILE", Property.PUBLICATION, VerdictKind.NOT_OBSERVED,
                        Map.of("built, built", 817_171L), ""),
                verdict("BROKEN_FINAL_WRAPPER_NON_FINAL", Property.PUBLICATION, VerdictKind.CAUGHT,
                        Map.of("built, built", 7_796_463L, "built, null", 1_978L, "null, built", 2_410L), "")));
    }

    static String table() {
        return ObservedTables.markdown(List.of(new Column("jdk17/jcstress-verdicts.json", jdk17()),
                new Column("jdk25/jcstress-verdicts.json", jdk25())));
    }

    static List<String> rowsOf(String md, String heading) {
        List<String> lines = md.lines().toList();
        int start = lines.indexOf(heading);
        assertThat(start).as(heading).isNotNegative();
        return lines.subList(start + 1, lines.size()).stream().dropWhile(String::isEmpty)
                .takeWhile(l -> l.startsWith("|")).toList();
    }

    @Test
    void oneTablePerProofOneColumnPerFileTheVerdictThenTheSamplesOfEachOutcome() {
        List<String> rows = rowsOf(table(), "## publication (`Lazy_01_Publication`)");
        assertThat(rows).startsWith(
                "| strategy | | 1 · amd64 · JDK 17.0.15 Debian | 2 · amd64 · JDK 25.0.3 Eclipse Adoptium |",
                "|---|---|--:|--:|",
                "| **SYNCHRONIZED** | verdict | PASS | PASS |",
                "| | `built, built` | 1,828,902 | 755,731 |");
        assertThat(rows).allSatisfy(r -> assertThat(r.chars().filter(c -> c == '|').count()).as(r).isEqualTo(5));
        assertThat(rows).containsSubsequence(
                "| **BROKEN_DCL_NON_VOLATILE** | verdict | NOT_OBSERVED | NOT_OBSERVED |",
                "| **BROKEN_FINAL_WRAPPER_NON_FINAL** | verdict | — | CAUGHT |",
                "| | `built, built` | — | 7,796,463 |",
                "| | `built, null` | — | 1,978 |",
                "| | `null, built` | — | 2,410 |");
    }

    @Test
    void aStrategyThatDidNotRunOnOneJdkShowsWhyAndNoSamplesThere() {
        String md = table();
        assertThat(rowsOf(md, "## publication (`Lazy_01_Publication`)")).containsSubsequence(
                "| **STABLE_VALUE** | verdict | N/A | PASS |",
                "| | `built, built` | — | 725,011 |");
        assertThat(md).contains("- STABLE_VALUE, column 1: needs JDK 25 (this is 17)\n");
    }

    @Test
    void registryOrderIsKeptAndPropertiesThatApplyToNothingHaveNoTable() {
        String md = table();
        assertThat(ObservedTables.strategies(List.of(new Column("a", jdk17()), new Column("b", jdk25())),
                Property.PUBLICATION)).containsExactly("SYNCHRONIZED", "STABLE_VALUE", "BROKEN_DCL_NON_VOLATILE",
                "BROKEN_FINAL_WRAPPER_NON_FINAL");
        assertThat(md).doesNotContain("## holder-race").doesNotContain("## exactly-once");
    }

    @Test
    void theHeadSaysWhereEachColumnCameFrom() {
        assertThat(rowsOf(table(), "## Where the numbers come from")).containsExactly(
                "| column | file | JDK | machine | mode | generated | commit |",
                "|---|---|---|---|---|---|---|",
                "| 1 | `jdk17/jcstress-verdicts.json` | 17.0.15 Debian | amd64, Linux | `gate: -m quick` |"
                        + " 2026-12-01T10:00:00Z | not recorded |",
                "| 2 | `jdk25/jcstress-verdicts.json` | 25.0.3 Eclipse Adoptium | amd64, Linux | `gate: -m quick` |"
                        + " 2026-12-05T08:41:13Z | `5de001e` |");
        assertThat(table()).contains(ObservedTables.COMMAND.replace(" --out", " \\\n  --out"));
    }

    @Test
    void theGatesSubcommandWritesTheFileNamingEachInputByItsFolderNotItsPath(@TempDir Path dir) throws IOException {
        Path jdk17 = dir.resolve("run-17").resolve("jcstress-verdicts.json");
        Path jdk25 = dir.resolve("run-25").resolve("jcstress-verdicts.json");
        Codec.write(jdk17, jdk17());
        Codec.write(jdk25, jdk25());
        Path out = dir.resolve("docs").resolve("observed.md");
        int status = new CommandLine(new ProofGate()).execute("observed", "--out", out.toString(), jdk17.toString(),
                jdk25.toString());
        assertThat(status).isZero();
        String md = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(md).contains("| 1 | `run-17/jcstress-verdicts.json` |", "| `5de001e` |")
                .doesNotContain(dir.toString());
    }

    @Test
    void aFileThatCannotBeReadWritesNothing(@TempDir Path dir) {
        Path out = dir.resolve("observed.md");
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = new CommandLine(new ObservedTables(System.out, new PrintStream(errors, true,
                StandardCharsets.UTF_8))).execute("--out", out.toString(), dir.resolve("missing.json").toString());
        assertThat(status).isEqualTo(1);
        assertThat(out).doesNotExist();
        assertThat(errors.toString(StandardCharsets.UTF_8)).contains("cannot read").contains("missing.json");
    }

    @Test
    void theCommitIsOptionalAFileWithoutItStillReads() throws IOException {
        ProofVerdicts before = Codec.read(MergeVerdictsTest.JDK25, ProofVerdicts.class, ProofVerdicts.FORMAT);
        assertThat(before.commit()).as("written before the gate recorded its commit").isNull();
        ProofVerdicts back = Codec.fromJson(Codec.toJson(jdk25()), ProofVerdicts.class, ProofVerdicts.FORMAT, "test");
        assertThat(back.commit()).isEqualTo("5de001e");
        assertThat(back.verdicts()).isEqualTo(jdk25().verdicts());
    }

    @Test
    void noCommitOutsideACheckoutOfThisSuite(@TempDir Path dir) {
        assertThat(GitCommit.of(dir)).isNull();
    }
}
