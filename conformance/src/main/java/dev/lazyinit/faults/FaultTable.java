package dev.lazyinit.faults;

import dev.lazyinit.harness.contract.Codec;
import dev.lazyinit.harness.contract.FailureSemantics;
import dev.lazyinit.harness.contract.ResultsLayout;
import dev.lazyinit.harness.support.Available;
import dev.lazyinit.strategy.Strategy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Collects what each strategy did under each fault and writes it as JSON ({@link FailureSemantics}, for the benchmark report) and as a
 * Markdown table (for people). Every cell comes from a run; nothing here is typed by hand.
 */
final class FaultTable {

    private final Map<Fault, Map<Strategy, String>> cells = new EnumMap<>(Fault.class);
    private final Map<String, String> settings = new java.util.LinkedHashMap<>();

    synchronized void setting(String name, String value) {
        settings.put(name, value);
    }

    synchronized void record(Fault fault, Strategy strategy, String cell) {
        cells.computeIfAbsent(fault, f -> new LinkedHashMap<>()).put(strategy, cell);
    }

    /**
     * Records a cell for a test that failed: the failure, and what the test recorded before it, if anything.
     *
     * @param fault the fault
     * @param strategy the strategy
     * @param failure the failed check and what it saw
     */
    synchronized void failed(Fault fault, Strategy strategy, String failure) {
        Map<Strategy, String> row = cells.computeIfAbsent(fault, f -> new LinkedHashMap<>());
        String before = row.get(strategy);
        row.put(strategy, before == null ? failure : failure + "; recorded before it: " + before);
    }

    synchronized String markdown() {
        StringBuilder md = new StringBuilder();
        List<Strategy> columns = java.util.Arrays.stream(Strategy.values()).filter(Available::inScope).toList();
        md.append("| fault |");
        for (Strategy s : columns) {
            md.append(' ').append(s.displayName()).append(" |");
        }
        md.append("\n|---|");
        md.append("---|".repeat(columns.size())).append('\n');
        for (Map.Entry<Fault, Map<Strategy, String>> row : cells.entrySet()) {
            md.append("| **").append(row.getKey().title()).append("** |");
            for (Strategy s : columns) {
                md.append(' ').append(row.getValue().getOrDefault(s, "not run").replace("|", "/")).append(" |");
            }
            md.append('\n');
        }
        StringJoiner bounds = new StringJoiner(", ", "\nSettings: ", ".\n");
        settings.forEach((k, v) -> bounds.add(k + " " + v));
        md.append(bounds);
        return md.toString();
    }

    synchronized FailureSemantics toRecord() {
        List<FailureSemantics.Fault> faults = new ArrayList<>();
        for (Fault f : Fault.values()) {
            faults.add(new FailureSemantics.Fault(f.name().toLowerCase(Locale.ROOT), f.title(), f.description()));
        }
        List<FailureSemantics.Cell> rows = new ArrayList<>();
        cells.forEach((fault, byStrategy) -> byStrategy.forEach((strategy, cell) -> rows.add(
                new FailureSemantics.Cell(fault.name().toLowerCase(Locale.ROOT), strategy.name(), cell))));
        return new FailureSemantics(FailureSemantics.FORMAT, Instant.now().toString(), settings, faults, rows);
    }

    synchronized void write(Path directory) {
        try {
            Files.createDirectories(directory);
            Codec.write(directory.resolve(ResultsLayout.FAILURE_SEMANTICS_JSON.getFileName()), toRecord());
            Files.writeString(directory.resolve("failure-semantics.md"), "# Failure semantics, observed\n\n"
                    + "Produced by `./mvnw verify` (FailureSemanticsTest, in the conformance module for the built-in"
                    + " strategies and in example-provider for the providers') against a real PostgreSQL.\n\n"
                    + markdown());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
