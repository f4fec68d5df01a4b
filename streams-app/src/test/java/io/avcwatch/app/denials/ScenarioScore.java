package io.avcwatch.app.denials;

import com.fasterxml.jackson.databind.JsonNode;
import io.avcwatch.schemas.Alert;
import io.avcwatch.schemas.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Scores alerts against a scenario's {@code expected.json} with the criteria of
 * {@code check_alerts.py}: the best alert per key must reach {@code high} for every attack,
 * {@code critical} where expected, stay below {@code high} for benign events, and name the
 * expected container (or one of the candidates).
 *
 * @param problems one line per miss, false positive or wrong container; empty when all hold
 */
public record ScenarioScore(int attacks, int hits, int criticalExpected, int criticalHit, int falsePositives,
                     int attributed, int attributionChecked, List<String> problems) {

    /** Events keyed as check_alerts.py keys them: host and audit serial. */
    public static ScenarioScore bySerial(final JsonNode expected, final List<Alert> alerts) {
        return score(expected, alerts, a -> a.host() + "|" + a.event().serial(),
                e -> e.path("host").asText() + "|" + e.path("serial").asText());
    }

    /**
     * Events keyed by host and whole second, for journald input, which keeps neither serial nor
     * sub-second time. A benign event sharing its second with an attack is not scored for false
     * positives (the alert cannot be told apart).
     */
    public static ScenarioScore bySecond(final JsonNode expected, final List<Alert> alerts) {
        return score(expected, alerts, a -> a.host() + "|" + a.event().time().getEpochSecond(),
                e -> e.path("host").asText() + "|" + (long) Double.parseDouble(e.path("timestamp").asText()));
    }

    private static ScenarioScore score(final JsonNode expected, final List<Alert> alerts,
                                       final Function<Alert, String> alertKey, final Function<JsonNode, String> eventKey) {
        final Map<String, Alert> best = new HashMap<>();
        for (final Alert a : alerts) {
            best.merge(alertKey.apply(a), a, (x, y) -> x.severity().ordinal() <= y.severity().ordinal() ? x : y);
        }
        final Set<String> attackKeys = new HashSet<>();
        for (final JsonNode e : expected) {
            if (!"benign".equals(e.path("kind").asText())) {
                attackKeys.add(eventKey.apply(e));
            }
        }
        int attacks = 0;
        int hits = 0;
        int critN = 0;
        int critOk = 0;
        int fp = 0;
        int attOk = 0;
        int attN = 0;
        final List<String> problems = new ArrayList<>();
        for (final JsonNode e : expected) {
            final String key = eventKey.apply(e);
            final Alert a = best.get(key);
            final String label = e.path("family").asText() + "@" + key;
            if ("benign".equals(e.path("kind").asText())) {
                if (a != null && atLeastHigh(a) && !attackKeys.contains(key)) {
                    fp++;
                    problems.add("false positive " + label + ": " + a.rule() + " " + a.severity().label());
                }
                continue;
            }
            attacks++;
            if (a != null && atLeastHigh(a)) {
                hits++;
            } else {
                problems.add("missed " + label + (a == null ? "" : ": " + a.rule() + " " + a.severity().label()));
            }
            if ("critical".equals(e.path("min_severity").asText())) {
                critN++;
                if (a != null && a.severity() == Severity.CRITICAL) {
                    critOk++;
                } else {
                    problems.add("below critical " + label + (a == null ? "" : ": " + a.rule() + " " + a.severity().label()));
                }
            }
            if ("escape".equals(e.path("kind").asText()) && a != null) {
                attN++;
                if (attributed(e, a)) {
                    attOk++;
                } else {
                    problems.add("wrong container " + label + ": " + (a.container() == null ? null : a.container().id()));
                }
            }
        }
        return new ScenarioScore(attacks, hits, critN, critOk, fp, attOk, attN, List.copyOf(problems));
    }

    private static boolean atLeastHigh(final Alert a) {
        return a.severity().ordinal() <= Severity.HIGH.ordinal();
    }

    private static boolean attributed(final JsonNode e, final Alert a) {
        final String got = a.container() == null ? null : a.container().id();
        if (e.path("candidates").isArray() && e.path("candidates").size() > 0) {
            final List<String> cands = new ArrayList<>();
            e.path("candidates").forEach(c -> cands.add(c.asText()));
            return cands.contains(got) || a.candidates().stream().anyMatch(c -> cands.contains(c.id()));
        }
        final String want = e.path("container_id").isNull() ? null : e.path("container_id").asText();
        return want == null ? got == null : want.equals(got);
    }

    /** The figure in check_alerts.py's words. */
    public String figure() {
        return String.format(Locale.ROOT, "recall %.3f (%d/%d), critical %d/%d, false positives %d, attribution %.3f (%d/%d)",
                attacks == 0 ? 0.0 : (double) hits / attacks, hits, attacks, criticalHit, criticalExpected, falsePositives,
                attributionChecked == 0 ? 0.0 : (double) attributed / attributionChecked, attributed, attributionChecked);
    }
}
