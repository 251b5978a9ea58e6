package dev.lazyinit.jmh.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a {@link Doc} as one self-contained HTML file: tables as HTML, charts drawn by Apache ECharts, whose
 * script (from the {@code org.webjars.npm:echarts} jar on the class path) is inlined, so the file works
 * offline. Error bars are drawn by an ECharts custom series over each bar.
 */
public final class HtmlWriter {

    private static final String WEBJAR_POM = "META-INF/maven/org.webjars.npm/echarts/pom.properties";

    private HtmlWriter() {
    }

    /**
     * @param doc the document
     * @return the HTML
     */
    public static String render(Doc doc) {
        StringBuilder body = new StringBuilder();
        List<Doc.Chart> charts = new ArrayList<>();
        for (Doc.Block b : doc.blocks()) {
            if (b instanceof Doc.Heading h) {
                body.append("<h").append(h.level()).append(" id=\"").append(esc(h.anchor())).append("\">")
                        .append(inline(h.text())).append("</h").append(h.level()).append(">\n");
            } else if (b instanceof Doc.Para p) {
                body.append("<p>").append(inline(p.text())).append("</p>\n");
            } else if (b instanceof Doc.Bullets l) {
                body.append("<ul>\n");
                l.items().forEach(i -> body.append("<li>").append(inline(i)).append("</li>\n"));
                body.append("</ul>\n");
            } else if (b instanceof Doc.Table t) {
                body.append("<table>\n<thead><tr>");
                t.header().forEach(c -> body.append("<th>").append(inline(c)).append("</th>"));
                body.append("</tr></thead>\n<tbody>\n");
                for (List<String> r : t.rows()) {
                    body.append("<tr>");
                    for (int i = 0; i < r.size(); i++) {
                        boolean left = i < t.leftColumns();
                        body.append(left ? "<td>" : "<td class=\"num\">").append(inline(r.get(i))).append("</td>");
                    }
                    body.append("</tr>\n");
                }
                body.append("</tbody></table>\n");
            } else if (b instanceof Doc.Chart c) {
                charts.add(c);
                body.append("<div class=\"chart\" id=\"").append(esc(c.id())).append("\"></div>\n");
            }
        }
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(esc(doc.title())).append("</title>\n<style>\n").append(CSS).append("</style>\n");
        html.append("<script>\n").append(echartsScript()).append("\n</script>\n</head>\n<body>\n<main>\n");
        html.append("<h1>").append(esc(doc.title())).append("</h1>\n").append(body).append("</main>\n");
        html.append("<script>\n").append(CHART_JS).append("\nvar charts = [\n");
        for (int i = 0; i < charts.size(); i++) {
            html.append(chartJson(charts.get(i))).append(i + 1 < charts.size() ? ",\n" : "\n");
        }
        html.append("];\ncharts.forEach(drawChart);\n</script>\n</body>\n</html>\n");
        return html.toString();
    }

    private static String chartJson(Doc.Chart c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("title", c.title());
        m.put("errorBars", c.errorBars());
        m.put("axis", c.axis());
        m.put("log", c.logScale());
        m.put("categories", c.categories());
        List<Object> series = new ArrayList<>();
        for (Doc.Series s : c.series()) {
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("name", s.name());
            sm.put("values", list(s.values()));
            sm.put("low", list(s.low()));
            sm.put("high", list(s.high()));
            series.add(sm);
        }
        m.put("series", series);
        return Json.write(m).strip().replace("</", "<\\/");
    }

    private static List<Object> list(double[] values) {
        List<Object> l = new ArrayList<>();
        for (double v : values) {
            l.add(Double.isNaN(v) || Double.isInfinite(v) ? null : v);
        }
        return l;
    }

