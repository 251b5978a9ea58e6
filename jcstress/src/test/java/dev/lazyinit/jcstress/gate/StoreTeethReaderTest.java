package dev.lazyinit.jcstress.gate;

import static dev.lazyinit.jcstress.gate.TeethTableTest.IS_BUG;
import static dev.lazyinit.jcstress.gate.TeethTableTest.dynamicLayer;
import static dev.lazyinit.jcstress.gate.TeethTableTest.group;
import static dev.lazyinit.jcstress.gate.TeethTableTest.staticLayer;
import static dev.lazyinit.jcstress.gate.TeethTableTest.store;
import static dev.lazyinit.jcstress.gate.TeethTableTest.verdicts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lazyinit.harness.contract.Codec;
import dev.lazyinit.harness.contract.Layer;
import dev.lazyinit.harness.contract.Teeth;
import dev.lazyinit.harness.contract.Teeth.Row;
import dev.lazyinit.harness.contract.VerdictKind;
import dev.lazyinit.jcstress.gate.TeethTable.Result;
import dev.lazyinit.strategy.Guarantee;
import dev.lazyinit.strategy.Strategy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store tests' rows read from their folder ({@link StoreTeethReader}), judged, and the table written back as a
 * {@link Teeth} file through the {@link Codec}, each row's layer as its id.
 */
class StoreTeethReaderTest {

    @Test
    void storeRowsAreReadFromEveryFileInTheFolderAndTheTableIsWrittenAsATeethFile(@TempDir Path dir)
            throws IOException {
        Path teeth = dir.resolve("teeth");
        assertThat(StoreTeethReader.read(teeth).excused()).as("no folder: the store tests did not run").isTrue();
        Row waiters = store(VerdictKind.CAUGHT).rows().orElseThrow().get(0);
        Row other = new Row(Guarantee.PER_INSTANCE, Strategy.SYNCHRONIZED.name(), Layer.STORE, "TwoHoldersTest",
                VerdictKind.PASS, 2, "two holders, two values");
        Codec.write(teeth.resolve("FailureSemanticsTest.json"), new Teeth(Teeth.FORMAT, "now", List.of(waiters)));
        Codec.write(teeth.resolve("ScopeTest.json"), new Teeth(Teeth.FORMAT, "now", List.of(other)));
        TeethInput<List<Row>> read = StoreTeethReader.read(teeth);
        assertThat(read.rows()).hasValue(List.of(waiters, other));

        TeethTable t = TeethTable.build(verdicts(null, null), IS_BUG, null, staticLayer(), dynamicLayer(), read);
        assertThat(t.failures()).isEmpty();
        assertThat(group(t, Guarantee.PER_INSTANCE, Strategy.SYNCHRONIZED).result()).as("shown, not judged")
                .isEqualTo(Result.NONE);
        Path out = dir.resolve("teeth.json");
        Codec.write(out, t.teeth());
        Teeth back = Codec.read(out, Teeth.class, Teeth.FORMAT);
        assertThat(back.rows()).contains(waiters, other).hasSize(t.teeth().rows().size());
        assertThat(Files.readString(out)).as("a layer is written as its id, as before it was typed")
                .contains("\"layer\" : \"store\"", "\"layer\" : \"static\"", "\"layer\" : \"dynamic\"",
                        "\"layer\" : \"jcstress\"")
                .doesNotContain("\"STORE\"");

        Files.writeString(teeth.resolve("broken.json"), "{\"format\": \"something-else/1\"}");
        assertThat(StoreTeethReader.read(teeth).rows()).isEmpty();
        assertThat(StoreTeethReader.read(teeth).excused()).as("an unreadable file is not a skipped test").isFalse();
    }

    /** A file naming a layer the suite does not have is refused, not read as a row of no layer. */
    @Test
    void aRowOfAnUnknownLayerIsNotRead(@TempDir Path dir) throws IOException {
        Row waiters = store(VerdictKind.CAUGHT).rows().orElseThrow().get(0);
        String json = Codec.toJson(new Teeth(Teeth.FORMAT, "now", List.of(waiters)));
        Files.writeString(dir.resolve("ours.json"), json.replace("\"store\"", "\"elsewhere\""));
        TeethInput<List<Row>> read = StoreTeethReader.read(dir);
        assertThat(read.rows()).isEmpty();
        assertThat(read.source()).contains("cannot read", "elsewhere");
        assertThat(read.excused()).isFalse();
    }
}
