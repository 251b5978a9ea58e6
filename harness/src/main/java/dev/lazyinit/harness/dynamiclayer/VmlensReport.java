package dev.lazyinit.harness.dynamiclayer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * VMLens' HTML report, read into typed runs and accesses. VMLens 1.2.17 writes no machine-readable report, so its
 * HTML is read with regular expressions: an external tool's format, read here and nowhere else. The index lists one
 * row per {@code AllInterleavings} block (named after its strategy: {@link DynamicRaces}), with its interleavings
 * and result, and links to a page whose table lists the accesses of the run it shows.
 *
 * <p>What could go wrong: a VMLens version that writes its report differently. A missing index fails loudly; rows
 * that no longer match are not read, so the strategies they describe are missing from the report, judged N/A, and
 * the publication controls are then not CAUGHT, which {@code DynamicLayerTest} fails on.
 */
final class VmlensReport {

    private static final Pattern ROW = Pattern.compile("<tr>(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern CELL = Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL);
    private static final Pattern INDEX_ROW = Pattern.compile(
            "<td>\\d+</td>\\s*<td>\\s*<a href=\"(run\\d+\\.html)\">([^<]+)</a>\\s*</td>\\s*<td>(\\d+)</td>\\s*<td>(.*?)</td>",
            Pattern.DOTALL);

    private VmlensReport() {
    }

    /**
     * One access the report lists for a strategy's run.
     *
     * @param thread the thread
     * @param operation for example {@code Read}, {@code Volatile Write}, {@code Monitor Enter}
     * @param race whether VMLens marks it part of a data race
     * @param element the field ({@code pkg/Class.field}) or method it touches, or empty
     * @param method the method it is in ({@code pkg/Class.method})
     */
    record Access(String thread, String operation, boolean race, String element, String method) {

        boolean fieldAccess() {
            return operation.equals("Read") || operation.equals("Write") || operation.startsWith("Volatile")
                    || operation.startsWith("Atomic") || element.startsWith("java/util/concurrent/atomic/");
        }
    }

    /**
     * One strategy's run in the report.
     *
     * @param strategy the strategy name (the {@code AllInterleavings} name)
     * @param interleavings how many interleavings VMLens ran
     * @param result its result cell, for example {@code Data race} or {@code Success, Blocked}
     * @param accesses the accesses of the run it shows
     */
    record Run(String strategy, int interleavings, String result, List<Access> accesses) {

        /** @return whether VMLens reports the run itself as failed ({@code Failure}), which is not a race */
        boolean failed() {
            return result.contains("Failure");
        }
    }

    /**
     * @param report VMLens' HTML report folder
     * @return the runs it lists, by strategy name
     * @throws IOException if it cannot be read
     */
    static Map<String, Run> read(Path report) throws IOException {
        Path index = report.resolve("index.html");
        if (!Files.isRegularFile(index)) {
            throw new IOException("VMLens wrote no report at " + index);
        }
        Map<String, Run> runs = new LinkedHashMap<>();
        Matcher m = INDEX_ROW.matcher(Files.readString(index, StandardCharsets.UTF_8));
        while (m.find()) {
            String name = m.group(2).strip();
            runs.put(name, new Run(name, Integer.parseInt(m.group(3)), text(m.group(4)),
                    accesses(Files.readString(report.resolve(m.group(1)), StandardCharsets.UTF_8))));
        }
        return runs;
    }

    private static List<Access> accesses(String html) {
        List<Access> accesses = new ArrayList<>();
        Matcher row = ROW.matcher(html);
        while (row.find()) {
            List<String> cells = new ArrayList<>();
            Matcher cell = CELL.matcher(row.group(1));
            while (cell.find()) {
                cells.add(cell.group(1));
            }
            if (cells.size() != 5) {
                continue; // the header and the footer
            }
            String operation = text(cells.get(1));
            boolean race = operation.startsWith("Data Race");
            accesses.add(new Access(text(cells.get(0)), race ? operation.substring("Data Race".length()).strip()
                    : operation, race, text(cells.get(2)), text(cells.get(4))));
        }
        return accesses;
    }

    private static String text(String html) {
        return html.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").strip();
    }
}
