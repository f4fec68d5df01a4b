package io.avcwatch.app.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.avcwatch.app.inventory.LabelVersion;
import io.avcwatch.app.observe.ApiViews;
import io.avcwatch.app.observe.ContainerDenials;
import io.avcwatch.app.observe.PipelineMeters;
import io.avcwatch.schemas.Alert;
import io.avcwatch.schemas.AvcDenial;
import io.avcwatch.schemas.ContainerLabel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stores behind the HTTP API and the avcwatch meters, on the demo scenario plus one unparsable line and one
 * serial gap: what the stores hold and what the meters count must agree with the topology's own output topics.
 */
class ApiViewsTopologyTest {
    private static final String GAP_HOST = "gap-host";

    @TempDir
    Path stateDir;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<Alert> alerts = new ArrayList<>();
    private final List<AvcDenial> denials = new ArrayList<>();
    private final Map<String, ContainerDenials> containerDenials = new HashMap<>();
    private final Map<String, Alert> recentAlerts = new LinkedHashMap<>();
    private final Map<String, Long> inventory = new HashMap<>();
    private int linesShipped;

    @BeforeEach
    void runTheDemo() throws Exception {
        try (TopologyHarness topo = new TopologyHarness(TopologyConfig.defaults(), stateDir,
                new PipelineMeters(registry))) {
            for (final String host : DemoScenario.HOSTS) {
                for (final LabelVersion version : DemoScenario.labels(host)) {
                    topo.containers.pipeInput(new TestRecord<>(version.key(), version.label(), version.validFrom()));
                }
                final List<String> log = DemoScenario.log(host);
                topo.ship(host, log.toArray(String[]::new));
                linesShipped += log.size();
            }
            topo.ship(GAP_HOST, TopologyHarness.avcEvent(GAP_HOST, "1900000000.100", 100,
                    "system_u:system_r:container_t:s0:c1,c2", "system_u:object_r:shadow_t:s0"));
            topo.ship(GAP_HOST, TopologyHarness.avcEvent(GAP_HOST, "1900000000.200", 105,
                    "system_u:system_r:container_t:s0:c1,c2", "system_u:object_r:shadow_t:s0"));
            topo.raw.pipeInput(new TestRecord<>(GAP_HOST,
                    "type=AVC msg=audit(19000000".getBytes(StandardCharsets.UTF_8), new RecordHeaders(),
                    Instant.ofEpochSecond(1_900_000_000L)));
            linesShipped += 7;
            topo.idle();
            alerts.addAll(topo.alerts.readValuesToList());
            denials.addAll(topo.denials.readValuesToList());
            final KeyValueStore<String, ContainerDenials> byContainer =
                    topo.driver.getKeyValueStore(ApiViews.CONTAINER_DENIALS_STORE);
            byContainer.all().forEachRemaining(kv -> containerDenials.put(kv.key, kv.value));
            final KeyValueStore<String, Alert> recent = topo.driver.getKeyValueStore(ApiViews.RECENT_ALERTS_STORE);
            recent.all().forEachRemaining(kv -> recentAlerts.put(kv.key, kv.value));
            final KeyValueStore<String, Long> labels = topo.driver.getKeyValueStore(ApiViews.INVENTORY_STORE);
            labels.all().forEachRemaining(kv -> inventory.put(kv.key, kv.value));
        }
    }

    @Test
    void containerDenialStoreCountsEveryDenialOfEachContainer() {
        final Map<String, Long> expected = denials.stream().filter(d -> d.container() != null)
                .collect(Collectors.groupingBy(d -> d.container().id(), Collectors.counting()));
        assertThat(expected).isNotEmpty();
        assertThat(containerDenials.keySet()).isEqualTo(expected.keySet());
        expected.forEach((id, count) -> {
            final ContainerDenials stored = containerDenials.get(id);
            assertThat(stored.denials()).as(id).isEqualTo(count);
            assertThat(stored.byClass().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(count);
            assertThat(stored.containerId()).isEqualTo(id);
            assertThat(stored.firstSeen()).isBeforeOrEqualTo(stored.lastSeen());
        });
    }

    @Test
    void recentAlertsHoldEveryAlertOnceInEventTimeOrderWithItsLatestCount() {
        final Map<String, Alert> latestById = new LinkedHashMap<>();
        alerts.forEach(a -> latestById.put(a.alertId(), a));
        assertThat(latestById).isNotEmpty();
        assertThat(recentAlerts.values()).containsExactlyInAnyOrderElementsOf(latestById.values());
        final List<Long> times = recentAlerts.values().stream().map(a -> a.event().time().toEpochMilli()).toList();
        assertThat(times).isSorted();
    }

    @Test
    void inventoryStoreKnowsEveryLabelThatHasContainers() {
        assertThat(inventory).isNotEmpty();
        assertThat(inventory.values()).allSatisfy(n -> assertThat(n).isPositive());
        assertThat(inventory.keySet()).allSatisfy(k -> assertThat(k).contains(ContainerLabel.KEY_SEPARATOR));
    }

    @Test
    void metersCountLinesEventsGapsDeadLettersAndAlertsBySeverity() {
        assertThat(sum(PipelineMeters.RECORDS)).isEqualTo(linesShipped);
        assertThat(registry.get(PipelineMeters.RECORDS).tag("host", GAP_HOST).counter().count()).isEqualTo(7);
        assertThat(sum(PipelineMeters.EVENTS)).isPositive();
        assertThat(registry.get(PipelineMeters.LOST_EVENTS).tag("host", GAP_HOST).counter().count()).isEqualTo(4);
        assertThat(registry.get(PipelineMeters.DEAD_LETTERS).tag("stage", "parse").counters())
                .extracting(Counter::count).containsExactly(1.0);

        final Map<String, Long> bySeverity = new HashMap<>();
        alerts.stream().collect(Collectors.toMap(Alert::alertId, a -> a, (a, b) -> b)).values()
                .forEach(a -> bySeverity.merge(a.severity().label(), 1L, Long::sum));
        assertThat(bySeverity).isNotEmpty();
        bySeverity.forEach((severity, count) -> assertThat(
                registry.get(PipelineMeters.ALERTS).tag("severity", severity).counters().stream()
                        .mapToDouble(Counter::count).sum()).as(severity).isEqualTo((double) count));
    }

    private double sum(final String name) {
        return registry.find(name).counters().stream().mapToDouble(Counter::count).sum();
    }
}
