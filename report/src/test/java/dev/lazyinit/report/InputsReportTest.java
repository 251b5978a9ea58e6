package dev.lazyinit.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lazyinit.harness.contract.FormatException;
import dev.lazyinit.harness.contract.VirtualThreadResults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A results folder is read whole and only from itself; a file in another format is refused, by name. */
class InputsReportTest {

    @Test
    void onlyResultsJsonIsRequired(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(Inputs.RESULTS), JmhRows.json(List.of(JmhRows.row(17, Bench.GET, null, 1, 0.1))));
        Inputs in = Inputs.read(dir);
        assertThat(in.results().rows()).hasSize(1);
        assertThat(in.environment()).isEmpty();
        assertThat(in.verdicts()).isEmpty();
        assertThat(in.failures()).isEmpty();
        assertThat(in.virtualThreads()).isEmpty();
    }

    @Test
    void aFileWithoutAFormatIsRefusedWithItsName(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(Inputs.RESULTS), "[]");
        Files.writeString(dir.resolve(Inputs.VIRTUAL_THREADS), "{\"jdk\": \"25\", \"rows\": []}");
        assertThatThrownBy(() -> Report.render(dir)).isInstanceOf(FormatException.class)
                .hasMessageContaining(Inputs.VIRTUAL_THREADS).hasMessageContaining(VirtualThreadResults.FORMAT);
        assertThat(dir.resolve("report.md")).doesNotExist();
    }

    @Test
    void resultsThatAreNotJmhsAreRefusedWithTheirName(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(Inputs.RESULTS), "{\"benchmark\": 1}");
        assertThatThrownBy(() -> Inputs.read(dir)).hasMessageContaining(Inputs.RESULTS)
                .hasMessageContaining("not a JMH JSON result");
    }
}
