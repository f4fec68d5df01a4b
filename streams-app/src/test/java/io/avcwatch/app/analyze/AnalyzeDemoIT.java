package io.avcwatch.app.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import io.avcwatch.app.cli.AvcwatchCommand;
import io.avcwatch.app.cli.ExitCodes;
import io.avcwatch.app.denials.ScenarioScore;
import io.avcwatch.schemas.Alert;
import io.avcwatch.schemas.Json;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The README's first command, exactly, with {@code --format jsonl}: a private broker, the demo logs and
 * inventories, and the alerts scored with {@code check_alerts.py}'s criteria. Also checks that every alert
 * from a log line leads back to that line (file, byte offset, serial).
 */
class AnalyzeDemoIT {
    private static final Path DEMO = Path.of("..", "examples", "demo");

    @TempDir
    Path tmp;

    @Test
    void theReadmeCommandFindsEveryAttackWithoutFalsePositives() throws Exception {
        final Path report = tmp.resolve("report.html");
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final CommandLine cl = AvcwatchCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));

        final int code = cl.execute("analyze",
                DEMO.resolve("node-alpha1.audit.log").toString(), DEMO.resolve("node-delta0.audit.log").toString(),
                "--containers", "node-alpha1=" + DEMO.resolve("node-alpha1.inspect.json"),
                "--containers", "node-delta0=" + DEMO.resolve("node-delta0.inspect.json"),
                "--format", "jsonl", "--report", report.toString(), "--fail-on", "critical");

        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.FINDINGS);
        final List<Alert> alerts = out.toString().lines().map(l -> Json.fromJson(l, Alert.class)).toList();
        final ScenarioScore score = ScenarioScore.bySerial(Json.newMapper().readTree(DEMO.resolve("expected.json")
                .toFile()), alerts);
        assertThat(score.problems()).isEmpty();
        assertThat(score.hits()).isEqualTo(score.attacks()).isPositive();
        assertThat(score.falsePositives()).isZero();
        assertThat(score.attributed()).isEqualTo(score.attributionChecked()).isPositive();
        assertThat(alerts).extracting(Alert::alertId).doesNotHaveDuplicates();
        assertThat(err.toString()).contains("157 lines from 2 files").contains(alerts.size() + " alerts");
        assertThat(Files.readString(report)).startsWith("<!DOCTYPE html>").contains("node-delta0");

        final List<Alert> fromLines = alerts.stream().filter(a -> a.event().serial() != 0).toList();
        assertThat(fromLines).isNotEmpty().allSatisfy(a -> {
            assertThat(a.source().file()).endsWith(a.host() + ".audit.log");
            assertThat(lineAt(Path.of(a.source().file()), a.source().offset()))
                    .contains("msg=audit(" + a.event().timestamp() + ":" + a.source().serial() + ")");
        });
    }

    private static String lineAt(final Path file, final long offset) throws Exception {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            in.seek(offset);
            return new String(in.readLine().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        }
    }
}
