package io.avcwatch.app.topology;

import static io.avcwatch.app.topology.TopologyHarness.avcEvent;
import static org.assertj.core.api.Assertions.assertThat;

import io.avcwatch.app.observe.PipelineMeters;
import io.avcwatch.schemas.AvcDenial;
import io.avcwatch.schemas.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What releases a denial that waits for late inventory: live, its quiet host's estimated event time (the
 * wall clock); in a finite run only event time and the end marker. And a host's later state change waits
 * behind it, so detection sees the host's events in order.
 */
class InventoryWaitTopologyTest {
    private static final String HOST = "node1";
    private static final String UNKNOWN = "system_u:system_r:container_t:s0:c1,c2";
    private static final String SHADOW = "system_u:object_r:shadow_t:s0";
    private static final Instant T0 = Instant.parse("2025-12-05T21:50:00Z");

    @TempDir
    Path stateDir;

    @Test
    void liveTheWallClockReleasesTheDenialOfAQuietHost() {
        try (TopologyHarness topo = new TopologyHarness(TopologyConfig.defaults(), stateDir)) {
            topo.ship(HOST, avcEvent(HOST, stamp(60), 100, UNKNOWN, SHADOW));
            assertThat(topo.denials.isEmpty()).as("waits for inventory").isTrue();

            topo.driver.advanceWallClockTime(Duration.ofSeconds(1));
            assertThat(topo.denials.isEmpty()).as("1 s of quiet is within the 2 s grace").isTrue();
            topo.driver.advanceWallClockTime(Duration.ofSeconds(2));

            assertThat(topo.denials.readValuesToList()).singleElement()
                    .satisfies(d -> assertThat(d.container()).isNull());
        }
    }

    @Test
    void inAFiniteRunTheWallClockReleasesNothingAndTheMarkerEverything() {
        try (TopologyHarness topo = new TopologyHarness(TopologyConfig.defaults().withFiniteInput(true), stateDir,
                PipelineMeters.none())) {
            topo.ship(HOST, avcEvent(HOST, stamp(60), 100, UNKNOWN, SHADOW));
            topo.driver.advanceWallClockTime(Duration.ofHours(1));
            assertThat(topo.denials.isEmpty()).isTrue();

            final ProducerRecord<String, byte[]> marker = EndOfInput.marker(Topics.AUDIT_RAW.name(""), 0,
                    T0.plusSeconds(3600).toEpochMilli());
            topo.raw.pipeInput(new TestRecord<>(marker.key(), marker.value(), marker.headers(), marker.timestamp()));

            assertThat(topo.denials.readValuesToList()).extracting(d -> d.event().serial()).containsExactly(100L);
        }
    }

    @Test
    void aStateChangeWaitsBehindTheDenialBeforeIt() {
        try (TopologyHarness topo = new TopologyHarness(TopologyConfig.defaults().withFiniteInput(true), stateDir,
                PipelineMeters.none())) {
            topo.ship(HOST, avcEvent(HOST, stamp(60), 100, UNKNOWN, SHADOW));
            topo.ship(HOST, "node=" + HOST + " type=MAC_STATUS msg=audit(" + stamp(61) + ":101): enforcing=0"
                            + " old_enforcing=1 auid=1000 ses=3 enabled=1 old-enabled=1 lsm=selinux res=1",
                    "node=" + HOST + " type=EOE msg=audit(" + stamp(61) + ":101): ");
            assertThat(topo.macEvents.isEmpty()).as("setenforce 0 came after the waiting denial").isTrue();

            topo.ship(HOST, avcEvent(HOST, stamp(63), 102, "system_u:system_r:init_t:s0", SHADOW));

            assertThat(topo.denials.readValuesToList()).extracting(AvcDenial::event)
                    .extracting(e -> e.serial()).containsExactly(100L, 102L);
            assertThat(topo.macEvents.readValuesToList()).singleElement()
                    .satisfies(m -> assertThat(m.enforcing()).isFalse());
        }
    }

    private static String stamp(final int secondsAfterT0) {
        return T0.plusSeconds(secondsAfterT0).getEpochSecond() + ".000";
    }
}
