package io.avcwatch.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the report in headless Chromium (Debian's {@code chromium}; CI installs it in {@code .ci/run})
 * and checks what a reader would see: the charts drawn as SVG, the tables filled, no injected element.
 * The screenshot stays in {@code target/report-it/}; {@code -Ddocs.update=true} also copies it to
 * {@code docs/report-screenshot.png}.
 */
class HtmlReportChromiumIT {
    private static final Path OUT = Path.of("target", "report-it");
    private static final long TIMEOUT_SECONDS = 120;

    private static String chromium() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                if (Files.isExecutable(Path.of(dir, name))) {
                    return Path.of(dir, name).toString();
                }
            }
        }
        throw new AssertionError("headless Chromium is needed for this test: apt-get install -y chromium");
    }

    /** Runs Chromium on {@code page} with a fresh profile; returns what it printed on stdout. */
    private static String run(final Path profile, final Path page, final String... action) throws Exception {
        final List<String> command = new ArrayList<>(List.of(chromium(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + profile.toAbsolutePath(),
                "--virtual-time-budget=10000"));
        command.addAll(List.of(action));
        command.add(page.toAbsolutePath().toUri().toString());
        final Path stdout = Files.createTempFile(profile.getParent(), "chromium", ".out");
        final Path stderr = Files.createTempFile(profile.getParent(), "chromium", ".err");
        final Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                .start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("chromium did not finish in " + TIMEOUT_SECONDS + " s");
        }
        assertThat(process.exitValue()).as("chromium exit code; stderr:%n%s", Files.readString(stderr)).isZero();
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }

    private static String between(final String dom, final String start, final String end) {
        final int from = dom.indexOf(start);
        assertThat(from).as("%s in the rendered page", start).isNotNegative();
        final int to = dom.indexOf(end, from);
        return dom.substring(from, to < 0 ? dom.length() : to);
    }

    private static int count(final String haystack, final String needle) {
        int n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void chromiumDrawsTheChartsAndTablesAndRunsNothingFromTheLog(@TempDir final Path tmp) throws Exception {
        Files.createDirectories(OUT);
        final ReportData data = SampleReport.withHostileStrings();
        final Path page = OUT.resolve("report-hostile.html");
        HtmlReport.write(data, page);

        final String dom = run(tmp.resolve("profile-dom"), page, "--dump-dom");
        Files.writeString(OUT.resolve("report-hostile.dom.html"), dom);

        // the page is a megabyte of inlined ECharts: check facts, never print the DOM in a failure
        assertThat(dom.contains("data-charts-ready=\"true\"")).as("charts drawn (marker set on <body>)").isTrue();
        assertThat(dom.contains("data-charts-error=\"")).as("charts failed").isFalse();
        final String timeline = between(dom, "<div id=\"timeline\"", "<section>");
        assertThat(timeline.contains("<svg")).as("timeline drawn as SVG").isTrue();
        assertThat(count(timeline, "<path")).as("timeline points and axes").isGreaterThan(data.alerts().size());
        assertThat(timeline.contains(">web @ node-delta0</text>")).as("a row per container").isTrue();
        assertThat(timeline.contains(">(host process)</text>")).as("a row for host processes").isTrue();
        final String byRule = between(dom, "<div id=\"by-rule\"", "<table");
        assertThat(byRule.contains("<svg")).as("rule chart drawn as SVG").isTrue();
        assertThat(byRule.contains(">container-mount-attempt</text>")).as("rule names on the axis").isTrue();
        assertThat(count(between(dom, "<table id=\"alert-table\"", "</table>"), "<tr"))
                .isEqualTo(1 + data.alerts().size());
        assertThat(count(between(dom, "<table id=\"container-table\"", "</table>"), "<tr")).isEqualTo(1 + 4);
        assertThat(between(dom, "<table id=\"rule-table\"", "</table>").contains("container-api-socket")).isTrue();
        // the attacker's markup stayed text: no element was created from it
        assertThat(dom.contains("<img src=\"x\"") || dom.contains("<img src=x")).as("injected <img> element").isFalse();
        assertThat(dom.contains("&lt;img src=x onerror=alert(1)&gt;")).as("markup shown as text").isTrue();
    }

    @Test
    void screenshotOfTheDemoReport(@TempDir final Path tmp) throws Exception {
        Files.createDirectories(OUT);
        final Path page = OUT.resolve("report.html");
        HtmlReport.write(SampleReport.clean(), page);
        final Path png = OUT.resolve("report-screenshot.png").toAbsolutePath();
        Files.deleteIfExists(png);
        run(tmp.resolve("profile-shot"), page, "--screenshot=" + png, "--window-size=1400,2200");
        assertThat(png).exists();
        final byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes.length).isGreaterThan(20_000);
        assertThat(new String(bytes, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
        if (Boolean.getBoolean("docs.update")) {
            copyToDocs(png);
        }
    }

    private static void copyToDocs(final Path png) throws IOException {
        final Path docs = Path.of("..", "docs");
        Files.createDirectories(docs);
        Files.copy(png, docs.resolve("report-screenshot.png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
