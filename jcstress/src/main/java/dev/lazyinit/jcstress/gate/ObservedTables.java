package dev.lazyinit.jcstress.gate;

import dev.lazyinit.harness.contract.Codec;
import dev.lazyinit.harness.contract.ProofVerdicts;
import dev.lazyinit.harness.contract.ProofVerdicts.ProofVerdict;
import dev.lazyinit.harness.contract.Property;
import dev.lazyinit.harness.contract.VerdictKind;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Writes what the proofs observed, as the jcstress samples show it under each test, from the gate's verdicts files
 * rather than by hand: one Markdown table per proof (its {@link Property}), one column per verdicts file, and per
 * strategy the gate's verdict in each column followed by the samples of each outcome. The head says where every
 * column came from (its file, JDK, machine, mode, date and commit), so a number can be traced to the run that
 * produced it and a stale table shows its age. The checked-in {@code docs/jcstress-observed.md} is this command's
 * output ({@link #COMMAND}); the proofs' comments point to it.
 *
 * <p>Nothing is judged here: the verdicts are the gate's, shown as it wrote them. Exit status: 0 written; 1 a file
 * could not be read (nothing is written); 2 a bad command line.
 */
@Command(name = "observed", description = "Writes the proofs' observed tables (Markdown) from verdicts files.")
final class ObservedTables implements Callable<Integer> {

    /** The command that regenerates the checked-in file, from the repository root after a gate run. */
    static final String COMMAND = "java -cp jcstress/target/jcstress.jar dev.lazyinit.jcstress.gate.ProofGate observed"
            + " --out docs/jcstress-observed.md jcstress/target/jcstress-verdicts.json";

    private static final String NONE = "—";

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "this help")
    private boolean help;

    @Option(names = "--out", paramLabel = "FILE", description = "the Markdown file (default: printed)")
    private Path out;

    @Parameters(arity = "1..*", paramLabel = "VERDICTS",
            description = "jcstress-verdicts.json files, one a column, in the order given (one per JDK, say)")
    private List<Path> files = new ArrayList<>();

    private final PrintStream console;
    private final PrintStream errors;

    /** The command as picocli makes it: writes to the standard streams. */
    ObservedTables() {
        this(System.out, System.err);
    }

    /**
     * @param console where the tables (without {@code --out}) and progress go
     * @param errors where a file that cannot be read is named
     */
    ObservedTables(PrintStream console, PrintStream errors) {
        this.console = console;
        this.errors = errors;
    }

    /**
     * One column: a verdicts file and the name it is shown under.
     *
     * @param file the file's folder and name ({@code 20261205-084302-quick/jcstress-verdicts.json}): enough to find
     *        it among the runs, without the path of the machine that generated the tables
     * @param verdicts what it holds
     */
    record Column(String file, ProofVerdicts verdicts) {

        /** @param path a verdicts file, as given on the command line */
        static Column read(Path path) throws IOException {
            Path absolute = path.toAbsolutePath().normalize();
            Path folder = absolute.getParent() == null ? null : absolute.getParent().getFileName();
            return new Column((folder == null ? "" : folder + "/") + absolute.getFileName(),
                    Codec.read(path, ProofVerdicts.class, ProofVerdicts.FORMAT));
        }
    }

    @Override
    public Integer call() throws IOException {
        List<Column> columns = new ArrayList<>();
        for (Path f : files) {
            try {
                columns.add(Column.read(f));
            } catch (IOException e) {
                errors.println("[observed] FAILED: cannot read " + f + ": " + e.getMessage());
                return 1;
            }
        }
        String md = markdown(columns);
        if (out == null) {
            console.print(md);
        } else {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(out, md, StandardCharsets.UTF_8);
            console.println("[observed] " + columns.size() + " verdicts files -> " + out.toAbsolutePath().normalize());
        }
        return 0;
    }

    /**
     * @param columns the verdicts files, one a column
     * @return the document: where each column came from, then one table per property that any file has a proof of
     */
    static String markdown(List<Column> columns) {
        StringBuilder md = new StringBuilder("# JCStress: what the proofs observed\n\n")
                .append("Generated from the gate's verdicts files by `ProofGate observed`: do not edit by hand. The"
                        + " proofs (`jcstress/src/main/java/dev/lazyinit/jcstress/Lazy_0N_*.java`) point here. To"
                        + " regenerate after a gate run (`./mvnw -B verify -pl jcstress -am -DskipTests` writes"
                        + " `jcstress/target/jcstress-verdicts.json`), from the repository root, with one more"
                        + " verdicts file per extra column (another JDK's run, say):\n\n```sh\n")
                .append(COMMAND.replace(" --out", " \\\n  --out")).append("\n```\n\n## Where the numbers come from\n\n")
                .append("| column | file | JDK | machine | mode | generated | commit |\n|---|---|---|---|---|---|---|\n");
        for (int i = 0; i < columns.size(); i++) {
            ProofVerdicts v = columns.get(i).verdicts();
            md.append("| ").append(i + 1).append(" | `").append(cell(columns.get(i).file())).append("` | ")
                    .append(cell(v.jvm())).append(" | ").append(cell(v.arch() + ", " + v.os())).append(" | `")
                    .append(cell(v.mode())).append("` | ").append(cell(v.generatedAt())).append(" | ")
                    .append(v.commit() == null ? "not recorded" : "`" + cell(v.commit()) + "`").append(" |\n");
        }
        md.append("\nEach table: per strategy, the gate's verdict in each column, then the samples of each outcome"
                + " the proof saw. `0`: the proof ran there and never showed that outcome; `").append(NONE)
                .append("`: it did not run there (N/A, with the reason under the table) or the file has no verdict for"
                        + " the strategy (the registry of the build that wrote it did not have it). Strategies the"
                        + " property does not apply to are left out.\n");
        for (Property p : Property.values()) {
            List<String> strategies = strategies(columns, p);
            if (!strategies.isEmpty()) {
                table(md, p, strategies, columns);
            }
        }
        return md.toString();
    }

    private static void table(StringBuilder md, Property p, List<String> strategies, List<Column> columns) {
        md.append("\n## ").append(p.id()).append(proofClass(columns, p).map(c -> " (`" + c + "`)").orElse(""))
                .append("\n\n| strategy | |");
        for (int i = 0; i < columns.size(); i++) {
            ProofVerdicts v = columns.get(i).verdicts();
            md.append(' ').append(i + 1).append(" · ").append(cell(v.arch())).append(" · JDK ").append(cell(v.jvm()))
                    .append(" |");
        }
        md.append("\n|---|---|").append("--:|".repeat(columns.size())).append('\n');
        List<String> notApplicable = new ArrayList<>();
        for (String s : strategies) {
            List<Optional<ProofVerdict>> found = columns.stream().map(c -> c.verdicts().find(s, p)).toList();
            md.append("| **").append(cell(s)).append("** | verdict |");
            TreeSet<String> outcomes = new TreeSet<>();
            for (int i = 0; i < found.size(); i++) {
                Optional<ProofVerdict> v = found.get(i);
                md.append(' ').append(v.map(ProofVerdict::shown).orElse(NONE)).append(" |");
                v.ifPresent(x -> outcomes.addAll(x.observed().keySet()));
                if (v.isPresent() && v.get().verdict() == VerdictKind.NOT_APPLICABLE) {
                    notApplicable.add(s + ", column " + (i + 1) + ": " + v.get().remark());
                }
            }
            md.append('\n');
            for (String outcome : outcomes) {
                md.append("| | `").append(cell(outcome)).append("` |");
                for (Optional<ProofVerdict> v : found) {
                    md.append(' ').append(v.filter(x -> x.verdict() != VerdictKind.NOT_APPLICABLE)
                            .map(x -> String.format(Locale.ROOT, "%,d", x.observed().getOrDefault(outcome, 0L)))
                            .orElse(NONE)).append(" |");
                }
                md.append('\n');
            }
        }
        if (!notApplicable.isEmpty()) {
            md.append("\nN/A:\n\n");
            notApplicable.forEach(n -> md.append("- ").append(n).append('\n'));
        }
    }

    /**
     * The strategies with a proof of this property in any file (a verdict that names its test: the gate leaves the
     * test empty where the property does not apply), each file's order kept: one the first file lacks goes after
     * the strategy it follows in the file that has it.
     */
    static List<String> strategies(List<Column> columns, Property p) {
        List<String> order = new ArrayList<>();
        for (Column c : columns) {
            int at = 0;
            for (ProofVerdict v : c.verdicts().verdicts()) {
                if (v.property() != p || v.test().isEmpty()) {
                    continue;
                }
                int known = order.indexOf(v.strategy());
                if (known < 0) {
                    order.add(at++, v.strategy());
                } else {
                    at = known + 1;
                }
            }
        }
        return order;
    }

    /** The proof class of a property, read off a generated test's name: {@code <proof class>_<STRATEGY>}. */
    private static Optional<String> proofClass(List<Column> columns, Property p) {
        return columns.stream().flatMap(c -> c.verdicts().verdicts().stream())
                .filter(v -> v.property() == p && v.test().endsWith("_" + v.strategy()))
                .map(v -> v.test().substring(v.test().lastIndexOf('.') + 1, v.test().length() - v.strategy().length()
                        - 1))
                .findFirst();
    }

    /** A value as a Markdown table cell shows it: a {@code |} would end the cell. */
    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|");
    }
}
