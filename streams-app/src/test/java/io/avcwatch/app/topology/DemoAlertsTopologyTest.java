package io.avcwatch.app.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.avcwatch.app.inventory.LabelVersion;
import io.avcwatch.schemas.Alert;
import io.avcwatch.schemas.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo scenario through the whole topology, detection included, scored the way
 * {@code check_alerts.py} scores it (the alerts are also written to {@code target/demo-alerts.jsonl} so the
 * script itself can be run on them).
 */
class DemoAlertsTopologyTest {

    @TempDir
    Path stateDir;

    @Test
    void theDemoScoresFullRecallNoFalsePositiveAndFullAttribution() throws Exception {
        final List<Alert> alerts;
        try (TopologyHarness topo = new TopologyHarness(stateDir)) {
            for (final String host : DemoScenario.HOSTS) {
                for (final LabelVersion version : DemoScenario.labels(host)) {
                    topo.containers.pipeInput(new TestRecord<>(version.key(), version.label(), version.validFrom()));
                }
                topo.ship(host, DemoScenario.log(host).toArray(String[]::new));
            }
            topo.idle();
            alerts = topo.alerts.readValuesToList();
        }
        final StringBuilder jsonl = new StringBuilder();
        alerts.forEach(a -> jsonl.append(Json.toJson(a)).append('\n'));
        Files.writeString(Path.of("target", "demo-alerts.jsonl"), jsonl, StandardCharsets.UTF_8);

        final DemoScenario.Score score = DemoScenario.score(alerts);
        assertThat(score.notes()).isEmpty();
        assertThat(score.recall()).isEqualTo(1.0);
        assertThat(score.falsePositives()).isZero();
        assertThat(score.attribution()).isEqualTo(1.0);
    }
}
