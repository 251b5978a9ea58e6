package dev.lazyinit.jmh.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The report as a neutral document: sections of headings, paragraphs, bullet lists, tables and charts. Every
 * section of the report builds into it once; {@link MarkdownWriter} and {@link HtmlWriter} render the same
 * document, so the Markdown and HTML reports never disagree. Inline text may use {@code `code`},
 * {@code **bold**} and {@code [text](#anchor)}.
 */
public final class Doc {

    /** A part of the document. */
    public sealed interface Block permits Heading, Para, Bullets, Table, Chart {
    }

    /** A heading with an anchor other text can link to. */
    public record Heading(int level, String text, String anchor) implements Block {
    }

    /** A paragraph. */
    public record Para(String text) implements Block {
    }

    /** A bullet list. */
    public record Bullets(List<String> items) implements Block {
    }

    /** A table; its first {@code leftColumns} columns are left-aligned (text), the rest right-aligned (numbers). */
    public record Table(List<String> header, List<List<String>> rows, int leftColumns) implements Block {
    }

    /**
     * One series of a bar chart, with an error bar per bar from {@code low} to {@code high}.
     *
     * @param name the legend entry
     * @param values bar heights, one per category ({@code NaN} for none)
     * @param low lower ends of the error bars
     * @param high upper ends of the error bars
     */
    public record Series(String name, double[] values, double[] low, double[] high) {
    }

    /**
     * A bar chart with error bars, drawn by the HTML report (the Markdown report shows the table instead).
     *
     * @param id a unique element id
     * @param title the title
     * @param errorBars what the error bars show
     * @param axis the value axis label
     * @param categories the bars' categories
     * @param series one or more series (grouped bars)
     * @param logScale whether the value axis is logarithmic
     */
    public record Chart(String id, String title, String errorBars, String axis, List<String> categories,
                        List<Series> series, boolean logScale) implements Block {
    }

    private final String title;
    private final List<Block> blocks = new ArrayList<>();

    /** @param title the document title */
    public Doc(String title) {
        this.title = title;
    }

    /** @return the title */
    public String title() {
        return title;
    }

    /** @return the blocks in order */
    public List<Block> blocks() {
        return blocks;
    }

    /**
     * @param level 2 for a section, 3 for a subsection
     * @param text the heading
     * @param anchor its anchor
     * @return this
     */
    public Doc heading(int level, String text, String anchor) {
        blocks.add(new Heading(level, text, anchor));
        return this;
    }

    /**
     * @param text a paragraph
     * @return this
     */
    public Doc para(String text) {
        blocks.add(new Para(text));
        return this;
    }

    /**
     * @param items bullet items
     * @return this
     */
    public Doc bullets(List<String> items) {
        blocks.add(new Bullets(List.copyOf(items)));
        return this;
    }

    /**
     * @param header column names
     * @param rows rows
     * @return this
     */
    public Doc table(List<String> header, List<List<String>> rows) {
        blocks.add(new Table(header, rows, 1));
        return this;
    }

    /**
     * @param header column names
     * @param rows rows, every column left-aligned (text tables)
     * @return this
     */
    public Doc textTable(List<String> header, List<List<String>> rows) {
        blocks.add(new Table(header, rows, header.size()));
        return this;
    }

    /**
     * @param header column names
     * @param rows rows
     * @param leftColumns how many leading columns hold text
     * @return this
     */
    public Doc table(List<String> header, List<List<String>> rows, int leftColumns) {
        blocks.add(new Table(header, rows, leftColumns));
        return this;
    }

    /**
     * @param chart a chart
     * @return this
     */
    public Doc chart(Chart chart) {
        blocks.add(chart);
        return this;
    }
}
