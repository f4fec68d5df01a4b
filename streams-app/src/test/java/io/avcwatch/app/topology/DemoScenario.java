package io.avcwatch.app.topology;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.avcwatch.app.inventory.InspectImport;
import io.avcwatch.app.inventory.LabelVersion;
import io.avcwatch.schemas.Alert;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The demo scenario of {@code examples/demo}: logs, inventory and the score {@code check_alerts.py} gives. */
final class DemoScenario {
    static final Path DIR = Path.of("..", "examples", "demo");
    static final List<String> HOSTS = List.of("node-alpha1", "node-delta0");
    private static final List<String> ORDER = List.of("info", "low", "medium", "high", "critical");

    private DemoScenario() {
    }

    static List<String> log(final String host) throws IOException {
        return Files.readAllLines(DIR.resolve(host + ".audit.log"));
    }

    static JsonNode expected() throws IOException {
        return new ObjectMapper().readTree(DIR.resolve("expected.json").toFile());
    }

    /** What {@code avcwatch inventory import} publishes for the host's inspect file, oldest first. */
    static List<LabelVersion> labels(final String host) throws IOException {
        return InspectImport.load(List.of(inspectFile(host)), Optional.of(host)).versions();
    }

    static Path inspectFile(final String host) {
        return DIR.resolve(host + ".inspect.json");
    }

    /** {@code check_alerts.py}'s figures for {@code alerts}. */
    record Score(int hits, int attacks, int falsePositives, int attributed, int attributable, List<String> notes) {
        double recall() {
            return attacks == 0 ? 0 : (double) hits / attacks;
        }

        double attribution() {
            return attributable == 0 ? 0 : (double) attributed / attributable;
        }
    }

    static Score score(final List<Alert> alerts) throws IOException {
        final Map<String, List<Alert>> byKey = alerts.stream()
                .collect(Collectors.groupingBy(a -> a.host() + ":" + a.event().serial()));
        int hits = 0;
        int attacks = 0;
        int fp = 0;
        int attOk = 0;
        int attN = 0;
        final List<String> notes = new ArrayList<>();
        for (final JsonNode e : expected()) {
            final String family = e.get("family").asText();
            final List<Alert> als = byKey.getOrDefault(e.get("host").asText() + ":" + e.get("serial").asLong(), List.of());
            final Alert best = als.stream().max((x, y) -> Integer.compare(rank(x), rank(y))).orElse(null);
            final int top = best == null ? -1 : rank(best);
            final String kind = e.get("kind").asText();
            if (kind.equals("benign")) {
                if (top >= ORDER.indexOf("high")) {
                    fp++;
                    notes.add("false positive " + family);
                }
                continue;
            }
            attacks++;
            if (top >= ORDER.indexOf("high")) {
                hits++;
            } else {
                notes.add("missed " + e.get("host").asText() + " " + family);
            }
            if (kind.equals("escape") && best != null) {
                attN++;
                final String got = best.container() == null ? null : best.container().id();
                final String want = e.get("container_id").isNull() ? null : e.get("container_id").asText();
                if (java.util.Objects.equals(got, want)) {
                    attOk++;
                } else {
                    notes.add("wrong container " + family);
                }
            }
        }
        return new Score(hits, attacks, fp, attOk, attN, notes);
    }

    private static int rank(final Alert a) {
        return ORDER.indexOf(a.severity().label().toLowerCase(Locale.ROOT));
    }
}