    /** @return the ECharts library's minified script, from the webjar on the class path */
    static String echartsScript() {
        ClassLoader cl = HtmlWriter.class.getClassLoader();
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
                return new String(js.readAllBytes(), StandardCharsets.UTF_8).replace("</script", "<\\/script");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern BOLD = Pattern.compile("\\*\\*([^*]+)\\*\\*");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)\\]\\(([^)\\s]+)\\)");

    static String inline(String text) {
        String s = esc(text);
        s = CODE.matcher(s).replaceAll(m -> "<code>" + Matcher.quoteReplacement(m.group(1)) + "</code>");
        s = BOLD.matcher(s).replaceAll(m -> "<strong>" + Matcher.quoteReplacement(m.group(1)) + "</strong>");
        s = LINK.matcher(s).replaceAll(m -> "<a href=\"" + Matcher.quoteReplacement(m.group(2)) + "\">"
                + Matcher.quoteReplacement(m.group(1)) + "</a>");
        return s;
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static final String CSS = """
            body { font-family: system-ui, sans-serif; margin: 0; color: #222; background: #fafafa; }
            main { max-width: 1100px; margin: 0 auto; padding: 1em 2em 4em; background: #fff; }
            table { border-collapse: collapse; margin: 0.5em 0 1.5em; font-size: 0.9em; }
            th, td { border: 1px solid #ccc; padding: 0.3em 0.6em; vertical-align: top; }
            th { background: #f0f0f0; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            code { background: #f3f3f3; padding: 0 0.2em; }
            .chart { width: 100%; height: 420px; margin: 1em 0 2em; }
            """;

    /* Grouped bars plus a custom series per bar series that draws the error bar at the bar's centre. */
    private static final String CHART_JS = """
            function drawChart(spec) {
              var el = document.getElementById(spec.id);
              var chart = echarts.init(el);
              var n = spec.series.length;
              var series = [];
              spec.series.forEach(function (s, i) {
                series.push({ name: s.name, type: 'bar', data: s.values, barGap: '0%', barCategoryGap: '20%' });
                var bars = [];
                s.values.forEach(function (v, k) {
                  if (v !== null && s.low[k] !== null && s.high[k] !== null) {
                    bars.push([k, Math.max(s.low[k], spec.log ? v / 1000 : 0), s.high[k]]); // a time is never below 0
                  }
                });
                series.push({
                  name: s.name, type: 'custom', data: bars, z: 10, tooltip: { show: false },
                  encode: { x: 0, y: [1, 2] },
                  renderItem: function (params, api) {
                    var band = api.size([1, 0])[0];
                    var w = band * 0.8 / n;
                    var offset = -band * 0.4 + w * (i + 0.5);
                    var lo = api.coord([api.value(0), api.value(1)]);
                    var hi = api.coord([api.value(0), api.value(2)]);
                    var x = lo[0] + offset;
                    var cap = Math.max(3, w * 0.2);
                    var style = { stroke: '#222', lineWidth: 1.3 };
                    return { type: 'group', children: [
                      { type: 'line', shape: { x1: x, y1: lo[1], x2: x, y2: hi[1] }, style: style },
                      { type: 'line', shape: { x1: x - cap, y1: lo[1], x2: x + cap, y2: lo[1] }, style: style },
                      { type: 'line', shape: { x1: x - cap, y1: hi[1], x2: x + cap, y2: hi[1] }, style: style }
                    ] };
                  }
                });
              });
              chart.setOption({
                title: { text: spec.title, subtext: 'error bars: ' + spec.errorBars, left: 'center', top: 8 },
                tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
                legend: { top: 50, data: spec.series.map(function (s) { return s.name; }) },
                grid: { top: 90, left: 70, right: 20, bottom: 110 },
                xAxis: { type: 'category', data: spec.categories, axisLabel: { interval: 0, rotate: 25 } },
                yAxis: { type: spec.log ? 'log' : 'value', name: spec.axis, nameLocation: 'middle', nameGap: 50 },
                series: series
              });
              window.addEventListener('resize', function () { chart.resize(); });
            }
            """;
}
