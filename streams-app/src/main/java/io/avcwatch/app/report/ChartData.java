package io.avcwatch.app.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.avcwatch.app.output.SafeJson;
import io.avcwatch.schemas.Alert;
import io.avcwatch.schemas.AvcDenial;
import io.avcwatch.schemas.ContainerRef;
import io.avcwatch.schemas.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The JSON the report's script turns into charts: one timeline row per container (plus host
 * processes and ambiguous labels), alert points by severity, denials without an alert in grey, and
 * alert counts per rule and severity.
 */
final class ChartData {
    /** Grey denial points stop here; beyond it a browser would struggle and nobody could read them. */
    static final int MAX_DENIAL_POINTS = 20_000;
    static final String HOST_ROW = "(host process)";
    static final String AMBIGUOUS_ROW = "(ambiguous label)";

    private ChartData() {
    }

    static ObjectNode build(final ReportData data, final List<ContainerActivity> containers) {
        final boolean manyHosts = data.scenario().hosts().size() > 1;
        final Map<String, Integer> rows = new LinkedHashMap<>();
        final Map<String, String> labels = new LinkedHashMap<>();
        containers.forEach(c -> labels.put(c.id(), manyHosts ? c.label() + " @ " + c.host() : c.label()));
        // Most severe containers at the top of the chart: ECharts draws category 0 at the bottom.
        final List<String> ordered = new ArrayList<>();
        containers.stream().filter(c -> c.alerts() > 0 || c.denials() > 0).forEach(c -> ordered.add(labels.get(c.id())));
        ordered.add(AMBIGUOUS_ROW);
        ordered.add(HOST_ROW);
        for (int i = ordered.size() - 1; i >= 0; i--) {
            rows.putIfAbsent(ordered.get(i), rows.size());
        }
        final ObjectNode out = SafeJson.object();
        final ArrayNode severities = out.putArray("severities");
        for (Severity s : Severity.values()) {
            severities.add(s.label());
        }
        final Set<String> alerted = new HashSet<>();
        final ArrayNode alertPoints = out.putArray("alerts");
        for (Alert a : data.alerts()) {
            alerted.add(a.host() + '\n' + a.event().serial());
            final Instant t = a.event().time() != null ? a.event().time() : a.firstSeen();
            if (t == null) {
                continue;
            }
            alertPoints.addArray().add(t.toEpochMilli()).add(rows.get(row(a.container(), !a.candidates().isEmpty(), labels)))
                    .add(a.severity().ordinal()).add(a.rule()).add(a.summary()).add(a.count());
        }
        final ArrayNode denialPoints = out.putArray("denials");
        int skipped = 0;
        for (AvcDenial d : data.denials()) {
            if (alerted.contains(d.host() + '\n' + d.event().serial()) || d.event().time() == null) {
                continue;
            }
            if (denialPoints.size() >= MAX_DENIAL_POINTS) {
                skipped++;
                continue;
            }
            denialPoints.addArray().add(d.event().time().toEpochMilli())
                    .add(rows.get(row(d.container(), !d.candidates().isEmpty(), labels)))
                    .add(d.comm() + " " + d.tclass() + " { " + String.join(" ", d.perms()) + " } "
                            + (d.path() != null ? d.path() : d.tcontext() == null ? "" : d.tcontext().raw()));
        }
        out.put("skippedDenials", skipped);
        final ArrayNode categories = out.putArray("categories");
        rows.keySet().forEach(categories::add);
        putRuleCounts(out, data.alerts());
        return out;
    }

    private static String row(final ContainerRef c, final boolean ambiguous, final Map<String, String> labels) {
        if (c != null) {
            return labels.getOrDefault(c.id(), HOST_ROW);
        }
        return ambiguous ? AMBIGUOUS_ROW : HOST_ROW;
    }

    /** rules: names sorted so the busiest is on top; ruleCounts[severity][rule]. */
    private static void putRuleCounts(final ObjectNode out, final List<Alert> alerts) {
        final Map<String, Map<Severity, Integer>> counts = new TreeMap<>();
        alerts.forEach(a -> counts.computeIfAbsent(a.rule(), r -> new EnumMap<>(Severity.class)).merge(a.severity(), 1, Integer::sum));
        final List<String> rules = new ArrayList<>(counts.keySet());
        rules.sort((x, y) -> Integer.compare(total(counts.get(x)), total(counts.get(y))));
        final ArrayNode ruleNames = out.putArray("rules");
        rules.forEach(ruleNames::add);
        final ArrayNode bySeverity = out.putArray("ruleCounts");
        for (Severity s : Severity.values()) {
            final ArrayNode series = bySeverity.addArray();
            rules.forEach(r -> series.add(counts.get(r).getOrDefault(s, 0)));
        }
    }

    private static int total(final Map<Severity, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
