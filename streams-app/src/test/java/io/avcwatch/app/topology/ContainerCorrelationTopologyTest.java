package io.avcwatch.app.topology;

import static io.avcwatch.app.topology.TopologyHarness.avcEvent;
import static io.avcwatch.app.topology.TopologyHarness.container;
import static org.assertj.core.api.Assertions.assertThat;

import io.avcwatch.schemas.AvcDenial;
import io.avcwatch.schemas.ContainerInstance;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The correlation rules of issue 4, one test each, through the whole topology. */
class ContainerCorrelationTopologyTest {
    private static final String HOST = "node1";
    private static final String CONTAINER = "system_u:system_r:container_t:s0:";
    private static final String HOST_FILE = "system_u:object_r:shadow_t:s0";
    private static final Instant T0 = Instant.parse("2025-12-05T21:50:00Z");

    @TempDir
    Path stateDir;
    private TopologyHarness topo;

    @BeforeEach
    void start() {
        topo = new TopologyHarness(stateDir);
    }

    @AfterEach
    void stop() {
        topo.close();
    }

    @Test
    void categoryOrderDoesNotMatter() {
        final ContainerInstance web = container("web", "c170,c393", T0, null);
        topo.label(HOST, "c170,c393", T0, web);
        topo.ship(HOST, avcEvent(HOST, stamp(60), 100, CONTAINER + "c393,c170", HOST_FILE));
        topo.idle();

        assertThat(only().container()).isEqualTo(web.ref());
    }

    @Test
    void adjacentCategoriesMatchTheirCompactForm() {
        final ContainerInstance web = container("web", "c5,c6", T0, null);
        topo.label(HOST, "c6,c5", T0, web);
        topo.ship(HOST, avcEvent(HOST, stamp(60), 100, CONTAINER + "c5,c6", HOST_FILE));
        topo.idle();

        assertThat(only().container()).isEqualTo(web.ref());
    }

    @Test
    void rangeUsesTheHighLevelsCategories() {
        final ContainerInstance web = container("web", "c1,c2", T0, null);
        topo.label(HOST, "c1,c2", T0, web);
        topo.ship(HOST, avcEvent(HOST, stamp(60), 100, CONTAINER.replace(":s0:", ":s0-s0:") + "c1,c2", HOST_FILE));
        topo.idle();

        assertThat(only().container()).isEqualTo(web.ref());
    }

    @Test
    void aReusedLabelJoinsTheContainerThatHeldItAtTheEventTime() {
        final ContainerInstance first = container("first", "c5,c6", T0, T0.plusSeconds(100));
        final ContainerInstance second = container("second", "c5,c6", T0.plusSeconds(200), null);
        topo.label(HOST, "c5,c6", T0, first);
        topo.label(HOST, "c5,c6", T0.plusSeconds(100), first);
        topo.label(HOST, "c5,c6", T0.plusSeconds(200), first, second);
        topo.ship(HOST, avcEvent(HOST, stamp(50), 100, CONTAINER + "c5,c6", HOST_FILE));
        topo.ship(HOST, avcEvent(HOST, stamp(150), 101, CONTAINER + "c5,c6", HOST_FILE));
        topo.ship(HOST, avcEvent(HOST, stamp(250), 102, CONTAINER + "c5,c6", HOST_FILE));
        topo.idle();

        final List<AvcDenial> out = topo.denials.readValuesToList();
        assertThat(out).extracting(d -> d.event().serial()).containsExactly(100L, 101L, 102L);
        assertThat(out.get(0).container()).isEqualTo(first.ref());
        assertThat(out.get(1).container()).isNull();
        assertThat(out.get(1).candidates()).isEmpty();
        assertThat(out.get(2).container()).isEqualTo(second.ref());
    }

    @Test
    void aDenialOlderThanTheNewestLabelVersionStillSeesTheOldVersion() {
        final ContainerInstance first = container("first", "c5,c6", T0, T0.plusSeconds(100));
        final ContainerInstance second = container("second", "c5,c6", T0.plusSeconds(200), null);
        topo.label(HOST, "c5,c6", T0, first);
        topo.label(HOST, "c5,c6", T0.plusSeconds(200), second);
        topo.ship(HOST, avcEvent(HOST, stamp(50), 100, CONTAINER + "c5,c6", HOST_FILE));
        topo.idle();

        assertThat(only().container()).isEqualTo(first.ref());
    }

    @Test
    void aLabelHeldBySeveralContainersYieldsAllAsCandidates() {
        final ContainerInstance app = container("pod-app", "c7,c8", T0, null);
        final ContainerInstance sidecar = container("pod-sidecar", "c7,c8", T0.plusSeconds(1), null);
        topo.label(HOST, "c7,c8", T0.plusSeconds(1), app, sidecar);
        topo.ship(HOST, avcEvent(HOST, stamp(60), 100, CONTAINER + "c7,c8", HOST_FILE));
        topo.idle();

        final AvcDenial denial = only();
        assertThat(denial.container()).isNull();
        assertThat(denial.candidates()).containsExactly(app.ref(), sidecar.ref());
    }

