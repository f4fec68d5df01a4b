package io.avcwatch.app.analyze;

import io.avcwatch.schemas.Alert;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The alerts of {@code avc.alerts} as a set: a storm emits its first hit at once and its aggregate (same
 * {@code alert_id}, higher count, later {@code last_seen}) when it closes, so the later record of an id
 * replaces the earlier one. All records of one id share a host and so a partition, where offset order is
 * emission order. Nothing else is merged: distinct ids stay distinct alerts.
 */
final class LatestAlerts {
    private static final Comparator<Alert> BY_TIME = Comparator
            .comparing((Alert a) -> a.event().time() == null ? Instant.EPOCH : a.event().time())
            .thenComparing(Alert::host)
            .thenComparingLong(a -> a.event().serial())
            .thenComparing(Alert::rule)
            .thenComparing(Alert::alertId);

    private final Map<String, Alert> latest = new LinkedHashMap<>();

    /** Takes the next alert in read order; a later record of an id replaces the earlier one. */
    void add(final Alert alert) {
        latest.put(alert.alertId(), alert);
    }

    /** One alert per id, the last one read, sorted by event time (then host, serial, rule, id). */
    List<Alert> sorted() {
        return latest.values().stream().sorted(BY_TIME).toList();
    }

    /** {@link #add} for each of {@code inReadOrder}, then {@link #sorted}: what a caller holding a list wants. */
    static List<Alert> of(final List<Alert> inReadOrder) {
        final LatestAlerts alerts = new LatestAlerts();
        inReadOrder.forEach(alerts::add);
        return alerts.sorted();
    }
}
