package dev.lazyinit.jmh.report;

import java.util.List;

/** Renders a {@link Doc} as GitHub-flavoured Markdown. Charts become a pointer to the HTML report. */
public final class MarkdownWriter {

    private MarkdownWriter() {
    }

    /**
     * @param doc the document
     * @return its Markdown
     */
    public static String render(Doc doc) {
        StringBuilder sb = new StringBuilder("# ").append(doc.title()).append("\n\n");
        for (Doc.Block b : doc.blocks()) {
            if (b instanceof Doc.Heading h) {
                sb.append("<a id=\"").append(h.anchor()).append("\"></a>\n");
                sb.append("#".repeat(h.level())).append(' ').append(h.text()).append("\n\n");
            } else if (b instanceof Doc.Para p) {
                sb.append(p.text()).append("\n\n");
            } else if (b instanceof Doc.Bullets l) {
                l.items().forEach(i -> sb.append("- ").append(i).append('\n'));
                sb.append('\n');
            } else if (b instanceof Doc.Table t) {
                table(sb, t);
            } else if (b instanceof Doc.Chart c) {
                sb.append("_Chart in report.html: ").append(c.title()).append(" (error bars: ")
                        .append(c.errorBars()).append(")._\n\n");
            }
        }
        return sb.toString();
    }

    private static void table(StringBuilder sb, Doc.Table t) {
        row(sb, t.header());
        sb.append('|');
        for (int i = 0; i < t.header().size(); i++) {
            sb.append(i < t.leftColumns() ? " --- |" : " ---: |");
        }
        sb.append('\n');
        t.rows().forEach(r -> row(sb, r));
        sb.append('\n');
    }

    private static void row(StringBuilder sb, List<String> cells) {
        sb.append('|');
        cells.forEach(c -> sb.append(' ').append(c.replace("|", "\\|")).append(" |"));
        sb.append('\n');
    }
}
