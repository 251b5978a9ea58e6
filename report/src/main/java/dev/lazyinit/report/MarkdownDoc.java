package dev.lazyinit.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The report as GitHub-flavoured Markdown, written block by block by the sections, with its charts kept beside
 * it: the Markdown shows a chart as one line naming it, the HTML draws it in that place. Text may use Markdown
 * inline syntax; values that come from files ({@link #escape}) may not.
 */
final class MarkdownDoc {

    /** A run of Markdown, or a chart between two runs. */
    sealed interface Part permits Text, Figure {
    }

    /** @param markdown Markdown blocks */
    record Text(String markdown) implements Part {
    }

    /** @param chart a chart */
    record Figure(Chart chart) implements Part {
    }

    private final String title;
    private final List<Part> parts = new ArrayList<>();
    private StringBuilder text = new StringBuilder();

    /** @param title the document title */
    MarkdownDoc(String title) {
        this.title = title;
        text.append("# ").append(escape(title)).append("\n\n");
    }

    /** @return the title */
    String title() {
        return title;
    }

    /**
     * A heading with an anchor other text can link to.
     *
     * @param level 2 for a section, 3 for a subsection
     * @param heading the heading
     * @param anchor its anchor
     */
    void heading(int level, String heading, String anchor) {
        text.append("<a id=\"").append(anchor).append("\"></a>\n");
        text.append("#".repeat(level)).append(' ').append(heading).append("\n\n");
    }

    /** @param paragraph a paragraph */
    void para(String paragraph) {
        text.append(paragraph).append("\n\n");
    }

    /** @param items bullet items */
    void bullets(List<String> items) {
        items.forEach(i -> text.append("- ").append(i).append('\n'));
        text.append('\n');
    }

    /**
     * A table whose first column holds text and the rest numbers (right-aligned).
     *
     * @param header column names
     * @param rows rows
     */
    void table(List<String> header, List<List<String>> rows) {
        table(header, rows, 1);
    }

    /**
     * A table of text only (every column left-aligned).
     *
     * @param header column names
     * @param rows rows
     */
    void textTable(List<String> header, List<List<String>> rows) {
        table(header, rows, header.size());
    }

    /**
     * @param header column names
     * @param rows rows
     * @param leftColumns how many leading columns hold text (left-aligned); the rest are right-aligned
     */
    void table(List<String> header, List<List<String>> rows, int leftColumns) {
        row(header);
        text.append('|');
        for (int i = 0; i < header.size(); i++) {
            text.append(i < leftColumns ? " --- |" : " ---: |");
        }
        text.append('\n');
        rows.forEach(this::row);
        text.append('\n');
    }

    private void row(List<String> cells) {
        text.append('|');
        cells.forEach(c -> text.append(' ').append(c.replace("|", "\\|")).append(" |"));
        text.append('\n');
    }

    /** @param chart a chart, drawn here in the HTML */
    void chart(Chart chart) {
        parts.add(new Text(text.toString()));
        parts.add(new Figure(chart));
        text = new StringBuilder();
    }

    /** @return the document in order: runs of Markdown and the charts between them */
    List<Part> parts() {
        List<Part> all = new ArrayList<>(parts);
        all.add(new Text(text.toString()));
        return all;
    }

    /** @return the whole document as Markdown, each chart as a line that names it */
    String markdown() {
        StringBuilder sb = new StringBuilder();
        for (Part p : parts()) {
            if (p instanceof Text t) {
                sb.append(t.markdown());
            } else if (p instanceof Figure f) {
                sb.append("_Chart in report.html: ").append(f.chart().title()).append(" (error bars: ")
                        .append(f.chart().errorBars()).append(")._\n\n");
            }
        }
        return sb.toString();
    }

    /**
     * Makes a value read from a file (a stack frame, a remark, a fault description) show as written: what
     * Markdown would take for code, emphasis or an HTML tag is escaped, so {@code <init>} stays visible.
     *
     * @param value plain text
     * @return Markdown that shows it
     */
    static String escape(String value) {
        StringBuilder sb = new StringBuilder();
        for (char c : String.valueOf(value).toCharArray()) {
            if ("\\`*<".indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
