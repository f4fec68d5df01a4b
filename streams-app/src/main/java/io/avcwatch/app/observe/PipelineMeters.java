package io.avcwatch.app.observe;

import io.avcwatch.schemas.Alert;
import io.avcwatch.schemas.Severity;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The avcwatch meters the topology records, shared by every stream thread of one {@code KafkaStreams}.
 * Prometheus names (counters get {@code _total}):
 * <ul>
 *   <li>{@value #RECORDS} {@code {host}} — audit lines read from {@code audit.raw}; {@code rate()} is records/s;
 *   <li>{@value #EVENTS} {@code {host}} — audit events assembled;
 *   <li>{@value #LOST_EVENTS} {@code {host}} — audit events missing from a host's serial sequence (lost by
 *       auditd, the kernel's backlog or the shipping path);
 *   <li>{@value #DEAD_LETTERS} {@code {stage, reason}} — inputs written to {@code audit.deadletter};
 *   <li>{@value #ALERTS} {@code {severity, rule}} — distinct alerts written to {@code avc.alerts} (a storm's
 *       closing update with its final count is not counted again).
 * </ul>
 * Counters count what this instance processed; under exactly-once a task that aborts and reprocesses counts
 * its records again, so they are rates to watch, not ledgers.
 */
public final class PipelineMeters {
    /** Counter: audit lines read. */
    public static final String RECORDS = "avcwatch.audit.records";
    /** Counter: audit events assembled. */
    public static final String EVENTS = "avcwatch.audit.events";
    /** Counter: audit events lost (serial gaps). */
    public static final String LOST_EVENTS = "avcwatch.audit.events.lost";
    /** Counter: dead letters. */
    public static final String DEAD_LETTERS = "avcwatch.dead.letters";
    /** Counter: alerts. */
    public static final String ALERTS = "avcwatch.alerts";

    private final MeterRegistry registry;
    private final Map<String, Counter> records = new ConcurrentHashMap<>();
    private final Map<String, Counter> events = new ConcurrentHashMap<>();
    private final Map<String, Counter> lost = new ConcurrentHashMap<>();
    /** Alert counters by severity and rule: looked up, not rebuilt and re-registered, per alert. */
    private final Map<Severity, Map<String, Counter>> alerts = new ConcurrentHashMap<>();

    /** Meters registered in {@code registry}. */
    public PipelineMeters(final MeterRegistry registry) {
        this.registry = registry;
    }

    /** Meters that go nowhere: {@code analyze}, tests that do not look at them. */
    public static PipelineMeters none() {
        return new PipelineMeters(new CompositeMeterRegistry());
    }

    /** The registry the meters live in. */
    public MeterRegistry registry() {
        return registry;
    }

    /** One audit line of {@code host} read. */
    public void recordRead(final String host) {
        records.computeIfAbsent(host, h -> Counter.builder(RECORDS).tag("host", h)
                .description("Audit lines read from audit.raw").register(registry)).increment();
    }

    /** One event of {@code host} assembled. */
    public void eventAssembled(final String host) {
        events.computeIfAbsent(host, h -> Counter.builder(EVENTS).tag("host", h)
                .description("Audit events assembled").register(registry)).increment();
    }

    /** {@code count} events of {@code host} found missing from its serial sequence. */
    public void eventsLost(final String host, final long count) {
        lost.computeIfAbsent(host, h -> Counter.builder(LOST_EVENTS).tag("host", h)
                .description("Audit events missing from the host's serial sequence").register(registry))
                .increment(count);
    }

    /** One input written to the dead-letter topic. */
    public void deadLetter(final String stage, final String reason) {
        Counter.builder(DEAD_LETTERS).tag("stage", stage).tag("reason", reason)
                .description("Inputs written to audit.deadletter").register(registry).increment();
    }

    /** One new alert. */
    public void alert(final Alert alert) {
        alerts.computeIfAbsent(alert.severity(), s -> new ConcurrentHashMap<>())
                .computeIfAbsent(alert.rule(), rule -> Counter.builder(ALERTS).tag("severity", alert.severity().label())
                        .tag("rule", rule).description("Distinct alerts written to avc.alerts").register(registry))
                .increment();
    }
}
