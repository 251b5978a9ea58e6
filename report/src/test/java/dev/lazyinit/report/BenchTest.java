package dev.lazyinit.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A result is matched to its benchmark by the full name results.json gives it. That the names are the benchmarks'
 * own is the jmh module's {@code BenchNamesTest}.
 */
class BenchTest {

    @Test
    void aResultMatchesOnlyItsOwnBenchmark() {
        JmhResults.Row get = JmhRows.results(List.of(JmhRows.row(17, Bench.GET, null, 1, 0.1))).rows().get(0);
        assertThat(Arrays.stream(Bench.values()).filter(b -> b.matches(get))).containsExactly(Bench.GET);
    }
}
