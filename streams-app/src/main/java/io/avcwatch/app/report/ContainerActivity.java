package io.avcwatch.app.report;

import io.avcwatch.schemas.Alert;
import io.avcwatch.schemas.AvcDenial;
import io.avcwatch.schemas.ContainerInstance;
import io.avcwatch.schemas.ContainerLabel;
import io.avcwatch.schemas.ContainerRef;
import io.avcwatch.schemas.Severity;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One row of the report's container table: a container that had denials or alerts, or that the
 * inventory listed.
 *
 * @param firstSeen first denial or alert of the container; null when it had none
 * @param worst     the most severe alert, or null when it had none
 */
record ContainerActivity(String id, String name, String image, String host, Instant firstSeen, Instant lastSeen,
        List<String> rules, int alerts, int denials, Severity worst, boolean inInventory) {

    /** Label used on the timeline: the name, else the short id. */
    String label() {
        if (name != null && !name.isBlank()) {
            return name;
        }
        return id.length() > 12 ? id.substring(0, 12) : id;
    }

    /** Containers with activity first (worst severity, then most alerts), then the quiet ones by name. */
    static List<ContainerActivity> from(final ReportData data) {
        final Map<String, Builder> byId = new LinkedHashMap<>();
        for (ContainerLabel label : data.containers()) {
            for (ContainerInstance c : label.containers()) {
                byId.computeIfAbsent(c.id(), id -> new Builder(c.ref(), label.host())).inInventory = true;
            }
        }
        for (AvcDenial d : data.denials()) {
            if (d.container() != null) {
                byId.computeIfAbsent(d.container().id(), id -> new Builder(d.container(), d.host()))
                        .denial(d.event().time());
            }
        }
        for (Alert a : data.alerts()) {
            if (a.container() != null) {
                byId.computeIfAbsent(a.container().id(), id -> new Builder(a.container(), a.host())).alert(a);
            }
        }
        return byId.values().stream().map(Builder::build)
                .sorted(Comparator.comparing((ContainerActivity c) -> c.worst() == null ? Severity.values().length : c.worst().ordinal())
                        .thenComparing(c -> -c.alerts())
                        .thenComparing(c -> -c.denials())
                        .thenComparing(ContainerActivity::label))
                .toList();
    }

    private static final class Builder {
        private final ContainerRef ref;
        private final String host;
        private final Set<String> rules = new TreeSet<>();
        private Instant first;
        private Instant last;
        private int alerts;
        private int denials;
        private Severity worst;
        private boolean inInventory;

        Builder(final ContainerRef ref, final String host) {
            this.ref = ref;
            this.host = host;
        }

        void denial(final Instant time) {
            denials++;
            seen(time);
        }

        void alert(final Alert a) {
            alerts++;
            rules.add(a.rule());
            seen(a.firstSeen() != null ? a.firstSeen() : a.event().time());
            seen(a.lastSeen());
            if (worst == null || a.severity().ordinal() < worst.ordinal()) {
                worst = a.severity();
            }
        }

        private void seen(final Instant t) {
            if (t == null) {
                return;
            }
            first = first == null || t.isBefore(first) ? t : first;
            last = last == null || t.isAfter(last) ? t : last;
        }

        ContainerActivity build() {
            return new ContainerActivity(ref.id(), ref.name(), ref.image(), host, first, last, List.copyOf(rules), alerts,
                    denials, worst, inInventory);
        }
    }
}
