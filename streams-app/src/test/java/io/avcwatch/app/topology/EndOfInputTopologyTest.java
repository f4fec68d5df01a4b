package io.avcwatch.app.topology;

import static io.avcwatch.app.topology.TopologyHarness.avcEvent;
import static io.avcwatch.app.topology.TopologyHarness.container;
import static org.assertj.core.api.Assertions.assertThat;

import io.avcwatch.schemas.Alert;
import io.avcwatch.schemas.AvcDenial;
import io.avcwatch.schemas.ContainerInstance;
import io.avcwatch.schemas.Topics;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The end-of-input marker finishes a finite run without the wall clock: the test driver's wall clock never
 * moves here, so every event, waiting denial and storm aggregate that comes out was released by event time or
 * by the marker.
 */
class EndOfInputTopologyTest {
    private static final String HOST = "node1";
    private static final String WEB = "system_u:system_r:container_t:s0:c170,c393";
    private static final String SHADOW = "system_u:object_r:shadow_t:s0";
    private static final Instant T0 = Instant.parse("2025-12-05T21:50:00Z");

    @TempDir
    Path stateDir;
    private TopologyHarness topo;

    @BeforeEach
    void start() {
        topo = new TopologyHarness(stateDir);
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
    void withoutAMarkerKnownContainersAreReleasedAtOnceAndTheStormStaysOpen() {
        assertThat(topo.denials.readValuesToList()).as("the container is known: released at once, no grace wait")
                .extracting(d -> d.event().serial()).containsExactly(100L, 101L);
        assertThat(topo.alerts.readValuesToList()).singleElement()
                .satisfies(a -> assertThat(a.count()).isEqualTo(1));
    }

    @Test
    void theRawMarkerCompletesOpenEventsAndClosesStorms() {
        topo.raw.pipeInput(marker(Topics.AUDIT_RAW.name("")));

        final List<AvcDenial> denials = topo.denials.readValuesToList();
        assertThat(denials).extracting(d -> d.event().serial()).containsExactly(100L, 101L);
        assertThat(denials).allSatisfy(d -> assertThat(d.container().id()).isEqualTo("web"));
        final List<Alert> alerts = topo.alerts.readValuesToList();
        assertThat(alerts).as("the first hit pages at once, the marker closes the storm with the repeat")
                .extracting(Alert::count).containsExactly(1L, 2L);
        assertThat(alerts).extracting(Alert::alertId).containsOnly(alerts.get(0).alertId());
        assertThat(topo.events.readValuesToList()).hasSize(2);
    }

    @Test
    void aSecondMarkerEmitsNothingMore() {
        topo.raw.pipeInput(marker(Topics.AUDIT_RAW.name("")));
        topo.alerts.readValuesToList();
        topo.denials.readValuesToList();
        topo.macEvents.readValuesToList();

        topo.raw.pipeInput(marker(Topics.AUDIT_RAW.name("")));

        assertThat(topo.alerts.isEmpty()).as("a closed storm is not emitted twice").isTrue();
        assertThat(topo.denials.isEmpty()).isTrue();
        assertThat(topo.deadLetters.isEmpty()).as("markers are not dead letters").isTrue();
        assertThat(topo.macEvents.isEmpty()).as("markers go no further").isTrue();
    }

    @Test
    void aDenialOfAnUnknownLabelWaitsForTheGraceAndItsHostsLaterEventsWaitBehindIt() {
        final String unknown = "system_u:system_r:container_t:s0:c1,c2";
        shipComplete(102, 64, unknown);
        shipComplete(103, 64, WEB);
        shipComplete(104, 65, WEB);
        assertThat(topo.denials.readValuesToList()).as("102 waits for inventory, 103 and 104 behind it")
                .extracting(d -> d.event().serial()).containsExactly(100L, 101L);

        shipComplete(105, 66, WEB);

        final List<AvcDenial> rest = topo.denials.readValuesToList();
        assertThat(rest).as("the host's event time passed 102 + 2 s: released in order")
                .extracting(d -> d.event().serial()).containsExactly(102L, 103L, 104L, 105L);
        assertThat(rest.get(0).container()).as("an unknown label is never guessed").isNull();
        assertThat(rest.get(1).container().id()).isEqualTo("web");
    }

    @Test
    void inventoryThatArrivesWithinTheGraceStillAttributesTheWaitingDenial() {
        final String late = "system_u:system_r:container_t:s0:c1,c2";
        shipComplete(102, 64, late);
        topo.label(HOST, "c1,c2", T0.plusSeconds(63), container("late", "c1,c2", T0.plusSeconds(63), null));
        shipComplete(103, 66, WEB);

        final List<AvcDenial> denials = topo.denials.readValuesToList();
        assertThat(denials).extracting(d -> d.event().serial()).containsExactly(100L, 101L, 102L, 103L);
        assertThat(denials.get(2).container().id()).isEqualTo("late");
    }

    @Test
    void alertsNameTheFileAndOffsetOfTheEventsFirstRecord() {
        final String[] lines = avcEvent(HOST, stamp(200), 200, WEB, SHADOW);
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

    /** An AVC event with its EOE record, so it completes as soon as it is shipped. */
    private void shipComplete(final long serial, final int secondsAfterT0, final String scontext) {
        topo.ship(HOST, avcEvent(HOST, stamp(secondsAfterT0), serial, scontext, SHADOW));
        topo.ship(HOST, "node=" + HOST + " type=EOE msg=audit(" + stamp(secondsAfterT0) + ":" + serial + "): ");
    }

    private static String stamp(final int secondsAfterT0) {
        final Instant t = T0.plusSeconds(secondsAfterT0);
        return t.getEpochSecond() + ".000";
    }
}
