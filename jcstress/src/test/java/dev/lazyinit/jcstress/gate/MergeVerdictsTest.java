package dev.lazyinit.jcstress.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazyinit.harness.contract.Codec;
import dev.lazyinit.harness.contract.ProofVerdicts;
import dev.lazyinit.harness.contract.ProofVerdicts.ProofVerdict;
import dev.lazyinit.harness.contract.Property;
import dev.lazyinit.harness.contract.Strength;
import dev.lazyinit.harness.contract.VerdictKind;
import dev.lazyinit.strategy.Strategy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The merge of verdicts files from several machines, on files the gate wrote on this machine with JDK 17 and JDK 25
 * (two JDKs standing in for two machines), and on a copy of one in which the non-volatile DCL control's publication
 * bug was caught, as an arm64 machine would show it.
 */
class MergeVerdictsTest {

    static final Path JDK17 = Path.of("src", "test", "resources", "merge", "x86_64-jdk17.json");
    static final Path JDK25 = Path.of("src", "test", "resources", "merge", "x86_64-jdk25.json");

    static ProofVerdicts read(Path file) throws IOException {
        return Codec.read(file, ProofVerdicts.class, ProofVerdicts.FORMAT);
    }

    static ProofVerdict cell(ProofVerdicts v, Strategy s, Property p) {
        return v.find(s.name(), p).orElseThrow();
    }

    @Test
    void twoX86RunsLeaveThePublicationPassUndiscriminated() throws IOException {
        ProofVerdicts merged = MergeVerdicts.merge(List.of(read(JDK17), read(JDK25)));
        ProofVerdict dcl = cell(merged, Strategy.DOUBLE_CHECKED, Property.PUBLICATION);
        assertThat(dcl.verdict()).isEqualTo(VerdictKind.PASS);
        assertThat(dcl.strength()).as("no x86 run catches the non-volatile DCL").isEqualTo(Strength.UNDISCRIMINATED);
        assertThat(cell(merged, Strategy.DOUBLE_CHECKED, Property.EXACTLY_ONCE).strength())
                .as("the unsynchronized control is caught by exactly-once on x86").isEqualTo(Strength.DISCRIMINATING);
        assertThat(dcl.samples()).isEqualTo(cell(read(JDK17), Strategy.DOUBLE_CHECKED, Property.PUBLICATION).samples()
                + cell(read(JDK25), Strategy.DOUBLE_CHECKED, Property.PUBLICATION).samples());
        assertThat(cell(merged, Strategy.STABLE_VALUE, Property.PUBLICATION).verdict())
                .as("N/A on JDK 17, PASS on JDK 25").isEqualTo(VerdictKind.PASS);
    }

    @Test
    void aMachineThatCatchesTheControlMakesThePassDiscriminating() throws IOException {
        ProofVerdicts x86 = read(JDK17);
        ProofVerdicts arm = caughtPublication(read(JDK25));
        ProofVerdicts merged = MergeVerdicts.merge(List.of(x86, arm));
        assertThat(cell(merged, Strategy.BROKEN_DCL_NON_VOLATILE, Property.PUBLICATION).verdict())
                .isEqualTo(VerdictKind.CAUGHT);
        assertThat(cell(merged, Strategy.DOUBLE_CHECKED, Property.PUBLICATION).shown()).isEqualTo("PASS");
        String table = MergeVerdicts.markdown(List.of(x86, arm), merged);
        assertThat(table).contains("| aarch64 · Linux ").contains("| amd64 · Linux ");
        String row = table.lines().filter(l -> l.startsWith("| DOUBLE_CHECKED | publication |")).findFirst()
                .orElseThrow();
        assertThat(row).as("undiscriminated on x86 alone, discriminating merged")
                .contains("| PASS (undiscriminated) ").endsWith("| **PASS** |");
    }

    @Test
    void aFailOnAnyMachineIsAMergedFail() throws IOException {
        ProofVerdicts x86 = read(JDK17);
        ProofVerdicts broken = replace(read(JDK25), Strategy.SYNCHRONIZED, Property.SAME_INSTANCE, VerdictKind.FAIL);
        assertThat(cell(MergeVerdicts.merge(List.of(x86, broken)), Strategy.SYNCHRONIZED, Property.SAME_INSTANCE)
                .verdict()).isEqualTo(VerdictKind.FAIL);
    }

    @Test
    void linuxAndMacOsOnArm64WithTheSameJdkAreTwoColumns() throws IOException {
        ProofVerdicts linux = caughtPublication(read(JDK25));
        ProofVerdicts mac = new ProofVerdicts(linux.format(), linux.mode(), linux.jvm(), linux.arch(), "Mac OS X 15.5",
                linux.generatedAt(), linux.verdicts());
        String table = MergeVerdicts.markdown(List.of(mac, linux), MergeVerdicts.merge(List.of(mac, linux)));
        String heading = table.lines().filter(l -> l.startsWith("| strategy |")).findFirst().orElseThrow();
        assertThat(heading).as("grouped by architecture, then OS")
                .containsSubsequence("| aarch64 · Linux ", "| aarch64 · Mac OS X 15.5 · JDK " + linux.jvm() + " |");
    }

    /** The JDK 25 file as an arm64 machine that saw the partly built value would have written it. */
    static ProofVerdicts caughtPublication(ProofVerdicts v) {
        ProofVerdicts caught = replace(v, Strategy.BROKEN_DCL_NON_VOLATILE, Property.PUBLICATION, VerdictKind.CAUGHT);
        return new ProofVerdicts(caught.format(), caught.mode(), caught.jvm(), "aarch64", caught.os(),
                caught.generatedAt(), caught.verdicts());
    }

    static ProofVerdicts replace(ProofVerdicts v, Strategy s, Property p, VerdictKind kind) {
        List<ProofVerdict> changed = v.verdicts().stream().map(x -> !x.strategy().equals(s.name()) || x.property() != p
                ? x : new ProofVerdict(x.strategy(), x.property(), kind, x.samples(), x.test(), x.observed(),
                        "changed by the test")).toList();
        return new ProofVerdicts(v.format(), v.mode(), v.jvm(), v.arch(), v.os(), v.generatedAt(),
                ProofVerdicts.withStrength(changed));
    }
}
