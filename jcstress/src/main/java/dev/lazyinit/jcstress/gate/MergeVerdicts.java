package dev.lazyinit.jcstress.gate;

import dev.lazyinit.harness.contract.Codec;
import dev.lazyinit.harness.contract.ProofVerdicts;
import dev.lazyinit.harness.contract.ProofVerdicts.ProofVerdict;
import dev.lazyinit.harness.contract.VerdictKind;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Merges the verdicts files of several machines (each names its architecture, JDK, OS and mode) into one table:
 * one column per machine, grouped by architecture, and a merged verdict. The point is evidence x86 cannot give: the
 * JCStress proof of publication never catches the non-volatile DCL control there, so its PASS is undiscriminated;
 * merged with a run on arm64 that caught it, the same PASS becomes discriminating ({@link ProofVerdicts#withStrength}
 * over all the files).
 *
 * <p>Merged verdict of one strategy and property: FAIL if any machine failed; CAUGHT if any caught the bug;
 * NOT_OBSERVED if a control's bug was allowed but seen nowhere; PASS if every machine that ran it passed; N/A if none
 * ran it. Samples add up.
 *
 * <p>A machine whose file is missing would only leave a column out, so the inputs are checked first
 * ({@link MergeInputs}): every file must be readable, and with {@code --expect RUN,...} every expected run must have
 * delivered exactly one. Exit status: 0 merged; 1 the inputs are incomplete (each problem is printed; the table of
 * the files that could be read is still written, headed by what is missing, and {@code --json} is not); 2 a bad
 * command line.
 */
@Command(name = "merge", description = "Merges verdicts files from several machines into one table.")
final class MergeVerdicts implements Callable<Integer> {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "this help")
    private boolean help;

    @Option(names = "--out", paramLabel = "FILE", description = "the merged table as Markdown (default: printed)")
    private Path out;

    @Option(names = "--json", paramLabel = "FILE", description = "the merged verdicts as a verdicts file")
    private Path json;

    // A CI matrix passes its cells as one comma-separated word, so the list is computed in one place.
    @Option(names = "--expect", paramLabel = "RUN", split = ",",
            description = "the runs that must each have delivered one verdicts file: RUN is the name of the folder"
                    + " exactly one VERDICTS path is in (a CI download puts each artifact in a folder of its name);"
                    + " every VERDICTS path must then be in one of them. Without it the files are taken as given.")
    private List<String> expected = new ArrayList<>();

    // None is allowed with --expect, so that a CI step whose search found no file gets each run named as missing.
    @Parameters(arity = "0..*", paramLabel = "VERDICTS",
            description = "jcstress-verdicts.json files, one a machine (at least one unless --expect is given)")
    private List<Path> files = new ArrayList<>();

    @Spec
    private CommandSpec spec;

    private final PrintStream console;
    private final PrintStream errors;

    /** The command as picocli makes it: writes to the standard streams. */
    MergeVerdicts() {
        this(System.out, System.err);
    }

    /**
     * @param console where the table (without {@code --out}) and progress go
     * @param errors where the problems with the inputs go
     */
    MergeVerdicts(PrintStream console, PrintStream errors) {
        this.console = console;
        this.errors = errors;
    }

    @Override
    public Integer call() throws IOException {
        if (files.isEmpty() && expected.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "Missing required parameter: VERDICTS (or --expect)");
        }
        MergeInputs inputs = MergeInputs.read(files, expected);
        List<ProofVerdicts> machines = inputs.verdicts();
        String table = "";
        if (!inputs.complete()) {
            errors.println("[merge] FAILED: the verdicts are incomplete:");
            inputs.problems().forEach(p -> errors.println("  - " + p));
            table = incomplete(inputs.problems());
        }
        ProofVerdicts merged = machines.isEmpty() ? null : merge(machines);
        if (merged != null) {
            table += markdown(machines, merged);
        }
        if (out == null) {
            console.print(table);
        } else {
            Files.writeString(out, table, StandardCharsets.UTF_8);
            console.println("[merge] " + machines.size() + " machines -> " + out.toAbsolutePath().normalize());
        }
        if (!inputs.complete()) {
            if (json != null) {
                // a verdicts file cannot say it lacks a machine, so an incomplete merge writes none, and removes
                // an earlier one that would otherwise pass for this merge's
                Files.deleteIfExists(json);
                console.println("[merge] no merged verdicts file: the inputs are incomplete");
            }
            return 1;
        }
        if (json != null) {
            Codec.write(json, merged);
            console.println("[merge] merged verdicts -> " + json.toAbsolutePath().normalize());
        }
        return 0;
    }

    /** The head of an incomplete merge's table, so that nobody takes what follows for the whole verdict. */
    static String incomplete(List<String> problems) {
        StringBuilder md = new StringBuilder("# INCOMPLETE: the merge lacks verdicts\n\n");
        problems.forEach(p -> md.append("- ").append(p).append('\n'));
        return md.append("\nThe table below, if any, merges only the files that could be read; it is not the"
                + " merged verdict.\n\n").toString();
    }

    /**
     * @param machines the verdicts of each machine
     * @return one verdict per strategy and property, with its strength judged over all machines
     */
    static ProofVerdicts merge(List<ProofVerdicts> machines) {
        Map<String, List<ProofVerdict>> byCell = new LinkedHashMap<>();
        for (ProofVerdicts m : machines) {
            for (ProofVerdict v : m.verdicts()) {
                byCell.computeIfAbsent(v.strategy() + " " + v.property().name(), k -> new ArrayList<>()).add(v);
            }
        }
        List<ProofVerdict> merged = new ArrayList<>();
        for (List<ProofVerdict> cell : byCell.values()) {
            ProofVerdict first = cell.get(0);
            VerdictKind kind = mergedKind(cell);
            long samples = cell.stream().mapToLong(ProofVerdict::samples).sum();
            Map<String, Long> observed = new TreeMap<>();
            cell.forEach(v -> v.observed().forEach((id, n) -> observed.merge(id, n, Long::sum)));
            List<String> notes = new ArrayList<>();
            for (int i = 0; i < cell.size(); i++) {
                notes.add(cell.get(i).shown());
            }
            merged.add(new ProofVerdict(first.strategy(), first.property(), kind, samples, first.test(), observed,
                    "merged from " + String.join(", ", notes)));
        }
        return new ProofVerdicts(ProofVerdicts.FORMAT,
                "merged: " + String.join("; ", machines.stream().map(ProofVerdicts::mode).distinct().toList()),
                String.join("; ", machines.stream().map(ProofVerdicts::jvm).toList()),
                String.join(", ", machines.stream().map(ProofVerdicts::arch).distinct().toList()),
                String.join("; ", machines.stream().map(ProofVerdicts::os).distinct().toList()),
                Instant.now().toString(), ProofVerdicts.withStrength(merged));
    }

    private static VerdictKind mergedKind(List<ProofVerdict> cell) {
        Set<VerdictKind> kinds = new LinkedHashSet<>();
        cell.forEach(v -> kinds.add(v.verdict()));
        for (VerdictKind k : List.of(VerdictKind.FAIL, VerdictKind.CAUGHT, VerdictKind.NOT_OBSERVED, VerdictKind.PASS)) {
            if (kinds.contains(k)) {
                return k;
            }
        }
        return VerdictKind.NOT_APPLICABLE;
    }

    /**
     * @param machines the verdicts of each machine
     * @param merged their merge
     * @return the table: strategy, property, one column per machine grouped by architecture (headed by its
     *         architecture, OS and JDK), the merged verdict
     */
    static String markdown(List<ProofVerdicts> machines, ProofVerdicts merged) {
        // the OS is in the heading because Linux and macOS on arm64 with the same JDK are two machines to tell apart
        List<ProofVerdicts> columns = machines.stream().sorted(Comparator.comparing(ProofVerdicts::arch)
                .thenComparing(ProofVerdicts::os).thenComparing(ProofVerdicts::jvm)).toList();
        StringBuilder md = new StringBuilder("# JCStress verdicts merged from ").append(machines.size())
                .append(" machines\n\n| strategy | property |");
        columns.forEach(m -> md.append(' ').append(m.arch()).append(" · ").append(m.os()).append(" · JDK ")
                .append(m.jvm()).append(" |"));
        md.append(" merged |\n|---|---|").append("---|".repeat(columns.size() + 1)).append('\n');
        for (ProofVerdict v : merged.verdicts()) {
            if (v.verdict() == VerdictKind.NOT_APPLICABLE) {
                continue;
            }
            md.append("| ").append(v.strategy()).append(" | ").append(v.property().id()).append(" |");
            for (ProofVerdicts m : columns) {
                Optional<ProofVerdict> x = m.find(v.strategy(), v.property());
                md.append(' ').append(x.map(y -> y.shown() + " " + Summary.human(y.samples())).orElse("–"))
                        .append(" |");
            }
            md.append(" **").append(v.shown()).append("** |\n");
        }
        md.append("\nColumns: one per machine, grouped by architecture (mode: ")
                .append(String.join("; ", machines.stream().map(ProofVerdicts::mode).distinct().toList()))
                .append("). A merged PASS is discriminating where any machine caught a control that breaks the same"
                        + " property; `(undiscriminated)` marks a PASS that no merged machine could have failed."
                        + " Rows where no machine ran the proof are left out.\n");
        return md.toString();
    }
}