    @Test
    void anUnknownLabelYieldsNoContainer() {
        topo.label(HOST, "c1,c2", T0, container("other", "c1,c2", T0, null));
        topo.label("node2", "c9,c10", T0, container("elsewhere", "c9,c10", T0, null));
        topo.ship(HOST, avcEvent(HOST, stamp(60), 100, CONTAINER + "c9,c10", HOST_FILE));
        topo.idle();

        final AvcDenial denial = only();
        assertThat(denial.container()).isNull();
        assertThat(denial.candidates()).isEmpty();
        assertThat(denial.inContainer()).isFalse();
    }

    @Test
    void aHostProcessWithoutCategoriesIsNeverAttributed() {
        topo.label(HOST, "", T0, container("privileged", "", T0, null));
        topo.ship(HOST, avcEvent(HOST, stamp(60), 100, "system_u:system_r:init_t:s0", HOST_FILE));
        topo.idle();

        assertThat(only().container()).isNull();
    }

    @Test
    void inventoryArrivingWithinTheGracePeriodStillJoins() {
        final ContainerInstance late = container("late", "c3,c4", T0.plusSeconds(59), null);
        topo.ship(HOST, avcEvent(HOST, stamp(60), 100, CONTAINER + "c3,c4", HOST_FILE));
        topo.label(HOST, "c3,c4", T0.plusSeconds(59), late);
        topo.idle();

        assertThat(only().container()).isEqualTo(late.ref());
    }

    @Test
    void inventoryArrivingWithinTheGracePeriodReleasesTheWaitingDenialAtTheHostsNextRecord() {
        final ContainerInstance late = container("late", "c3,c4", T0.plusSeconds(59), null);
        topo.ship(HOST, avcEvent(HOST, stamp(60), 100, CONTAINER + "c3,c4", HOST_FILE));
        assertThat(topo.denials.isEmpty()).as("waits for inventory").isTrue();
        // another record of the host that does not end the grace period: the denial is looked up again only
        // because the container table took a record since, and goes on at once, before its grace period ends
        topo.label(HOST, "c3,c4", T0.plusSeconds(59), late);
        topo.ship(HOST, avcEvent(HOST, stamp(60), 101, "system_u:system_r:init_t:s0", HOST_FILE));

        assertThat(topo.denials.readValuesToList()).extracting(d -> d.event().serial(), AvcDenial::container)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(100L, late.ref()),
                        org.assertj.core.groups.Tuple.tuple(101L, null));
    }

    @Test
    void aWaitingDenialIsLookedUpAgainWhenItsGracePeriodEndsEvenWithoutNewInventory() {
        topo.ship(HOST, avcEvent(HOST, stamp(60), 100, CONTAINER + "c3,c4", HOST_FILE));
        topo.ship(HOST, avcEvent(HOST, stamp(61), 101, "system_u:system_r:init_t:s0", HOST_FILE));
        assertThat(topo.denials.isEmpty()).as("both wait, the second behind the first").isTrue();
        topo.ship(HOST, avcEvent(HOST, stamp(62), 102, "system_u:system_r:init_t:s0", HOST_FILE));

        assertThat(topo.denials.readValuesToList()).extracting(d -> d.event().serial())
                .containsExactly(100L, 101L, 102L);
    }

    @Test
    void inventoryArrivingAfterTheGracePeriodIsTooLate() {
        final ContainerInstance late = container("late", "c3,c4", T0.plusSeconds(59), null);
        topo.ship(HOST, avcEvent(HOST, stamp(60), 100, CONTAINER + "c3,c4", HOST_FILE));
        // a later event moves stream time beyond the grace period and releases the first denial
        topo.ship(HOST, avcEvent(HOST, stamp(70), 101, "system_u:system_r:init_t:s0", HOST_FILE));
        topo.idle();
        topo.label(HOST, "c3,c4", T0.plusSeconds(59), late);

        assertThat(topo.denials.readValuesToList()).filteredOn(d -> d.event().serial() == 100)
                .singleElement().extracting(AvcDenial::container).isNull();
    }

    @Test
    void crossContainerAccessNamesBothSides() {
        final ContainerInstance attacker = container("attacker", "c11,c12", T0, null);
        final ContainerInstance victim = container("victim", "c13,c14", T0, null);
        topo.label(HOST, "c11,c12", T0, attacker);
        topo.label(HOST, "c13,c14", T0, victim);
        topo.ship(HOST, avcEvent(HOST, stamp(60), 100, CONTAINER + "c11,c12",
                "system_u:object_r:container_file_t:s0:c14,c13"));
        topo.idle();

        final AvcDenial denial = only();
        assertThat(denial.container()).isEqualTo(attacker.ref());
        assertThat(denial.targetContainer()).isEqualTo(victim.ref());
        assertThat(denial.targetCandidates()).isEmpty();
    }

    @Test
    void deniedAccessToAHostFileHasNoTargetContainer() {
        topo.label(HOST, "c11,c12", T0, container("attacker", "c11,c12", T0, null));
        topo.ship(HOST, avcEvent(HOST, stamp(60), 100, CONTAINER + "c11,c12", HOST_FILE));
        topo.idle();

        final AvcDenial denial = only();
        assertThat(denial.targetContainer()).isNull();
        assertThat(denial.targetCandidates()).isEmpty();
    }

    private AvcDenial only() {
        final List<AvcDenial> out = topo.denials.readValuesToList();
        assertThat(out).hasSize(1);
        return out.get(0);
    }

    private static String stamp(final long secondsAfterT0) {
        return T0.plusSeconds(secondsAfterT0).getEpochSecond() + ".123";
    }
}
