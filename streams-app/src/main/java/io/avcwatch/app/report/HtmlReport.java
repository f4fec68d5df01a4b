package io.avcwatch.app.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.avcwatch.app.output.SafeJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code --report} file: one self-contained HTML page (Apache ECharts inlined, no network
 * access, a Content-Security-Policy that forbids any) with a timeline of denials per container
 * coloured by severity, alert counts by rule and severity, a per-container table and the alert
 * list with explanations.
 *
 * <p>Every string from the log is attacker controlled: tables escape it for HTML, the chart data
 * is JSON escaped so that {@code </script>} cannot end its element, and the script escapes again
 * whatever it puts in a tooltip. When the charts are drawn the page sets
 * {@code data-charts-ready="true"} on {@code <body>} (or {@code data-charts-error}), which is what
 * the headless-browser test waits for.
 */
public final class HtmlReport {
    private static final String ECHARTS = "/META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";
    private static final Pattern SLOT = Pattern.compile("\\{\\{([A-Z_]+)}}");
    private static final int TIMELINE_ROW_PX = 28;

    private HtmlReport() {
    }

    /** Writes the report for {@code data} to {@code file} (UTF-8), replacing it if it exists. */
    public static void write(final ReportData data, final Path file) throws IOException {
        Files.writeString(file, render(data), StandardCharsets.UTF_8);
    }

    /** The report as an HTML document. */
    public static String render(final ReportData data) {
        final List<ContainerActivity> containers = ContainerActivity.from(data);
        final ObjectNode chartData = ChartData.build(data, containers);
        final int rows = chartData.get("categories").size();
        final Map<String, String> slots = Map.of(
                "TITLE", Html.text(data.scenario().title()),
                "STYLE", resource("/report/report.css"),
                "SCENARIO", ReportTables.scenario(data.scenario()),
                "TIMELINE_HEIGHT", String.valueOf(Math.max(260, 120 + rows * TIMELINE_ROW_PX)),
                "RULE_HEIGHT", String.valueOf(Math.max(200, 90 + chartData.get("rules").size() * 30)),
                "RULE_TABLE", ReportTables.byRule(data.alerts()),
                "CONTAINER_TABLE", ReportTables.containers(containers),
                "ALERT_LIST", ReportTables.alerts(data.alerts()),
                "DATA", SafeJson.forScript(chartData),
                "SCRIPTS", "<script>" + scriptSafe(resource(ECHARTS)) + "</script>\n<script>"
                        + scriptSafe(resource("/report/report.js")) + "</script>");
        return fill(resource("/report/report.html"), slots);
    }

    /** Fills {@code {{SLOT}}}s of the template in one pass, so text inserted into one slot is never read as another. */
    private static String fill(final String template, final Map<String, String> slots) {
        final Matcher m = SLOT.matcher(template);
        final StringBuilder out = new StringBuilder(template.length() + 1_200_000);
        int last = 0;
        while (m.find()) {
            final String value = slots.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("report.html has an unknown slot " + m.group());
            }
            out.append(template, last, m.start()).append(value);
            last = m.end();
        }
        return out.append(template, last, template.length()).toString();
    }

    /** Bundled scripts are ours, but a literal {@code </script} in one would still end the element early. */
    private static String scriptSafe(final String js) {
        return js.replace("</script", "<\\/script").replace("</SCRIPT", "<\\/SCRIPT");
    }

    private static String resource(final String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
