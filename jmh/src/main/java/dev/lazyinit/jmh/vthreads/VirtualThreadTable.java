package dev.lazyinit.jmh.vthreads;

import dev.lazyinit.harness.contract.VirtualThreadResults;
import dev.lazyinit.harness.contract.VirtualThreadResults.Outcome;
import dev.lazyinit.harness.contract.VirtualThreadResults.Row;
import dev.lazyinit.strategy.Strategy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The stampede's own table, {@code vthreads.md}: what it prints when it ends. The report has its own. */
final class VirtualThreadTable {

    private VirtualThreadTable() {
    }

    static String markdown(VirtualThreadResults results) {
        StringBuilder md = new StringBuilder("## Virtual-thread cold stampede\n\n");
        md.append(String.format(Locale.ROOT, "%d virtual threads released together into one cold holder per"
                + " strategy, %d rounds; the factory opens the real pool. JDK %s (%s); %s. Pinning recorded by JFR"
                + " (`jdk.VirtualThreadPinned`, threshold 0).%n%n", results.threads(), results.rounds(),
                results.jdk(), results.vendor(), results.database()));
        md.append("| strategy | threads | time until all hold the store (median, min–max) | stores created"
                + " | pinned events | pinned time | pinned at |\n");
        md.append("|---|---|---|---|---|---|---|\n");
        for (Row r : results.rows()) {
            String name = displayName(r.strategy());
            if (!r.ran()) {
                md.append("| ").append(name).append(" | – | ").append(r.note()).append(" | – | – | – | – |\n");
                continue;
            }
            String time;
            if (r.nanos().isEmpty()) {
                time = r.note();
            } else {
                List<Long> sorted = new ArrayList<>(r.nanos());
                Collections.sort(sorted);
                time = String.format(Locale.ROOT, "%.0f ms (%.0f–%.0f)%s", sorted.get(sorted.size() / 2) / 1e6,
                        sorted.get(0) / 1e6, sorted.get(sorted.size() - 1) / 1e6,
                        r.note().isEmpty() ? "" : "; " + r.note());
            }
            String created = r.outcome() == Outcome.STUCK
                    ? String.valueOf(r.created()) // its note says how many rounds ran
                    : String.format(Locale.ROOT, "%d in %d rounds", r.created(), results.rounds());
            md.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %d | %.1f ms | %s |%n", name, r.threads(),
                    time, created, r.pinnedEvents(), r.pinnedNanos() / 1e6, pinnedAt(r)));
        }
        return md.toString();
    }

    private static String displayName(String strategy) {
        return Arrays.stream(Strategy.values()).filter(s -> s.name().equals(strategy)).findFirst()
                .map(Strategy::displayName).orElse(strategy);
    }

    private static String pinnedAt(Row r) {
        return r.pins().isEmpty() ? "–" : r.pins().stream()
                .map(p -> p.site() + "=" + p.events()).collect(Collectors.joining(", "));
    }
}
