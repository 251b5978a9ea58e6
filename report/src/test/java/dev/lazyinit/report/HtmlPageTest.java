package dev.lazyinit.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The HTML is the Markdown rendered by commonmark, with anchors on the headings and the charts in place. */
class HtmlPageTest {

    private static MarkdownDoc doc() {
        MarkdownDoc doc = new MarkdownDoc("A <title>");
        doc.heading(2, "First", "first");
        doc.para("See [the second](#second) and `code`, **bold**; a frame " + MarkdownDoc.escape("Store.<init> *x*")
                + ".");
        doc.table(List.of("Strategy", "ns"), List.of(List.of("A", "1.00 | 2"), List.of("B", "< 0.01 %")));
        doc.chart(new Chart("chart-x", "A chart", "p25 to p75", "ms", List.of("A", "B"),
                List.of(new Chart.Series("s", new double[] {1, Double.NaN}, new double[] {0.5, 0},
                        new double[] {1.5, 0})), false));
        doc.heading(3, "Second", "second");
        doc.bullets(List.of("one", "two"));
        return doc;
    }

    @Test
    void theMarkdownNamesEachChartWhereTheHtmlDrawsIt() {
        String md = doc().markdown();
        assertThat(md).startsWith("# A \\<title>\n\n<a id=\"first\"></a>\n## First\n\n")
                .contains("| A | 1.00 \\| 2 |", "| --- | ---: |",
                        "_Chart in report.html: A chart (error bars: p25 to p75)._\n\n<a id=\"second\"></a>\n### Second")
                .contains("Store.\\<init> \\*x\\*");
    }

    @Test
    void headingsCarryTheirAnchorsAndNumberColumnsTheirClass() {
        String html = HtmlPage.render(doc(), "/* echarts */ '</script>'");
        assertThat(html).contains("<title>A &lt;title&gt;</title>", "<h1>A &lt;title&gt;</h1>",
                "<h2 id=\"first\">First</h2>", "<h3 id=\"second\">Second</h3>",
                "<a href=\"#second\">the second</a>", "<code>code</code>", "<strong>bold</strong>",
                "Store.&lt;init&gt; *x*", "<td>A</td><td class=\"num\">1.00 | 2</td>".replace("><", ">\n<"),
                "<td class=\"num\">&lt; 0.01 %</td>", "<th>ns</th>", "<li>one</li>")
                .doesNotContain("<a id=", "align=\"right\"", "<p></p>", "_Chart in report.html");
        assertThat(html).as("the chart's place, between the table and the next heading")
                .containsSubsequence("</table>", "<div class=\"chart\" id=\"chart-x\"></div>", "<h3 id=\"second\">");
        assertThat(html).contains("\"values\":[1.0,null]", "function drawChart(spec)", "charts.forEach(drawChart)",
                "'<\\/script>'", "td.num {");
    }

    @Test
    void theRealEchartsIsInlined() {
        assertThat(HtmlPage.echartsScript()).contains("echarts").hasSizeGreaterThan(100_000);
    }
}
