package dev.lazyinit.harness.contract;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What each strategy did under each fault of the failure-semantics suite: what the store tests hand to the report.
 *
 * @param format {@link #FORMAT}
 * @param generatedAt when (ISO-8601)
 * @param settings the bounds the suite ran with, name to value, in the order they were set
 * @param faults the faults, in the order the table shows them
 * @param cells one cell per fault and strategy that ran
 */
public record FailureSemantics(String format, String generatedAt, Map<String, String> settings, List<Fault> faults,
                               List<Cell> cells) implements Versioned {

    /** The format this build writes and reads. */
    public static final String FORMAT = "lazyinit-failure-semantics/1";

    public FailureSemantics {
        settings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings));
        faults = List.copyOf(faults);
        cells = List.copyOf(cells);
    }

    /**
     * One fault.
     *
     * @param id its id
     * @param title its name in the table
     * @param description what the suite does
     */
    public record Fault(String id, String title, String description) {
    }

    /**
     * What one strategy did under one fault.
     *
     * @param fault the fault id
     * @param strategy the strategy name
     * @param observed what happened, in words
     */
    public record Cell(String fault, String strategy, String observed) {
    }

    /**
     * @param fault a fault id
     * @param strategy a strategy name
     * @return what was observed, if that pair ran
     */
    public Optional<String> observed(String fault, String strategy) {
        return cells.stream().filter(c -> c.fault().equals(fault) && c.strategy().equals(strategy))
                .map(Cell::observed).findFirst();
    }

    /**
     * Adds the cells of another run of the same suite: the providers' strategies, which the conformance module cannot
     * see and a module after it tests (example-provider). This run's settings and faults stay; a strategy this run
     * already has keeps its own cells.
     *
     * @param other the other run's table
     * @return one table with the cells of both
     */
    public FailureSemantics with(FailureSemantics other) {
        java.util.Set<String> mine = new java.util.HashSet<>();
        cells.forEach(c -> mine.add(c.strategy()));
        List<Cell> all = new java.util.ArrayList<>(cells);
        other.cells().stream().filter(c -> !mine.contains(c.strategy())).forEach(all::add);
        return new FailureSemantics(format, generatedAt, settings, faults, all);
    }
}
