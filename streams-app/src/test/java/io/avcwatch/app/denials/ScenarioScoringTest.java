package io.avcwatch.app.denials;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.avcwatch.schemas.Alert;
import io.avcwatch.schemas.Json;
import io.avcwatch.schemas.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

        final Map<String, Alert> best = new HashMap<>();
        for (final Alert a : alerts) {
            best.merge(a.host() + "|" + a.event().serial(), a,
                    (x, y) -> x.severity().ordinal() <= y.severity().ordinal() ? x : y);
        }
        final List<String> problems = new ArrayList<>();
        for (final JsonNode e : Json.newMapper().readTree(dir.resolve("expected.json").toFile())) {
            final String key = e.path("host").asText() + "|" + e.path("serial").asText();
            final Alert a = best.get(key);
            final String label = e.path("family").asText() + "@" + key;
            if ("benign".equals(e.path("kind").asText())) {
                if (a != null && a.severity().ordinal() <= Severity.HIGH.ordinal()) {
                    problems.add("false positive " + label + ": " + a.rule() + " " + a.severity().label());
                }
                continue;
            }
            if (a == null || a.severity().ordinal() > Severity.HIGH.ordinal()) {
                problems.add("missed " + label + (a == null ? "" : ": " + a.rule() + " " + a.severity().label()));
                continue;
            }
            if ("critical".equals(e.path("min_severity").asText()) && a.severity() != Severity.CRITICAL) {
                problems.add("below critical " + label + ": " + a.rule() + " " + a.severity().label());
            }
            if ("escape".equals(e.path("kind").asText())) {
                final String want = e.path("container_id").isNull() ? null : e.path("container_id").asText();
                final String got = a.container() == null ? null : a.container().id();
                if (e.path("candidates").isArray() && e.path("candidates").size() > 0) {
                    final List<String> cands = new ArrayList<>();
                    e.path("candidates").forEach(c -> cands.add(c.asText()));
                    if (!cands.contains(got) && a.candidates().stream().noneMatch(c -> cands.contains(c.id()))) {
                        problems.add("wrong candidates " + label);
                    }
                } else if (want == null ? got != null : !want.equals(got)) {
                    problems.add("wrong container " + label + ": " + got);
                }
            }
        }
        assertThat(problems).as("scenario " + set).isEmpty();
    }
}
