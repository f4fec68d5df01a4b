package io.avcwatch.app.topology;

import static io.avcwatch.app.topology.TopologyHarness.avcEvent;
import static io.avcwatch.app.topology.TopologyHarness.container;
import static org.assertj.core.api.Assertions.assertThat;

import io.avcwatch.schemas.Alert;
import io.avcwatch.schemas.ContainerInstance;
import io.avcwatch.schemas.ContainerMount;
import io.avcwatch.schemas.Severity;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The detection step inside the topology: host SELinux state and storms in their stores. */
class DetectionTopologyTest {
    private static final String HOST = "node1";
    private static final Instant T0 = Instant.parse("2025-12-05T21:50:00Z");
    private static final String ESCAPE_SOURCE = "system_u:system_r:container_t:s0:c38,c390";
    private static final String HOST_HOME = "system_u:object_r:admin_home_t:s0";

    @TempDir
    Path stateDir;
    private TopologyHarness topo;
    private ContainerInstance web;

    @BeforeEach
    void start() {
        topo = new TopologyHarness(stateDir);
        web = container("web", "c38,c390", T0, null);
        topo.label(HOST, "c38,c390", T0, web);
    }

    @AfterEach
    void stop() {
        topo.close();
    }

    @Test
    void repeatedDenialsOfOneContainerBecomeOneAlertNowAndAGrownAlertWhenTheWindowCloses() {
        topo.ship(HOST, avcEvent(HOST, stamp(60), 100, ESCAPE_SOURCE, HOST_HOME));
        topo.ship(HOST, avcEvent(HOST, stamp(65), 101, ESCAPE_SOURCE, HOST_HOME));
        topo.ship(HOST, avcEvent(HOST, stamp(70), 102, ESCAPE_SOURCE, HOST_HOME));
        for (int second = 0; second < 5; second++) {
            // a few seconds of wall clock: the grace period passes, the storm window (1 min) does not
            topo.driver.advanceWallClockTime(java.time.Duration.ofSeconds(1));
        }
        // an unrelated event far later moves stream time past the storm window
        topo.ship(HOST, avcEvent(HOST, stamp(600), 103, "system_u:system_r:init_t:s0", HOST_HOME));
        topo.idle();

        final List<Alert> alerts = topo.alerts.readValuesToList().stream()
                .filter(a -> a.container() != null).toList();
        assertThat(alerts).hasSize(2);
        assertThat(alerts.get(0).count()).isEqualTo(1);
        assertThat(alerts.get(0).event().serial()).isEqualTo(100L);
        assertThat(alerts.get(0).severity()).isIn(Severity.CRITICAL, Severity.HIGH);
        assertThat(alerts.get(1).count()).isEqualTo(3);
        assertThat(alerts.get(1).container()).isEqualTo(web.ref());
    }

    @Test
    void setenforceZeroRaisesAnAlertForTheHost() {
        topo.ship(HOST,
                "node=" + HOST + " type=MAC_STATUS msg=audit(" + stamp(60) + ":200): enforcing=0 old_enforcing=1"
                        + " auid=1000 ses=2 enabled=1 old-enabled=1 lsm=selinux res=1",
                "node=" + HOST + " type=SYSCALL msg=audit(" + stamp(60) + ":200): arch=c000003e syscall=1"
                        + " success=yes exit=1 a0=3 a1=7ffd a2=1 a3=0 items=0 ppid=1 pid=77 auid=1000 uid=0 gid=0"
                        + " euid=0 suid=0 fsuid=0 egid=0 sgid=0 fsgid=0 tty=pts0 ses=2 comm=\"setenforce\""
                        + " exe=\"/usr/sbin/setenforce\" subj=unconfined_u:unconfined_r:unconfined_t:s0 key=(null)",
                "node=" + HOST + " type=PROCTITLE msg=audit(" + stamp(60) + ":200): proctitle=736574656E666F7263650030");
        topo.idle();

        assertThat(topo.alerts.readValuesToList()).anySatisfy(a -> {
            assertThat(a.host()).isEqualTo(HOST);
            assertThat(a.event().serial()).isEqualTo(200L);
            assertThat(a.severity()).isEqualTo(Severity.CRITICAL);
        });
    }

