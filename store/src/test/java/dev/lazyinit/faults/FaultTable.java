package dev.lazyinit.faults;

import dev.lazyinit.strategy.Strategy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Collects what each strategy did under each fault and writes it as JSON (for the benchmark report) and as a
 * Markdown table (for people). Every cell comes from a run; nothing here is typed by hand.
 */
final class FaultTable {

    private final Map<Fault, Map<Strategy, String>> cells = new EnumMap<>(Fault.class);
    private final Map<String, String> settings = new java.util.LinkedHashMap<>();

    synchronized void setting(String name, String value) {
        settings.put(name, value);
    }

    synchronized void record(Fault fault, Strategy strategy, String cell) {
        cells.computeIfAbsent(fault, f -> new EnumMap<>(Strategy.class)).put(strategy, cell);
    }

    synchronized String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("| fault |");
        for (Strategy s : Strategy.values()) {
            md.append(' ').append(s.displayName()).append(" |");
        }
        md.append("\n|---|");
        md.append("---|".repeat(Strategy.values().length)).append('\n');
        for (Map.Entry<Fault, Map<Strategy, String>> row : cells.entrySet()) {
            md.append("| **").append(row.getKey().title()).append("** |");
            for (Strategy s : Strategy.values()) {
                md.append(' ').append(row.getValue().getOrDefault(s, "not run").replace("|", "/")).append(" |");
            }
            md.append('\n');
        }
        StringJoiner bounds = new StringJoiner(", ", "\nSettings: ", ".\n");
        settings.forEach((k, v) -> bounds.add(k + " " + v));
        md.append(bounds);
        return md.toString();
    }

    synchronized String json() {
        StringBuilder json = new StringBuilder("{\n  \"generatedAt\": ").append(quote(Instant.now().toString()))
                .append(",\n  \"settings\": {");
        StringJoiner s = new StringJoiner(", ");
        settings.forEach((k, v) -> s.add(quote(k) + ": " + quote(v)));
        json.append(s).append("},\n  \"faults\": [");
        StringJoiner faults = new StringJoiner(",");
        for (Fault f : Fault.values()) {
            faults.add("\n    {\"id\": " + quote(f.name().toLowerCase(Locale.ROOT)) + ", \"title\": " + quote(f.title())
                    + ", \"description\": " + quote(f.description()) + "}");
        }
        json.append(faults).append("\n  ],\n  \"rows\": [");
        StringJoiner rows = new StringJoiner(",");
        cells.forEach((fault, byStrategy) -> byStrategy.forEach((strategy, cell) ->
                rows.add("\n    {\"fault\": " + quote(fault.name().toLowerCase(Locale.ROOT)) + ", \"strategy\": "
                        + quote(strategy.name()) + ", \"observed\": " + quote(cell) + "}")));
        json.append(rows).append("\n  ]\n}\n");
        return json.toString();
    }

    synchronized void write(Path directory) {
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve("failure-semantics.json"), json());
            Files.writeString(directory.resolve("failure-semantics.md"), "# Failure semantics, observed\n\n"
                    + "Produced by `./mvnw verify` (store module, FailureSemanticsTest) against a real PostgreSQL.\n\n"
                    + markdown());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
