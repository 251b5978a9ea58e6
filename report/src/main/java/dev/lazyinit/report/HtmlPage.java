package dev.lazyinit.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * The report as one self-contained HTML file: the Markdown rendered by commonmark-java (GitHub tables), the
 * charts drawn in their places by Apache ECharts, whose script (from the {@code org.webjars.npm:echarts} jar on
 * the class path) is inlined with the page's CSS and chart script (resources beside this class), so the file
 * works offline.
 */
final class HtmlPage {

    private static final String WEBJAR_POM = "META-INF/maven/org.webjars.npm/echarts/pom.properties";
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    /** A heading's anchor as {@link MarkdownDoc#heading} writes it, on the line above the heading. */
    private static final Pattern ANCHOR = Pattern.compile("<a id=\"([^\"]+)\">");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");
    private static final ObjectMapper JSON = JsonMapper.builder().disable(SerializationFeature.INDENT_OUTPUT).build();

    private HtmlPage() {
    }

    /**
     * @param doc the document
     * @return the page, with ECharts inlined
     */
    static String render(MarkdownDoc doc) {
        return render(doc, echartsScript());
    }

    /**
     * @param doc the document
     * @param echarts the charting library's script to inline
     * @return the page
     */
    static String render(MarkdownDoc doc, String echarts) {
        StringBuilder content = new StringBuilder();
        List<Map<String, Object>> charts = new ArrayList<>();
        for (MarkdownDoc.Part part : doc.parts()) {
            if (part instanceof MarkdownDoc.Text t) {
                content.append(html(t.markdown()));
            } else if (part instanceof MarkdownDoc.Figure f) {
                charts.add(chartSpec(f.chart()));
                content.append("<div class=\"chart\" id=\"").append(escape(f.chart().id())).append("\"></div>\n");
            }
        }
        Map<String, String> values = Map.of("title", escape(doc.title()), "css", resource("report.css"),
                "echarts", echarts.replace("</script", "<\\/script"), "content", content.toString(),
                "chartsJs", resource("report-charts.js"), "charts", json(charts));
        Matcher m = PLACEHOLDER.matcher(resource("report-page.html"));
        StringBuilder page = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(page, Matcher.quoteReplacement(values.get(m.group(1))));
        }
        return m.appendTail(page).toString();
    }

    /** Markdown to HTML: each heading gets the anchor written above it; number columns get class "num". */
    private static String html(String markdown) {
        Map<Node, String> anchors = new IdentityHashMap<>();
        Parser parser = Parser.builder().extensions(EXTENSIONS).postProcessor(node -> {
            moveAnchorsOntoHeadings(node, anchors);
            return node;
        }).build();
        HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS)
                .attributeProviderFactory(context -> (node, tag, attributes) -> {
                    if (anchors.containsKey(node)) {
                        attributes.put("id", anchors.get(node));
                    }
                    if (node instanceof TableCell cell && cell.getAlignment() == TableCell.Alignment.RIGHT) {
                        attributes.remove("align");
                        if (!cell.isHeader()) {
                            attributes.put("class", "num");
                        }
                    }
                }).build();
        return renderer.render(parser.parse(markdown));
    }

    /** Turns each paragraph that holds only {@code <a id="x"></a>} before a heading into that heading's id. */
    private static void moveAnchorsOntoHeadings(Node document, Map<Node, String> anchors) {
        Node child = document.getFirstChild();
        while (child != null) {
            Node next = child.getNext();
            if (child instanceof Paragraph p && next instanceof Heading
                    && p.getFirstChild() instanceof HtmlInline open && p.getLastChild() instanceof HtmlInline close
                    && open.getNext() == close && close.getLiteral().equals("</a>")) {
                Matcher m = ANCHOR.matcher(open.getLiteral());
                if (m.matches()) {
                    anchors.put(next, m.group(1));
                    p.unlink();
                }
            }
            child = next;
        }
    }

    private static Map<String, Object> chartSpec(Chart c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("title", c.title());
        m.put("errorBars", c.errorBars());
        m.put("axis", c.axis());
        m.put("log", c.logScale());
        m.put("categories", c.categories());
        List<Object> series = new ArrayList<>();
        for (Chart.Series s : c.series()) {
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("name", s.name());
            sm.put("values", numbers(s.values()));
            sm.put("low", numbers(s.low()));
            sm.put("high", numbers(s.high()));
            series.add(sm);
        }
        m.put("series", series);
        return m;
    }

    /** @return the values, a missing one (NaN) as null, which JSON has and ECharts skips */
    private static List<Double> numbers(double[] values) {
        List<Double> l = new ArrayList<>();
        for (double v : values) {
            l.add(Double.isNaN(v) || Double.isInfinite(v) ? null : v);
        }
        return l;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value).replace("</", "<\\/");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the charts as JSON", e);
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String resource(String name) {
        try (InputStream in = HtmlPage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("No resource " + name + " beside " + HtmlPage.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the ECharts library's minified script, from the webjar on the class path */
    static String echartsScript() {
        ClassLoader cl = HtmlPage.class.getClassLoader();
        try (InputStream pom = cl.getResourceAsStream(WEBJAR_POM)) {
            if (pom == null) {
                throw new IllegalStateException("The ECharts webjar is not on the class path (" + WEBJAR_POM + ")");
            }
            Properties p = new Properties();
            p.load(pom);
            String path = "META-INF/resources/webjars/echarts/" + p.getProperty("version") + "/dist/echarts.min.js";
            try (InputStream js = cl.getResourceAsStream(path)) {
                if (js == null) {
                    throw new IllegalStateException("No " + path + " on the class path");
                }
                return new String(js.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
