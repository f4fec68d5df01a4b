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
 * What {@code avc.alerts} holds, per alert id: how many times the id was emitted (a storm emits its first hit
 * and again its aggregate, legitimately), and the last record of the id (all records of one id share a host,
 * so a partition, where read order is emission order).
 *
 * <p>Two runs of the same input are compared in two ways. An alert that stands for one event (count 1) must
 * be the same alert, emitted as often, in both. A storm (count above 1) is compared by what it aggregates,
 * keyed by {@link StormAggregator#keyOf} (host, container, rule, severity): how many storms, how many events
 * in all, how many emissions. A storm's id and representative fields are those of whichever hit reached
 * detection first, and hits of one host whose denials were re-partitioned by different labels reach it in an
 * order that depends on task scheduling, in a single instance too. A lost or duplicated record still shows: a
 * missing or extra id, count or emission.
 */
record AlertEmissions(Map<String, Long> emissions, Map<String, Alert> latest) {
    AlertEmissions {
        emissions = Map.copyOf(emissions);
        latest = Map.copyOf(latest);
    }

    /** Per storm key: distinct ids, events aggregated (their final counts summed), records emitted. */
    record StormTotals(long storms, long events, long emitted) {
    }

    static AlertEmissions of(final List<Alert> inReadOrder) {
        final Map<String, Long> emissions = new TreeMap<>();
        final Map<String, Alert> latest = new TreeMap<>();
        for (final Alert alert : inReadOrder) {
            emissions.merge(alert.alertId(), 1L, Long::sum);
            latest.put(alert.alertId(), alert);
        }
        return new AlertEmissions(emissions, latest);
    }

    /** Alert ids emitted more than once (storm aggregates). */
    long reEmitted() {
        return emissions.values().stream().filter(n -> n > 1).count();
    }

    /** Storms (ids with a final count above 1) by storm key. */
    Map<String, StormTotals> storms() {
        final Map<String, StormTotals> out = new TreeMap<>();
        latest.forEach((id, alert) -> {
            if (alert.count() > 1) {
                out.merge(StormAggregator.keyOf(alert), new StormTotals(1, alert.count(), emissions.get(id)),
                        (a, b) -> new StormTotals(a.storms() + b.storms(), a.events() + b.events(),
                                a.emitted() + b.emitted()));
            }
        });
        return out;
    }

    /** Every way this run differs from {@code expected}, one line each, naming the alert or storm. */
    List<String> differencesFrom(final AlertEmissions expected) {
        final List<String> out = new ArrayList<>();
        final Set<String> ids = new TreeSet<>(expected.emissions.keySet());
        ids.addAll(emissions.keySet());
        for (final String id : ids) {
            final Alert want = expected.latest.get(id);
            final Alert got = latest.get(id);
            if ((want == null || want.count() > 1) && (got == null || got.count() > 1)) {
                continue; // a storm, compared below
            }
            if (got == null) {
                out.add("lost " + describe(want));
            } else if (want == null) {
                out.add("extra " + describe(got));
            } else if (!expected.emissions.get(id).equals(emissions.get(id))) {
                out.add("emitted " + emissions.get(id) + "x instead of " + expected.emissions.get(id) + "x: "
                        + describe(got));
            } else if (!want.equals(got)) {
                out.add("ends as " + got + "\n  instead of " + want);
            }
        }
        final Map<String, StormTotals> wantStorms = expected.storms();
        final Map<String, StormTotals> gotStorms = storms();
        final Set<String> keys = new TreeSet<>(wantStorms.keySet());
        keys.addAll(gotStorms.keySet());
        for (final String key : keys) {
            if (!Objects.equals(wantStorms.get(key), gotStorms.get(key))) {
                out.add("storm " + key + ": " + gotStorms.get(key) + " instead of " + wantStorms.get(key));
            }
        }
        return List.copyOf(out);
    }

    private static String describe(final Alert a) {
        return a.alertId() + " " + a.rule() + " " + a.host() + " serial " + a.event().serial() + " count "
                + a.count() + " " + a.scontext() + " -> " + a.tcontext() + " " + a.tclass() + " " + a.perms();
    }
}
