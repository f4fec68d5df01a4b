package io.avcwatch.app.denials;

import static org.assertj.core.api.Assertions.assertThat;

import io.avcwatch.schemas.Alert;
import io.avcwatch.schemas.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Offline scoring harness: runs the scenario sets shipped under {@code examples/} through parser,
 * denial building, a test-only container lookup and the rules, and scores the alerts with the
 * criteria of {@code check_alerts.py}: the best alert per (host, serial) must reach {@code high}
 * for every attack, {@code critical} where expected, stay below {@code high} for benign events,
 * and name the expected container. The alerts are also written as JSON lines to
 * {@code target/scenario-alerts/<set>.jsonl} for the script itself.
 */
class ScenarioScoringTest {
    private static final Path EXAMPLES = Path.of("..", "examples");

    @ParameterizedTest
    @ValueSource(strings = {"demo", "walkthrough"})
    void scenarioScoresFullRecallNoFalsePositiveFullAttribution(final String set) throws Exception {
        final Path dir = EXAMPLES.resolve(set);
        final OfflinePipeline pipeline = new OfflinePipeline();
        try (var files = Files.list(dir)) {
            for (final Path inspect : files.filter(p -> p.toString().endsWith(".inspect.json")).sorted().toList()) {
                final String host = inspect.getFileName().toString().replace(".inspect.json", "");
                pipeline.inventory(host, inspect);
            }
        }
        try (var files = Files.list(dir)) {
            for (final Path log : files.filter(p -> p.toString().endsWith(".audit.log")).sorted().toList()) {
                pipeline.run(log);
            }
        }
        final List<Alert> alerts = pipeline.finish();
        final Path out = Path.of("target", "scenario-alerts", set + ".jsonl");
        Files.createDirectories(out.getParent());
        Files.write(out, OfflinePipeline.jsonLines(alerts));

        final ScenarioScore score = ScenarioScore.bySerial(
                Json.newMapper().readTree(dir.resolve("expected.json").toFile()), alerts);
        assertThat(score.problems()).as("scenario " + set + ": " + score.figure()).isEmpty();
        assertThat(score.hits()).isEqualTo(score.attacks());
    }
}
