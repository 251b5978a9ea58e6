package dev.lazyinit.report;

import static dev.lazyinit.report.MarkdownDoc.escape;

import dev.lazyinit.harness.contract.Environment;
import dev.lazyinit.report.JmhResults.Row;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The machine, the JDKs, the database and JMH's settings as run. */
final class EnvironmentSection implements Section {

    @Override
    public void write(Context c, MarkdownDoc doc) {
        doc.heading(2, "Environment", "environment");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("CPU", escape(c.env(Environment::cpu))));
        rows.add(List.of("Cores available to the JVM", c.env(Environment::cores)));
        rows.add(List.of("OS", escape(c.env(Environment::os))));
        rows.add(List.of("JDK (runner)", escape(c.env(Environment::jdk))));
        c.all().results().rows().stream().map(Row::vm).distinct()
                .forEach(vm -> rows.add(List.of("JDK (benchmark forks)", escape(vm))));
        rows.add(List.of("JMH", escape(c.env(Environment::jmh))));
        rows.add(List.of("PostgreSQL", escape(c.env(Environment::postgres)) + ", backend "
                + escape(c.env(Environment::backend))));
        rows.add(List.of("Pool", "HikariCP, fixed size " + c.env(Environment::poolSize) + " per store"));
        rows.add(List.of("Profile", escape(c.env(Environment::profile))));
        rows.add(List.of("Started", escape(c.env(Environment::started))));
        rows.add(List.of("Benchmark wall time", c.env(Environment::benchmarkSeconds) + " s"));
        rows.add(List.of("Command", "`" + c.env(Environment::command) + "`"));
        doc.textTable(List.of("What", "Value"), rows);
        doc.para("JMH settings as run (from results.json):");
        // One line per class and settings: a class whose methods ran with different settings (the quick profile's
        // steady state) names the methods of each.
        Map<List<String>, List<String>> methodsBySettings = new LinkedHashMap<>();
        // Forks: as run, counted from the raw data (forks run in rounds are one JMH fork each, read as one result).
        c.main().results().rows().forEach(r -> methodsBySettings.computeIfAbsent(List.of(r.className(),
                String.valueOf(r.mode()), String.valueOf(r.forks() == 0 ? 0 : Math.max(r.forks(),
                        r.primary().forks().size())),
                iterations(r, r.warmupIterations(), r.warmupTime(), r.warmupBatchSize()),
                iterations(r, r.measurementIterations(), r.measurementTime(), r.measurementBatchSize())),
                k -> new ArrayList<>()).add(r.method()));
        List<List<String>> settings = new ArrayList<>();
        methodsBySettings.forEach((row, methods) -> {
            boolean split = methodsBySettings.keySet().stream().filter(k -> k.get(0).equals(row.get(0))).count() > 1;
            List<String> line = new ArrayList<>(row);
            if (split) {
                line.set(0, row.get(0) + ": " + String.join(", ", methods.stream().distinct().sorted().toList()));
            }
            settings.add(line);
        });
        doc.textTable(List.of("Benchmark", "Mode", "Forks", "Warmup", "Measurement"), settings);
        c.environment().ifPresent(env -> {
            for (Environment.ForkJdk jdk : env.forkJdks()) {
                if (!jdk.unavailable().isEmpty()) {
                    doc.para("Not measured on JDK " + jdk.feature() + ", which cannot build them: "
                            + jdk.unavailable().entrySet().stream().map(e -> "`" + e.getKey() + "` ("
                            + escape(e.getValue()) + ")").collect(Collectors.joining(", "))
                            + ". A newer JDK (`./bench --jdks 25` or `JAVA_HOME=... ./bench`) includes them.");
                }
            }
            if (env.machineNote() != null) {
                doc.para(escape(env.machineNote()));
            }
        });
    }

    private static String iterations(Row r, Integer count, String time, Integer batch) {
        String n = String.valueOf(count);
        if ("ss".equals(r.mode())) {
            return n + " single shots" + (batch != null && batch != 1 ? " of " + batch : "");
        }
        return n + " × " + time;
    }
}
