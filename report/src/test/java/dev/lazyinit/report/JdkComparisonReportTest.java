package dev.lazyinit.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lazyinit.harness.contract.Codec;
import dev.lazyinit.harness.contract.Environment;
import dev.lazyinit.strategy.Strategy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of a run on two JDKs, from a results.json written here in JMH's format with numbers chosen so that
 * a mix-up shows: every JDK 17 score but one is 10× its JDK 25 score. What could go wrong: a table that takes the first
 * matching row whatever its JDK would print JDK 17's numbers where JDK 25's belong (or the reverse), and a ratio
 * computed across the wrong rows would not be 10×.
 */
class JdkComparisonReportTest {

    @Test
    void eachJdkKeepsItsOwnNumbersAndTheNewestLeadsTheReport(@TempDir Path dir) throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int jdk : List.of(17, 25)) {
            double f = jdk == 17 ? 10 : 1;
            rows.add(JmhRows.row(jdk, Bench.FIELD_READ, null, 0.5 * f, 0.01 * f));
            rows.add(JmhRows.row(jdk, Bench.GET, Strategy.DOUBLE_CHECKED, 1.25 * f, 0.01 * f));
            rows.add(JmhRows.row(jdk, Bench.GET, Strategy.SYNCHRONIZED, 3.0, 0.5)); // the same on both
            if (jdk == 25) {
                rows.add(JmhRows.row(jdk, Bench.GET, Strategy.HOLDER_IDIOM, 0.75, 0.01));
            }
        }
        Files.writeString(dir.resolve("results.json"), JmhRows.json(rows));
        Codec.write(dir.resolve("environment.json"), new Environment(Environment.FORMAT, "quick", "a CPU", 2, "an OS",
                "a JDK", "1.37", "18.1", "embedded", 2, "2026-01-01T00:00:00Z", 1, "./bench --jdks 17,25",
                List.of(new Environment.ForkJdk(17, "java-17", Map.of()), new Environment.ForkJdk(25, "java-25",
                        Map.of())), null));

        Report.render(dir);
        String md = Files.readString(dir.resolve("report.md"));

        String headline = section(md, "## Headline");
        assertThat(headline).as("the headline shows the newest JDK").contains("1.25 (2.50×)", "0.750 (1.50×)")
                .doesNotContain("12.5");
        String sideBySide = section(md, "## JDKs side by side: JDK 17 vs JDK 25");
        assertThat(line(sideBySide, "| DOUBLE_CHECKED |"))
                .contains("12.5 ± 0.100 (2.50×)", "1.25 ± 0.010 (2.50×)", "| 0.10× ± 0.00 |");
        assertThat(line(sideBySide, "| SYNCHRONIZED |")).as("an error that reaches 1.00× is marked")
                .contains("≈ 1.00× ± 0.24");
        assertThat(line(sideBySide, "| HOLDER_IDIOM |")).as("absent on JDK 17").startsWith("| HOLDER_IDIOM | — |");
        assertThat(section(md, "## Decision guide")).contains("DOUBLE_CHECKED 12.5 → 1.25 ns")
                .doesNotContain("SYNCHRONIZED 3.00 →");
    }

    @Test
    void aRunOnOneJdkSaysHowToCompare(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("results.json"), JmhRows.json(List.of(
                JmhRows.row(17, Bench.GET, Strategy.DOUBLE_CHECKED, 1.0, 0.1))));
        Report.render(dir);
        String md = Files.readString(dir.resolve("report.md"));
        assertThat(section(md, "## JDKs side by side")).contains("measured one JDK (17)", "./bench --jdks 17,25");
        assertThat(section(md, "## Decision guide")).doesNotContain("Does the JDK change the choice?");
    }

    @Test
    void resultsOfAStrategyTheRegistryDoesNotKnowAreNamedNotDroppedInSilence(@TempDir Path dir) throws Exception {
        Map<String, Object> mine = JmhRows.row(17, Bench.GET, Strategy.DOUBLE_CHECKED, 2.0, 0.1);
        mine.put("params", Map.of(Bench.STRATEGY, "MY_HOLDER")); // a provider's, its jar not on this class path
        Files.writeString(dir.resolve("results.json"), JmhRows.json(List.of(mine,
                JmhRows.row(17, Bench.GET, Strategy.DOUBLE_CHECKED, 1.0, 0.1))));
        Report.render(dir);
        String headline = section(Files.readString(dir.resolve("report.md")), "## Headline");
        assertThat(headline).contains("**Not shown:** the results hold MY_HOLDER", "--holder-jar");
        assertThat(headline).as("the known one is shown as ever").contains("| DOUBLE_CHECKED |");
    }

    private static String section(String md, String heading) {
        int start = md.indexOf(heading);
        assertThat(start).as("section " + heading).isNotNegative();
        int end = md.indexOf("\n## ", start + heading.length());
        return end < 0 ? md.substring(start) : md.substring(start, end);
    }

    private static String line(String text, String prefix) {
        return text.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow(
                () -> new AssertionError("no line starting with " + prefix + " in:\n" + text));
    }
}
