package dev.lazyinit.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Renders the small results folders checked in under {@code golden/<case>/input} and compares the report with
 * {@code golden/<case>/expected}: {@code report.md} whole, and the HTML's body (everything but the head, where the
 * ECharts library is inlined).
 *
 * <ul>
 *   <li>{@code quick-run}: a quick run's files (JDK 17 forks, fewer strategies and thread counts), its
 *       environment and virtual-thread stampede, and a verdicts file and failure table in the typed formats;</li>
 *   <li>{@code two-jdks}: bare JMH results, the same rows as if also forked on JDK 25 (halved steady state), no
 *       other file: the JDK comparison and every "not available" wording.</li>
 * </ul>
 *
 * <p>After an intended change of the report, regenerate the expected files and review their diff:
 * {@code ./mvnw -B -pl report -am test -Dtest=GoldenReportTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dgolden.update=true} (from the repository root; it writes into {@code report/src/test/resources/golden}).
 */
class GoldenReportTest {

    private static final boolean UPDATE = Boolean.getBoolean("golden.update");
    /** Where the expected files are kept in the source tree; the tests run in the module's folder. */
    private static final Path SOURCES = Path.of("src", "test", "resources", "golden");

    @ParameterizedTest
    @ValueSource(strings = {"quick-run", "two-jdks"})
    void theReportOfACheckedInResultsFolderIsTheExpectedOne(String name, @TempDir Path folder) throws Exception {
        Path input = resource("golden/" + name + "/input");
        try (Stream<Path> files = Files.list(input)) {
            for (Path f : files.toList()) {
                Files.copy(f, folder.resolve(f.getFileName().toString()));
            }
        }
        Report.render(folder);
        String md = Files.readString(folder.resolve("report.md"), StandardCharsets.UTF_8);
        String html = Files.readString(folder.resolve("report.html"), StandardCharsets.UTF_8);
        assertThat(html).as("ECharts inlined in the head").contains(HtmlPage.echartsScript().substring(0, 200));
        String body = html.substring(html.indexOf("<body>"));

        for (var file : List.of(new String[] {"report.md", md}, new String[] {"report-body.html", body})) {
            Path expected = SOURCES.resolve(name).resolve("expected").resolve(file[0]);
            if (UPDATE) {
                Files.createDirectories(expected.getParent());
                Files.writeString(expected, file[1], StandardCharsets.UTF_8);
                continue;
            }
            assertThat(file[1]).as(file[0] + " of golden/" + name + " (if the change is intended, regenerate with"
                    + " -Dgolden.update=true, see this test's comment)")
                    .isEqualTo(text("golden/" + name + "/expected/" + file[0]));
        }
    }

    private static Path resource(String name) throws URISyntaxException {
        URL url = GoldenReportTest.class.getClassLoader().getResource(name);
        assertThat(url).as(name + " on the test class path").isNotNull();
        return Path.of(url.toURI());
    }

    private static String text(String name) throws IOException {
        try (InputStream in = GoldenReportTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name + " on the test class path (generate it with -Dgolden.update=true)").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
