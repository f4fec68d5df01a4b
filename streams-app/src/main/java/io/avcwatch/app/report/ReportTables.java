package io.avcwatch.app.report;

import io.avcwatch.app.output.MitreAttack;
import io.avcwatch.schemas.Alert;
import io.avcwatch.schemas.ContainerRef;
import io.avcwatch.schemas.Severity;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The report's HTML tables, rendered here rather than in the browser so that they are readable
 * without JavaScript and every log string passes through {@link Html#text} exactly once.
 */
final class ReportTables {
    /** The alert list stops here; a note says how many were left out (the JSON formats have them all). */
    static final int MAX_ALERT_ROWS = 2000;
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneOffset.UTC);

    private ReportTables() {
    }

    static String time(final Instant t) {
        return t == null ? "&ndash;" : TIME.format(t);
    }

    static String severityBadge(final Severity s) {
        return "<span class=\"sev sev-" + s.label() + "\">" + s.label() + "</span>";
    }

    static String scenario(final ReportData.Scenario s) {
        final StringBuilder out = new StringBuilder("<dl class=\"scenario\">");
        out.append("<dt>Input</dt><dd>").append(s.inputFiles().isEmpty() ? "&ndash;"
                : s.inputFiles().stream().map(f -> "<code>" + Html.text(f) + "</code>").collect(Collectors.joining(", ")))
                .append("</dd>");
        out.append("<dt>Hosts</dt><dd>").append(s.hosts().isEmpty() ? "&ndash;"
                : s.hosts().stream().map(Html::text).collect(Collectors.joining(", "))).append("</dd>");
        out.append("<dt>Time range (UTC)</dt><dd>").append(time(s.from())).append(" &ndash; ").append(time(s.to()))
                .append("</dd>");
        out.append("</dl><ul class=\"counts\">");
        for (ReportData.Count c : s.counts()) {
            out.append("<li><b>").append(c.value()).append("</b> ").append(Html.text(c.label())).append("</li>");
        }
        return out.append("</ul>").toString();
    }

    /** Rules down, severities across, totals at the end of each row and in the last row. */
    static String byRule(final List<Alert> alerts) {
        final Map<String, Map<Severity, Integer>> counts = new TreeMap<>();
        alerts.forEach(a -> counts.computeIfAbsent(a.rule(), r -> new EnumMap<>(Severity.class)).merge(a.severity(), 1, Integer::sum));
        final StringBuilder out = new StringBuilder("<table id=\"rule-table\" class=\"data\"><thead><tr><th>Rule</th>");
        for (Severity s : Severity.values()) {
            out.append("<th class=\"num\">").append(severityBadge(s)).append("</th>");
        }
        out.append("<th class=\"num\">Total</th></tr></thead><tbody>");
        final Map<Severity, Integer> totals = new EnumMap<>(Severity.class);
        counts.forEach((rule, bySeverity) -> {
            out.append("<tr><td><code>").append(Html.text(rule)).append("</code></td>");
            int total = 0;
            for (Severity s : Severity.values()) {
                final int n = bySeverity.getOrDefault(s, 0);
                total += n;
                totals.merge(s, n, Integer::sum);
                out.append("<td class=\"num\">").append(n == 0 ? "" : String.valueOf(n)).append("</td>");
            }
            out.append("<td class=\"num\"><b>").append(total).append("</b></td></tr>");
        });
        out.append("</tbody><tfoot><tr><th>Total</th>");
        for (Severity s : Severity.values()) {
            out.append("<th class=\"num\">").append(totals.getOrDefault(s, 0)).append("</th>");
        }
        return out.append("<th class=\"num\">").append(alerts.size()).append("</th></tr></tfoot></table>").toString();
    }

    static String containers(final List<ContainerActivity> containers) {
        if (containers.isEmpty()) {
            return "<p class=\"note\">No container was involved and no inventory was given.</p>";
        }
        final StringBuilder out = new StringBuilder("<table id=\"container-table\" class=\"data\"><thead><tr>"
                + "<th>Name</th><th>Image</th><th>Id</th><th>Host</th><th>First seen</th><th>Last seen</th>"
                + "<th>Rules hit</th><th class=\"num\">Alerts</th><th class=\"num\">Denials</th></tr></thead><tbody>");
        for (ContainerActivity c : containers) {
            out.append("<tr><td>").append(c.worst() == null ? "" : severityBadge(c.worst()) + " ")
                    .append(Html.orDash(c.name())).append(c.inInventory() ? "" : " <span class=\"note\">(not in inventory)</span>")
                    .append("</td><td>").append(Html.orDash(c.image()))
                    .append("</td><td><code title=\"").append(Html.text(c.id())).append("\">")
                    .append(Html.text(c.id().length() > 12 ? c.id().substring(0, 12) : c.id())).append("</code>")
                    .append("</td><td>").append(Html.orDash(c.host()))
                    .append("</td><td>").append(time(c.firstSeen()))
                    .append("</td><td>").append(time(c.lastSeen()))
                    .append("</td><td>").append(c.rules().isEmpty() ? "&ndash;"
                            : c.rules().stream().map(r -> "<code>" + Html.text(r) + "</code>").collect(Collectors.joining(" ")))
                    .append("</td><td class=\"num\">").append(c.alerts())
                    .append("</td><td class=\"num\">").append(c.denials()).append("</td></tr>");
        }
        return out.append("</tbody></table>").toString();
    }

    /** The alerts by time: what happened, where, and why it matters. */
    static String alerts(final List<Alert> alerts) {
        if (alerts.isEmpty()) {
            return "<p class=\"note\">No alerts.</p>";
        }
        final List<Alert> sorted = alerts.stream().sorted(Comparator
                .comparing((Alert a) -> a.event().time() == null ? Instant.EPOCH : a.event().time())
                .thenComparing(Alert::host).thenComparingLong(a -> a.event().serial())).toList();
        final StringBuilder out = new StringBuilder("<table id=\"alert-table\" class=\"data alerts\"><thead><tr>"
                + "<th>Severity</th><th>Time (UTC)</th><th>Host</th><th>Container</th><th>Alert</th>"
                + "<th>Evidence</th><th>MITRE ATT&amp;CK</th></tr></thead><tbody>");
        sorted.stream().limit(MAX_ALERT_ROWS).forEach(a -> out.append(alertRow(a)));
        out.append("</tbody></table>");
        if (sorted.size() > MAX_ALERT_ROWS) {
            out.append("<p class=\"note\">Showing the first ").append(MAX_ALERT_ROWS).append(" of ").append(sorted.size())
                    .append(" alerts; <code>--format jsonl</code> lists them all.</p>");
        }
        return out.toString();
    }

    private static String alertRow(final Alert a) {
        return "<tr class=\"sev-row-" + a.severity().label() + "\"><td>" + severityBadge(a.severity())
                + (a.count() > 1 ? "<br><span class=\"note\">&times;" + a.count() + "</span>" : "")
                + "</td><td>" + time(a.event().time()) + "<br><span class=\"note\">serial " + a.event().serial() + "</span>"
                + "</td><td>" + Html.text(a.host())
                + "</td><td>" + container(a)
                + "</td><td><b>" + Html.text(a.title() != null ? a.title() : a.rule()) + "</b> <code>" + Html.text(a.rule())
                + "</code><div class=\"summary\">" + Html.text(a.summary()) + "</div>"
                + (a.explanation() == null ? "" : "<div class=\"explanation\">" + Html.text(a.explanation()) + "</div>")
                + "</td><td>" + evidence(a)
                + "</td><td>" + mitre(a.mitre()) + "</td></tr>";
    }

    private static String container(final Alert a) {
        if (a.container() != null) {
            return containerRef(a.container());
        }
        if (!a.candidates().isEmpty()) {
            return "one of: " + a.candidates().stream().map(ReportTables::containerRef).collect(Collectors.joining(", "));
        }
        return "<span class=\"note\">host process</span>";
    }

    private static String containerRef(final ContainerRef c) {
        final String shortId = c.id().length() > 12 ? c.id().substring(0, 12) : c.id();
        return Html.text(c.name() != null ? c.name() : shortId) + (c.image() == null ? ""
                : "<br><span class=\"note\">" + Html.text(c.image()) + "</span>");
    }

    private static String evidence(final Alert a) {
        final StringBuilder out = new StringBuilder("<dl class=\"evidence\">");
        row(out, "process", a.comm() == null ? null : a.comm() + (a.pid() == null ? "" : " [" + a.pid() + "]"));
        row(out, "exe", a.exe());
        row(out, "access", a.tclass() == null ? null : a.tclass() + " { " + String.join(" ", a.perms()) + " }"
                + (Boolean.TRUE.equals(a.permissive()) ? " (permissive: allowed)" : ""));
        row(out, "target", a.path());
        row(out, "scontext", a.scontext());
        row(out, "tcontext", a.tcontext());
        if (a.targetContainer() != null) {
            out.append("<dt>target container</dt><dd>").append(containerRef(a.targetContainer())).append("</dd>");
        }
        return out.append("</dl>").toString();
    }

    private static void row(final StringBuilder out, final String label, final String value) {
        if (value != null) {
            out.append("<dt>").append(label).append("</dt><dd><code>").append(Html.text(value)).append("</code></dd>");
        }
    }

    private static String mitre(final List<String> ids) {
        return ids.stream().map(id -> MitreAttack.bundled().technique(id)
                .map(t -> "<a href=\"" + Html.text(t.reference()) + "\" title=\"" + Html.text(t.name()) + "\">"
                        + Html.text(t.id()) + "</a> <span class=\"note\">" + Html.text(t.name()) + "</span>")
                .orElse(Html.text(id))).collect(Collectors.joining("<br>"));
    }
}
