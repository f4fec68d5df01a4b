package io.avcwatch.app.scaleout;

import io.avcwatch.app.rules.StormAggregator;
import io.avcwatch.schemas.Alert;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What {@code avc.alerts} holds, grouped by storm key ({@link StormAggregator#keyOf}: host, container, rule,
 * severity): the records emitted under the key, in read order (one key is one host, so one partition, where
 * read order is emission order).
 *
 * <p>With a storm window longer than the input every key holds exactly one storm, closed at the end of input:
 * its first hit is emitted at once and, when it counts more than one event, its aggregate at the end. A host's
 * events are assembled, correlated and detected in one task in the order of its log, so two runs of the same
 * input must emit the very same records per key, field for field (ids, counts, first and last seen,
 * provenance); a lost or duplicated record, a denial processed twice or never, or an event assembled
 * differently breaks that.
 *
 * @param byStormKey every record of {@code avc.alerts}, by storm key, in read order
 */
record AlertEmissions(Map<String, List<Alert>> byStormKey) {
    AlertEmissions {
        final Map<String, List<Alert>> copy = new TreeMap<>();
        byStormKey.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        byStormKey = Map.copyOf(copy);
    }

    static AlertEmissions of(final List<Alert> inReadOrder) {
        final Map<String, List<Alert>> byKey = new TreeMap<>();
        for (final Alert alert : inReadOrder) {
            byKey.computeIfAbsent(StormAggregator.keyOf(alert), k -> new ArrayList<>()).add(alert);
        }
        return new AlertEmissions(byKey);
    }

    /** Hosts with at least one alert. */
    Set<String> hosts() {
        final Set<String> out = new TreeSet<>();
        byStormKey.values().forEach(list -> list.forEach(a -> out.add(a.host())));
        return out;
    }

    /** How many records the alerts of {@code hosts} are. */
    long records(final Set<String> hosts) {
        return byStormKey.values().stream().flatMap(List::stream).filter(a -> hosts.contains(a.host())).count();
    }

    /** Storm keys that counted more than one event. */
    long storms() {
        return byStormKey.values().stream().filter(list -> events(list) > 1).count();
    }

    /** Keys whose records are not one storm (first hit, then the aggregate if it counts more): duplicates. */
    List<String> emissionErrors() {
        final List<String> out = new ArrayList<>();
        byStormKey.forEach((key, list) -> {
            final long expected = events(list) > 1 ? 2 : 1;
            final boolean oneId = list.stream().map(Alert::alertId).distinct().count() == 1;
            if (list.size() != expected || !oneId) {
                out.add(key + ": " + list.size() + " records " + ids(list) + " for " + events(list) + " events");
            }
        });
        return List.copyOf(out);
    }

    /** Every way this run differs from {@code expected}, one line each, naming the storm key. */
    List<String> differencesFrom(final AlertEmissions expected) {
        final List<String> out = new ArrayList<>(emissionErrors());
        final Set<String> keys = new TreeSet<>(expected.byStormKey.keySet());
        keys.addAll(byStormKey.keySet());
        for (final String key : keys) {
            final List<Alert> want = expected.byStormKey.getOrDefault(key, List.of());
            final List<Alert> got = byStormKey.getOrDefault(key, List.of());
            if (want.size() != got.size() || events(want) != events(got)) {
                out.add(key + ": " + got.size() + " records, " + events(got) + " events " + ids(got) + " instead of "
                        + want.size() + " records, " + events(want) + " events " + ids(want));
            } else if (!want.equals(got)) {
                out.add(key + ": " + got + "\n  instead of " + want);
            }
        }
        return List.copyOf(out);
    }

    /** Events a key's storm counted: the count of its last record. */
    private static long events(final List<Alert> records) {
        return records.isEmpty() ? 0 : records.get(records.size() - 1).count();
    }

    private static List<String> ids(final List<Alert> records) {
        return records.stream().map(a -> a.alertId() + "(serial " + a.event().serial() + ", count " + a.count() + ")")
                .toList();
    }
}
