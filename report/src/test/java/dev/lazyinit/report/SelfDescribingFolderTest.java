package dev.lazyinit.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lazyinit.harness.contract.Codec;
import dev.lazyinit.harness.contract.StrategyCatalog;
import dev.lazyinit.harness.contract.StrategyCatalog.Entry;
import dev.lazyinit.strategy.Guarantee;
import dev.lazyinit.strategy.Strategy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A results folder describes the strategies it measured ({@code strategies.json}), so a report of it shows a
 * provider's strategies on a class path without that provider's jar. The folder here is the golden quick run with a
 * provider's strategy added: {@code ACME_LAZY}, from a provider no class path has, measured with the numbers of
 * {@code DOUBLE_CHECKED}. Without the file, the same folder leaves it out and says so: the control that shows the
 * file is what puts it in.
 */
class SelfDescribingFolderTest {

    private static final String ACME = "ACME_LAZY";
    private static final String PROVIDER = "com.acme.AcmeStrategies";

    @TempDir
    Path folder;

    @BeforeEach
    void aGoldenRunWithAProvidersStrategy() throws Exception {
        try (Stream<Path> files = Files.list(Path.of(getClass().getResource("/golden/quick-run/input").toURI()))) {
            for (Path f : files.toList()) {
                Files.copy(f, folder.resolve(f.getFileName().toString()));
            }
        }
        ObjectMapper json = new ObjectMapper();
        Path results = folder.resolve(Inputs.RESULTS);
        ArrayNode rows = (ArrayNode) json.readTree(results.toFile());
        List<ObjectNode> acme = new ArrayList<>();
        rows.forEach(r -> {
            if (r.path("params").path("strategy").asText().equals(Strategy.DOUBLE_CHECKED.name())) {
                ObjectNode copy = r.deepCopy();
                ((ObjectNode) copy.get("params")).put("strategy", ACME);
                acme.add(copy);
            }
        });
        assertThat(acme).as("rows of DOUBLE_CHECKED to copy").isNotEmpty();
        acme.forEach(rows::add);
        json.writeValue(results.toFile(), rows);

        List<Entry> entries = new ArrayList<>(StrategyCatalog.of(Arrays.asList(Strategy.values())).strategies());
        entries.add(new Entry(ACME, PROVIDER, "Acme's lazy holder", "A provider's double-checked locking.",
                Strategy.DOUBLE_CHECKED.guarantees(), Set.of(), Set.of()));
        Codec.write(folder.resolve(Inputs.STRATEGIES), new StrategyCatalog(StrategyCatalog.FORMAT, entries));
    }

    @Test
    void aProvidersStrategyIsShownFromTheFolderAlone() throws Exception {
        assertThat(Arrays.stream(Strategy.values()).map(Strategy::name)).as("not on this class path")
                .doesNotContain(ACME);
        Report.render(folder);
        String md = Files.readString(folder.resolve("report.md"), StandardCharsets.UTF_8);
        assertThat(md).contains(ACME + " (provider " + PROVIDER + ")").doesNotContain("**Not shown:**");
        assertThat(Inputs.read(folder).strategies()).as("the built-in ones are this build's own")
                .contains(Strategy.DOUBLE_CHECKED, Strategy.BROKEN_UNSYNCHRONIZED)
                .filteredOn(s -> s.name().equals(ACME)).singleElement().satisfies(s -> {
                    assertThat(s.available()).isFalse();
                    assertThat(s.provider()).contains(PROVIDER);
                    assertThat(s.guarantees(Guarantee.EXACTLY_ONCE)).isTrue();
                });
    }

    @Test
    void withoutTheDescriptionTheSameFolderLeavesItOutAndSaysSo() throws Exception {
        Files.delete(folder.resolve(Inputs.STRATEGIES));
        Report.render(folder);
        String md = Files.readString(folder.resolve("report.md"), StandardCharsets.UTF_8);
        assertThat(md).contains("**Not shown:** the results hold " + ACME).doesNotContain(ACME + " (provider");
    }
}