    @Test
    void aGenericWriteAtTheContainersOwnBindMountStaysBelowHigh() {
        final ContainerInstance app = new ContainerInstance("app", "/app", "docker.io/library/app:1", "docker",
                "system_u:system_r:container_t:s0:c53,c664", "system_u:object_r:container_file_t:s0:c53,c664",
                T0, null, false, List.of(), "", "bridge",
                List.of(new ContainerMount("bind", "/home/alice/data", "/data", true)));
        topo.label(HOST, "c53,c664", T0, app);
        topo.ship(HOST, writeEvent(stamp(60), 300, "system_u:system_r:container_t:s0:c53,c664",
                "unconfined_u:object_r:user_home_t:s0", "/data/out.txt"));
        topo.ship(HOST, writeEvent(stamp(61), 301, "system_u:system_r:container_t:s0:c53,c664",
                "unconfined_u:object_r:user_home_t:s0", "/srv/out.txt"));
        topo.idle();

        final List<Alert> alerts = topo.alerts.readValuesToList();
        assertThat(alerts).filteredOn(a -> a.event().serial() == 300L).singleElement().satisfies(a -> {
            assertThat(a.container()).isEqualTo(app.ref());
            assertThat(a.severity()).as("own mount").isIn(Severity.LOW, Severity.MEDIUM, Severity.INFO);
        });
        assertThat(alerts).filteredOn(a -> a.event().serial() == 301L).singleElement()
                .extracting(Alert::severity).as("outside its mounts").isEqualTo(Severity.HIGH);
    }

    @Test
    void anEnforcedDenialShowsTheHostEnforcingSoALaterPermissiveContainerDenialIsH4() {
        topo.ship(HOST, avcEvent(HOST, stamp(60), 400, "system_u:system_r:httpd_t:s0",
                "unconfined_u:object_r:user_home_t:s0"));
        final String[] permissive = avcEvent(HOST, stamp(61), 401, ESCAPE_SOURCE, "system_u:object_r:var_lib_t:s0");
        permissive[1] = permissive[1].replace("permissive=0", "permissive=1");
        topo.ship(HOST, permissive);
        topo.idle();

        assertThat(topo.alerts.readValuesToList()).filteredOn(a -> a.event().serial() == 401L).singleElement()
                .extracting(Alert::rule, Alert::severity).containsExactly("H4", Severity.CRITICAL);
    }

    /** A write denied at {@code path} (SYSCALL, AVC, PATH, PROCTITLE). */
    private static String[] writeEvent(final String stamp, final long serial, final String scontext,
                                       final String tcontext, final String path) {
        final String head = "node=" + HOST + " type=%s msg=audit(" + stamp + ":" + serial + "): ";
        return new String[] {
            String.format(head, "SYSCALL") + "arch=c000003e syscall=257 success=no exit=-13 a0=ffffff9c a1=7ffd1"
                + " a2=241 a3=1b6 items=1 ppid=1 pid=4243 auid=4294967295 uid=0 gid=0 euid=0 suid=0 fsuid=0"
                + " egid=0 sgid=0 fsgid=0 tty=pts0 ses=4294967295 comm=\"sh\" exe=\"/usr/bin/sh\" subj="
                + scontext + " key=(null)",
            String.format(head, "AVC") + "avc:  denied  { write } for  pid=4243 comm=\"sh\" name=\"out.txt\""
                + " dev=\"dm-0\" ino=43 scontext=" + scontext + " tcontext=" + tcontext
                + " tclass=file permissive=0",
            String.format(head, "PATH") + "item=0 name=\"" + path + "\" inode=43 dev=fd:00 mode=0100644 ouid=0"
                + " ogid=0 rdev=00:00 obj=" + tcontext + " nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0",
            String.format(head, "PROCTITLE") + "proctitle=7368",
        };
    }

    private static String stamp(final long secondsAfterT0) {
        return T0.plusSeconds(secondsAfterT0).getEpochSecond() + ".500";
    }
}
