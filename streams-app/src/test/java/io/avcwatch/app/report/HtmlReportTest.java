package io.avcwatch.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.avcwatch.app.output.EcsAlertWriter;
import io.avcwatch.app.output.SafeText;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
    private static final Pattern DATA = Pattern.compile(
            "<script type=\"application/json\" id=\"report-data\">(.*?)</script>", Pattern.DOTALL);

    private static int occurrences(final String haystack, final String needle) {
        int n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    private static JsonNode chartData(final String html) throws Exception {
        final Matcher m = DATA.matcher(html);
        assertThat(m.find()).isTrue();
        return new ObjectMapper().readTree(m.group(1));
    }

    @Test
    void theReportIsOneSelfContainedFileWithChartsAndTables(@TempDir final Path dir) throws Exception {
        final Path file = dir.resolve("report.html");
        HtmlReport.write(SampleReport.clean(), file);
        final String html = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(html).startsWith("<!DOCTYPE html>")
                .contains("<title>avcwatch report: demo scenario</title>")
                .contains("<div id=\"timeline\"", "<div id=\"by-rule\"")
                .contains("<table id=\"rule-table\"", "<table id=\"container-table\"", "<table id=\"alert-table\"")
                .contains("Content-Security-Policy", "default-src 'none'")
                // ECharts itself, inlined: the report must open offline.
                .contains("Licensed to the Apache Software Foundation", "echarts")
                .doesNotContain("<link", "src=\"http", "{{");
        assertThat(html).contains("<b>48211</b> audit lines", "<b>2</b> dead letters", "node-delta0.audit.log");
    }

    @Test
    void chartDataHasATimelineRowPerActiveContainerAndCountsPerRule() throws Exception {
        final ReportData data = SampleReport.clean();
        final JsonNode chart = chartData(HtmlReport.render(data));
        assertThat(chart.get("categories").toString()).contains("web @ node-delta0", "db @ node-delta0",
                "ci-builder @ node-delta0", "metrics @ node-delta0", ChartData.HOST_ROW, ChartData.AMBIGUOUS_ROW);
        assertThat(chart.get("alerts")).hasSize(data.alerts().size());
        // denials behind an alert are drawn once, as the alert
        assertThat(chart.get("denials")).hasSize(45);
        assertThat(chart.get("rules").toString()).contains("container-mount-attempt", "container-api-socket");
        final int mountRow = chart.get("rules").toString().split(",").length;
        assertThat(mountRow).isEqualTo(chart.get("rules").size());
        int total = 0;
        for (JsonNode series : chart.get("ruleCounts")) {
            for (JsonNode n : series) {
                total += n.asInt();
            }
        }
        assertThat(total).isEqualTo(data.alerts().size());
    }

    @Test
    void theContainerTableNamesImageTimesAndRules() {
        final String html = HtmlReport.render(SampleReport.clean());
        final String table = html.substring(html.indexOf("<table id=\"container-table\""), html.indexOf("</table>",
                html.indexOf("<table id=\"container-table\"")));
        assertThat(table).contains("ci-builder", "quay.io/buildah/stable:v1.35", "container-reads-host-secrets",
                "container-mount-attempt", "metrics");
        // ci-builder: first seen at its first mount attempt, last seen at the end of the aggregated secret reads
        assertThat(table).contains("<td>2025-12-05 21:50:10.000</td><td>2025-12-05 21:50:50.000</td>");
        assertThat(occurrences(table, "<tr>")).isEqualTo(1 + 4);
    }

    @Test
    void attackerControlledStringsCannotBreakOutOfTheirElements() throws Exception {
        final String html = HtmlReport.render(SampleReport.withHostileStrings());
        assertThat(html).doesNotContain("<img src=x", "onerror=alert(1)>");
        assertThat(html).contains("&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;");
        // exactly the page's own scripts close: the JSON block, ECharts and the report script
        assertThat(occurrences(html, "</script>")).isEqualTo(3);
        assertThat(occurrences(html, "id=\"report-data\"")).isEqualTo(1);
        assertThat(html.chars().filter(c -> c != '\n' && SafeText.isUnsafe(c))).isEmpty();
        final Matcher m = DATA.matcher(html);
        assertThat(m.find()).isTrue();
        assertThat(m.group(1)).doesNotContain("<", ">", "&");
        // the script still gets the text itself, to escape again in its tooltip
        assertThat(chartData(html).get("alerts").toString()).contains("</script><img src=x onerror=alert(1)>");
    }

    @Test
    void anEmptyResultStillRenders() throws Exception {
        final ReportData empty = ReportData.of(java.util.List.of("quiet.log"), java.util.List.of(), java.util.List.of(),
                java.util.List.of());
        final String html = HtmlReport.render(empty);
        assertThat(html).contains("No alerts.", "<b>0</b> alerts");
        assertThat(chartData(html).get("alerts")).isEmpty();
        assertThat(EcsAlertWriter.ECS_VERSION).isEqualTo("9.4.0");
    }
}
