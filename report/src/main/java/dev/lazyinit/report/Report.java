package dev.lazyinit.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The report a person reads to choose a strategy, made from one results folder and nothing else, in steps:
 * {@link Inputs} (the folder's typed files) → {@link Measurements} (results by benchmark and strategy) →
 * {@link Guide} (the decisions, by {@link Decide}) → one {@link Section} each → Markdown ({@link MarkdownDoc})
 * → HTML ({@link HtmlPage}).
 *
 * <p>Every strategy comes from the {@code Strategy} registry: a new constant appears in every table without an
 * edit here.
 */
public final class Report {

    /** The report's title. */
    static final String TITLE = "Lazy initialization of a connection pool: which strategy, at what cost";

    /** The sections, in order. */
    static final List<Section> SECTIONS = List.of(
            new HeadlineSection(),
            new EnvironmentSection(),
            new ColdSection(),
            new SteadySection(),
            new StampedeSection(),
            new JdkSection(),
            new VirtualThreadSection(),
            new FailureSection(),
            new JcstressSection(),
            new TeethSection(),
            new DecisionGuideSection(),
            new MethodSection());

    private Report() {
    }

    /**
     * Reads a results folder and writes {@code report.md} and {@code report.html} into it. Reads only files in
     * that folder: {@code results.json} and, when present, {@code environment.json},
     * {@code jcstress-verdicts.json}, {@code failure-semantics.json} and {@code vthreads.json}.
     *
     * @param folder the results folder
     * @throws IOException if a file cannot be read or written, or is in a format this build does not read
     */
    public static void render(Path folder) throws IOException {
        MarkdownDoc doc = build(Inputs.read(folder));
        Files.writeString(folder.resolve("report.md"), doc.markdown(), StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("report.html"), HtmlPage.render(doc), StandardCharsets.UTF_8);
    }

    /**
     * @param inputs a results folder's files
     * @return the report
     */
    static MarkdownDoc build(Inputs inputs) {
        Context context = Context.of(inputs);
        MarkdownDoc doc = new MarkdownDoc(TITLE);
        SECTIONS.forEach(s -> s.write(context, doc));
        return doc;
    }
}
