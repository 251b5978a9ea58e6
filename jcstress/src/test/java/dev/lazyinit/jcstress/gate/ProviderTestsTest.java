package dev.lazyinit.jcstress.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate reads the providers' Surefire reports: every failed or erroneous test is a failure of the gate. */
class ProviderTestsTest {

    @Test
    void failedAndErroneousTestsAreNamedWithTheirMessage(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("TEST-dev.lazyinit.race.StampedeTest.xml"), """
                <testsuite name="dev.lazyinit.race.StampedeTest" tests="3" failures="1" errors="1">
                  <testcase name="oneLivePool(CHECK_THEN_ACT)" classname="dev.lazyinit.race.StampedeTest">
                    <failure message="[stores created]
                      expected: 1 but was: 10" type="org.opentest4j.AssertionFailedError">trace</failure>
                  </testcase>
                  <testcase name="ok(VAVR_LAZY)" classname="dev.lazyinit.race.StampedeTest"/>
                  <testcase name="boom(CHECK_THEN_ACT)" classname="dev.lazyinit.race.StampedeTest">
                    <error message="connection refused" type="java.io.IOException"/>
                  </testcase>
                </testsuite>
                """);
        Files.writeString(dir.resolve("not-a-report.txt"), "ignored");
        assertThat(ProviderTests.failures(dir)).containsExactly(
                "the providers' store tests: StampedeTest.oneLivePool(CHECK_THEN_ACT) failure: [stores created]"
                        + " expected: 1 but was: 10",
                "the providers' store tests: StampedeTest.boom(CHECK_THEN_ACT) error: connection refused");
    }

    @Test
    void noReportsNoFailures(@TempDir Path dir) throws IOException {
        assertThat(ProviderTests.failures(dir.resolve("missing"))).isEmpty();
        assertThat(ProviderTests.failures(null)).isEmpty();
    }
}
