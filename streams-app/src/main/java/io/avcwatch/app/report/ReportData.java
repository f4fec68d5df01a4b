package io.avcwatch.app.report;

import io.avcwatch.schemas.Alert;
import io.avcwatch.schemas.AvcDenial;
import io.avcwatch.schemas.ContainerLabel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What the HTML report shows: the alerts, optionally the denials and container labels behind them,
 * and what was analysed.
 *
 * @param scenario   input files, hosts, time range and counts
 * @param alerts     the alerts, in any order
 * @param denials    every denial seen (empty when not collected): the timeline shows those without an alert in grey
 * @param containers the container inventory (empty when none was given)
 */
public record ReportData(Scenario scenario, List<Alert> alerts, List<AvcDenial> denials, List<ContainerLabel> containers) {

    public ReportData {
        Objects.requireNonNull(scenario, "scenario");
        alerts = List.copyOf(alerts);
        denials = List.copyOf(denials);
        containers = List.copyOf(containers);
    }

    /**
     * What was analysed.
     *
     * @param title      the report heading
     * @param inputFiles the audit logs read, as the user named them
     * @param hosts      hosts seen, sorted
     * @param from       earliest event time, or null when nothing was seen
     * @param to         latest event time, or null
     * @param counts     figures for the summary line (lines read, events, denials, alerts, ...), in display order
     */
    public record Scenario(String title, List<String> inputFiles, List<String> hosts, Instant from, Instant to,
            List<Count> counts) {
        public Scenario {
            Objects.requireNonNull(title, "title");
            inputFiles = List.copyOf(inputFiles);
            hosts = List.copyOf(hosts);
            counts = List.copyOf(counts);
        }
    }

    /** One labelled figure, e.g. {@code Count("dead letters", 3)}. */
    public record Count(String label, long value) {
        public Count {
            Objects.requireNonNull(label, "label");
        }
    }

    /**
     * A report over these results, with hosts, time range and the counts of alerts, denials and
     * containers derived from them.
     */
    public static ReportData of(final List<String> inputFiles, final List<Alert> alerts, final List<AvcDenial> denials,
            final List<ContainerLabel> containers) {
        final TreeSet<String> hosts = new TreeSet<>();
        alerts.forEach(a -> hosts.add(a.host()));
        denials.forEach(d -> hosts.add(d.host()));
        containers.forEach(c -> hosts.add(c.host()));
        final List<Instant> times = Stream.concat(
                alerts.stream().flatMap(a -> Stream.of(a.firstSeen(), a.lastSeen(), a.event().time())),
                denials.stream().map(d -> d.event().time())).filter(Objects::nonNull).sorted().toList();
        final long containerCount = containers.stream().mapToLong(c -> c.containers().size()).sum();
        final List<Count> counts = new ArrayList<>(List.of(new Count("alerts", alerts.size())));
        if (!denials.isEmpty()) {
            counts.add(new Count("denials", denials.size()));
        }
        if (containerCount > 0) {
            counts.add(new Count("containers in inventory", containerCount));
        }
        final Scenario scenario = new Scenario("avcwatch report", inputFiles, List.copyOf(hosts),
                times.isEmpty() ? null : times.get(0), times.isEmpty() ? null : times.get(times.size() - 1), counts);
        return new ReportData(scenario, alerts, denials, containers);
    }

    /** This report with one more figure in the summary (e.g. lines read or dead letters from the pipeline). */
    public ReportData withCount(final String label, final long value) {
        final List<Count> counts = new ArrayList<>(scenario.counts());
        counts.add(new Count(label, value));
        return new ReportData(new Scenario(scenario.title(), scenario.inputFiles(), scenario.hosts(), scenario.from(),
                scenario.to(), counts), alerts, denials, containers);
    }

    /** This report under another heading. */
    public ReportData withTitle(final String title) {
        return new ReportData(new Scenario(title, scenario.inputFiles(), scenario.hosts(), scenario.from(), scenario.to(),
                scenario.counts()), alerts, denials, containers);
    }
}
