package io.avcwatch.app.topology;

import static io.avcwatch.app.topology.TopologyHarness.avcEvent;
import static io.avcwatch.app.topology.TopologyHarness.container;
import static org.assertj.core.api.Assertions.assertThat;

import io.avcwatch.schemas.Alert;
import io.avcwatch.schemas.AvcDenial;
import io.avcwatch.schemas.ContainerInstance;
import io.avcwatch.schemas.MacEvent;
import io.avcwatch.schemas.Topics;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The end-of-input markers finish a finite run without the wall clock: the test driver's wall clock never
 * moves here, so every event, denial and storm aggregate that comes out was released by a marker.
 */
class EndOfInputTopologyTest {
    private static final String HOST = "node1";
    private static final String WEB = "system_u:system_r:container_t:s0:c170,c393";
    private static final String SHADOW = "system_u:object_r:shadow_t:s0";
    private static final Instant T0 = Instant.parse("2025-12-05T21:50:00Z");

    @TempDir
    Path stateDir;
    private TopologyHarness topo;
    private TestInputTopic<String, MacEvent> macEvents;

    @BeforeEach
    void start() {
        topo = new TopologyHarness(stateDir);
        macEvents = topo.driver.createInputTopic(Topics.MAC_EVENTS.name(""),
                Topics.MAC_EVENTS.keySerde().serializer(), Topics.MAC_EVENTS.valueSerde().serializer());
        final ContainerInstance web = container("web", "c170,c393", T0, null);
        topo.label(HOST, "c170,c393", T0, web);
        // two reads of /etc/shadow from one container, a second apart: one storm, no EOE records
        topo.ship(HOST, avcEvent(HOST, stamp(60), 100, WEB, SHADOW));
        topo.ship(HOST, avcEvent(HOST, stamp(61), 101, WEB, SHADOW));
    }

    @AfterEach
    void stop() {
        topo.close();
    }

    @Test
    void withoutAMarkerTheLastEventsWaitForTheWallClock() {
        assertThat(topo.denials.isEmpty()).isTrue();
        assertThat(topo.alerts.isEmpty()).isTrue();
    }

    @Test
    void theRawMarkerCompletesOpenEventsAndReleasesTheJoin() {
        topo.raw.pipeInput(marker(Topics.AUDIT_RAW.name("")));

        final List<AvcDenial> denials = topo.denials.readValuesToList();
        assertThat(denials).extracting(d -> d.event().serial()).containsExactly(100L, 101L);
        assertThat(denials).allSatisfy(d -> assertThat(d.container().id()).isEqualTo("web"));
        final List<Alert> alerts = topo.alerts.readValuesToList();
        assertThat(alerts).as("the first hit of the storm pages at once; the repeat is held")
                .singleElement().satisfies(a -> assertThat(a.count()).isEqualTo(1));
        assertThat(topo.events.readValuesToList()).hasSize(2);
    }

    @Test
    void theMacEventsMarkerClosesOpenStormsAndNothingElseComesOut() {
        topo.raw.pipeInput(marker(Topics.AUDIT_RAW.name("")));
        final Alert first = topo.alerts.readValue();

        macEvents.pipeInput(marker(Topics.MAC_EVENTS.name("")));

        final List<Alert> closed = topo.alerts.readValuesToList();
        assertThat(closed).singleElement().satisfies(a -> {
            assertThat(a.alertId()).isEqualTo(first.alertId());
            assertThat(a.count()).isEqualTo(2);
        });
        macEvents.pipeInput(marker(Topics.MAC_EVENTS.name("")));
        assertThat(topo.alerts.isEmpty()).as("a closed storm is not emitted twice").isTrue();
        assertThat(topo.deadLetters.isEmpty()).as("markers are not dead letters").isTrue();
    }

    @Test
    void alertsNameTheFileAndOffsetOfTheEventsFirstRecord() {
        final String[] lines = avcEvent(HOST, stamp(90), 200, WEB, SHADOW);
        long offset = 4096;
        for (final String line : lines) {
            final var headers = new org.apache.kafka.common.header.internals.RecordHeaders();
            new io.avcwatch.schemas.RawRecordHeaders("collector", "/var/log/audit/audit.log.1", 77L, offset)
                    .writeTo(headers);
            topo.raw.pipeInput(new TestRecord<>(HOST, line.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    headers, TopologyHarness.eventTime(line)));
            offset += line.length() + 1;
        }
        topo.raw.pipeInput(marker(Topics.AUDIT_RAW.name("")));

        final AvcDenial denial = topo.denials.readValuesToList().stream()
                .filter(d -> d.event().serial() == 200).findFirst().orElseThrow();
        assertThat(denial.source()).isEqualTo(new io.avcwatch.schemas.SourcePosition(
                "/var/log/audit/audit.log.1", 77L, 4096L));
        assertThat(topo.alerts.readValuesToList()).filteredOn(a -> a.event().serial() == 200).singleElement()
                .satisfies(a -> assertThat(a.source()).isEqualTo(new io.avcwatch.schemas.AlertSource(
                        HOST, "/var/log/audit/audit.log.1", 77L, 4096L, 200)));
    }

    @Test
    void aRecordWithAnotherControlValueIsNoMarker() {
        final var headers = new org.apache.kafka.common.header.internals.RecordHeaders();
        headers.add(EndOfInput.HEADER, "pause".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(EndOfInput.isMarker(headers)).isFalse();
        assertThat(EndOfInput.isMarker(null)).isFalse();
    }

    private static <V> TestRecord<String, V> marker(final String topic) {
        final ProducerRecord<String, V> r = EndOfInput.marker(topic, 0, T0.plusSeconds(3600).toEpochMilli());
        return new TestRecord<>(r.key(), r.value(), r.headers(), r.timestamp());
    }

    private static String stamp(final int secondsAfterT0) {
        final Instant t = T0.plusSeconds(secondsAfterT0);
        return t.getEpochSecond() + ".000";
    }
}
