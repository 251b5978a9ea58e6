package dev.lazyinit.harness.contract;

import dev.lazyinit.strategy.Guarantee;
import java.util.List;

/**
 * The teeth table: for every guarantee, the broken controls that violate it ({@code Strategy.violates()}), the
 * layer that must catch each, and what that layer observed. Written by each layer for its own rows (the store
 * tests to {@code conformance/target/teeth/store-teeth.json}); the JCStress gate adds its own and the static layer's,
 * prints the whole table, fails the build on a row that is not CAUGHT, and writes it to
 * {@code jcstress/target/teeth.json} for the report.
 *
 * @param format {@link #FORMAT}
 * @param generatedAt when (ISO-8601)
 * @param rows one per guarantee, control and layer
 */
public record Teeth(String format, String generatedAt, List<Row> rows) implements Versioned {

    /** The format this build writes and reads. */
    public static final String FORMAT = "lazyinit-teeth/1";

    public Teeth {
        rows = List.copyOf(rows);
    }

    /**
     * One control, on one guarantee, in one layer.
     *
     * @param guarantee the guarantee the control violates
     * @param control the broken control (a strategy name)
     * @param layer the layer whose check this is, written as its {@link Layer#id() id} ({@code static},
     *        {@code dynamic}, {@code jcstress} or {@code store})
     * @param check the proof or test that must catch it (a JCStress test, a test method)
     * @param verdict CAUGHT if the check showed the violation, NOT_OBSERVED if it did not
     * @param samples how many samples or trials the check ran
     * @param observed what the check saw, in words (the outcome and its count, the finding, the assertion)
     */
    public record Row(Guarantee guarantee, String control, Layer layer, String check, VerdictKind verdict,
                      long samples, String observed) {
    }
}
