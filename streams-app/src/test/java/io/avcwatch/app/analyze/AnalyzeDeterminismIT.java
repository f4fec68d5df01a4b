package io.avcwatch.app.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import io.avcwatch.app.cli.AvcwatchCommand;
import io.avcwatch.schemas.Alert;
import io.avcwatch.schemas.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 6: replaying the same files twice gives identical alerts. The input interleaves five hosts over three
 * partitions, with storms, mode switches, denials of labels no inventory knows (they wait for late inventory)
 * and attributed ones, so anything the wall clock or the interleaving of hosts decided would show up.
 */
class AnalyzeDeterminismIT {
    private static final Path DEMO = Path.of("..", "examples", "demo");

    @TempDir
    Path tmp;

    @Test
    void analysingTheSameFileTwiceGivesIdenticalAlerts() throws Exception {
        final Path log = MultiHostLog.write(tmp.resolve("multi-host.audit.log"), 12_000, 6);

        final List<String> first = analyze(log);
        final List<String> second = analyze(log);

        assertThat(second).isEqualTo(first);
        final List<Alert> alerts = first.stream().map(l -> Json.fromJson(l, Alert.class)).toList();
        assertThat(alerts).extracting(Alert::host).as("several hosts").hasSizeGreaterThan(0)
                .contains(MultiHostLog.KNOWN_HOST, "node-b", "node-c");
        assertThat(alerts).as("storms folded repeats").anySatisfy(a -> assertThat(a.count()).isGreaterThan(1));
        assertThat(alerts).as("attributed by the inventory").anySatisfy(a -> assertThat(a.container()).isNotNull());
        assertThat(alerts).as("labels nobody knows stay unattributed")
                .anySatisfy(a -> assertThat(a.container()).isNull());
    }

    /** The jsonl alerts of one analyze run, sorted by alert id (the order is not part of the contract). */
    private List<String> analyze(final Path log) {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final CommandLine cl = AvcwatchCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        final int code = cl.execute("analyze", log.toString(),
                "--containers", MultiHostLog.KNOWN_HOST + "=" + DEMO.resolve("node-alpha1.inspect.json"),
                "--format", "jsonl");
        assertThat(code).as(err.toString()).isIn(0, 1);
        return out.toString().lines()
                .sorted(Comparator.comparing((String l) -> Json.fromJson(l, Alert.class).alertId()).thenComparing(l -> l))
                .toList();
    }
}
