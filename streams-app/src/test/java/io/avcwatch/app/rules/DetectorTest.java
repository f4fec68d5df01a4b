package io.avcwatch.app.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.avcwatch.schemas.Alert;
import io.avcwatch.schemas.AvcDenial;
import io.avcwatch.schemas.AvcRecordType;
import io.avcwatch.schemas.AvcResult;
import io.avcwatch.schemas.ContainerInstance;
import io.avcwatch.schemas.ContainerLabel;
import io.avcwatch.schemas.ContainerMount;
import io.avcwatch.schemas.ContainerRef;
import io.avcwatch.schemas.DenialKind;
import io.avcwatch.schemas.EventRef;
import io.avcwatch.schemas.MacEvent;
import io.avcwatch.schemas.MacEventKind;
import io.avcwatch.schemas.SelinuxContext;
import io.avcwatch.schemas.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DetectorTest {
    private static final Detector DETECTOR = Detector.builtIn();
    private static final ContainerRef WEB = new ContainerRef("53bf7c3706d8aaaa", "web-4", "nginx:1.27");

    static SelinuxContext ctx(final String raw) {
        final String[] p = raw.split(":", 4);
        final String level = p.length > 3 ? p[3] : null;
        final String cats = level == null ? null : level.contains(":") ? level.substring(level.lastIndexOf(':') + 1) : "";
        return new SelinuxContext(raw, p[0], p[1], p[2], level, "s0", cats);
    }

    static AvcDenial denial(final long serial, final String perms, final String scontext, final String tcontext,
                            final String tclass, final Boolean permissive, final String path) {
        return AvcDenial.builder()
                .host("node-a").event(EventRef.of(1_700_000_000_000L + serial * 1000, serial))
                .recordType(AvcRecordType.AVC).result(AvcResult.DENIED)
                .perms(List.of(perms.split(" "))).tclass(tclass).permissive(permissive)
                .scontext(ctx(scontext)).tcontext(ctx(tcontext)).comm("bash").pid(42L).path(path)
                .container(WEB).build();
    }

    @Test
    void hostWriteIsHighAndPermissiveHostWriteIsCritical() {
        final AvcDenial d = denial(1, "write", "system_u:system_r:container_t:s0:c53,c664",
                "system_u:object_r:admin_home_t:s0", "dir", false, "/hostroot/test.txt");
        final Alert a = DETECTOR.onDenial(d, HostState.unknown("node-a")).orElseThrow();
        assertThat(a.rule()).isEqualTo("R1");
        assertThat(a.severity()).isEqualTo(Severity.HIGH);
        assertThat(a.mitre()).contains("T1611");
        assertThat(a.denialKind()).isEqualTo(DenialKind.TYPE_ENFORCEMENT);
        assertThat(a.summary()).isEqualTo("container web-4 [53bf7c3706d8, nginx:1.27] (bash) tried to write"
                + " host path /hostroot/test.txt (admin_home_t)");
        assertThat(a.explanation()).contains("type enforcement");
        assertThat(a.event().serial()).isEqualTo(1);
        assertThat(a.container()).isEqualTo(WEB);

        final AvcDenial happened = denial(2, "write add_name", "system_u:system_r:container_t:s0:c53,c664",
                "system_u:object_r:admin_home_t:s0", "dir", true, null);
        final Alert b = DETECTOR.onDenial(happened, HostState.unknown("node-a").withMode(false, 1, 1)).orElseThrow();
        assertThat(b.rule()).isEqualTo("R1");
        assertThat(b.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(b.explanation()).contains("NOT blocked");
    }

    @Test
    void permissiveContainerDenialOnAnEnforcingHostIsAPermissiveDomain() {
        final AvcDenial d = denial(3, "read", "system_u:system_r:container_t:s0:c1,c2",
                "system_u:object_r:var_lib_t:s0", "file", true, "/var/lib/x");
        final HostState enforcing = HostState.unknown("node-a").withMode(true, 1, 1);
        assertThat(DETECTOR.onDenial(d, enforcing).orElseThrow())
                .extracting(Alert::rule, Alert::severity).containsExactly("H4", Severity.CRITICAL);
        assertThat(DETECTOR.onDenial(d, HostState.unknown("node-a")).orElseThrow())
                .extracting(Alert::rule, Alert::severity).containsExactly("C0", Severity.MEDIUM);
    }

    @Test
    void genericTypeAtTheContainersOwnMountIsLowButSensitiveTypeStaysHigh() {
        final ContainerInstance inv = new ContainerInstance(WEB.id(), "web-4", "nginx:1.27", "docker",
                "system_u:system_r:container_t:s0:c53,c664", null, Instant.EPOCH, null, false, List.of(), "", "bridge",
                List.of(new ContainerMount("bind", "/home/alice/data", "/data", true),
                        new ContainerMount("bind", "/root", "/hostroot", true)));
        final AvcDenial generic = denial(4, "write", "system_u:system_r:container_t:s0:c53,c664",
                "unconfined_u:object_r:user_home_t:s0", "file", false, "/data/out.txt");
        assertThat(DETECTOR.onDenial(generic, HostState.unknown("node-a"), inv).orElseThrow().severity())
                .isEqualTo(Severity.LOW);
        assertThat(DETECTOR.onDenial(generic, HostState.unknown("node-a"), null).orElseThrow().severity())
                .as("outside known mounts").isEqualTo(Severity.HIGH);
        final AvcDenial root = denial(5, "write", "system_u:system_r:container_t:s0:c53,c664",
                "system_u:object_r:admin_home_t:s0", "dir", false, "/hostroot/x");
        assertThat(DETECTOR.onDenial(root, HostState.unknown("node-a"), inv).orElseThrow().severity())
                .isEqualTo(Severity.HIGH);
    }

    @Test
    void crossContainerAccessIsAnMcsConstraintAlert() {
        final AvcDenial d = denial(6, "read", "system_u:system_r:container_t:s0:c170,c393",
                "system_u:object_r:container_file_t:s0:c126,c245", "file", false, "/data/db");
        final Alert a = DETECTOR.onDenial(d, HostState.unknown("node-a")).orElseThrow();
        assertThat(a.rule()).isEqualTo("R19");
        assertThat(a.denialKind()).isEqualTo(DenialKind.MCS_CONSTRAINT);
        assertThat(a.explanation()).contains("MCS constraint");
        final AvcDenial shared = denial(7, "write", "system_u:system_r:container_t:s0:c170,c393",
                "system_u:object_r:container_file_t:s0", "file", false, "/shared/x");
        assertThat(DETECTOR.onDenial(shared, HostState.unknown("node-a")).orElseThrow().rule())
                .as("s0 target (shared :z) is no MCS violation").isEqualTo("C0");
    }

    @Test
    void hostDomainDenialsRaiseNothing() {
        final AvcDenial d = denial(8, "read", "system_u:system_r:httpd_t:s0",
                "unconfined_u:object_r:user_home_t:s0", "file", false, "/var/www/index.html");
        assertThat(DETECTOR.onDenial(d, HostState.unknown("node-a"))).isEmpty();
    }

    @Test
    void setenforceZeroIsCriticalAndUpdatesHostState() {
        final MacEvent e = new MacEvent("node-a", EventRef.of(1_700_000_100_000L, 900), MacEventKind.MAC_STATUS,
                false, true, null, null, null, 1000L, 3L, null, null, null, "setenforce", "/usr/sbin/setenforce",
                true, Map.of(), null);
        final Detector.MacOutcome out = DETECTOR.onMacEvent(e, HostState.unknown("node-a"));
        assertThat(out.alert()).get().extracting(Alert::rule, Alert::severity).containsExactly("H1", Severity.CRITICAL);
        assertThat(out.alert().get().summary()).isEqualTo("SELinux on node-a was set to permissive by auid 1000 (/usr/sbin/setenforce)");
        assertThat(out.hostState().enforcing()).isFalse();
        assertThat(out.hostState().sinceSerial()).isEqualTo(900);
    }

    @Test
    void riskyBooleansFollowTheTable() {
        assertThat(bool("container_manage_cgroup", true, false)).get().extracting(Alert::rule, Alert::severity)
                .containsExactly("H2", Severity.CRITICAL);
        assertThat(bool("container_connect_any", true, false)).get().extracting(Alert::severity).isEqualTo(Severity.HIGH);
        assertThat(bool("deny_ptrace", false, true)).get().extracting(Alert::severity).isEqualTo(Severity.CRITICAL);
        assertThat(bool("deny_ptrace", true, false)).get().extracting(Alert::rule, Alert::severity)
                .containsExactly("H2-other", Severity.LOW);
    }

    private static Optional<Alert> bool(final String name, final boolean val, final boolean old) {
        final MacEvent e = new MacEvent("node-a", EventRef.of(1_700_000_200_000L, 901), MacEventKind.MAC_CONFIG_CHANGE,
                null, null, name, val, old, 0L, 1L, null, null, null, null, null, null, Map.of(), null);
        return DETECTOR.onMacEvent(e, HostState.unknown("node-a")).alert();
    }

    @Test
    void privilegedOrUnlabelledContainersAreFlaggedFromTheInventory() {
        final ContainerInstance exporter = new ContainerInstance("947bec540a21ffff", "node-exporter",
                "quay.io/prometheus/node-exporter:v1.8", "docker", "", "system_u:object_r:container_file_t:s0:c1022,c1023",
                Instant.parse("2025-12-05T21:50:24Z"), null, true, List.of("label=disable"), "", "bridge", List.of());
        final ContainerInstance plain = new ContainerInstance("53bf7c3706d8aaaa", "web-4", "nginx", "docker",
                "system_u:system_r:container_t:s0:c53,c664", null, Instant.EPOCH, null, false, List.of(), "", "bridge", List.of());
        final List<Alert> alerts = DETECTOR.onContainer(new ContainerLabel("node-a", "c1022,c1023",
                List.of(exporter, plain), null));
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.rule()).isEqualTo("H6");
            assertThat(a.severity()).isEqualTo(Severity.HIGH);
            assertThat(a.summary()).contains("node-exporter").contains("privileged, SELinux label disabled");
        });
        assertThat(DETECTOR.onContainer(new ContainerLabel("node-a", "c1022,c1023", List.of(exporter), null)))
                .extracting(Alert::alertId).isEqualTo(alerts.stream().map(Alert::alertId).toList());
    }

    @Test
    void anEnforcedDenialShowsTheHostEnforcingSoALaterPermissiveContainerDenialIsH4() {
        final HostState unknown = HostState.unknown("node-a");
        final AvcDenial enforced = denial(10, "read", "system_u:system_r:httpd_t:s0",
                "unconfined_u:object_r:user_home_t:s0", "file", false, "/home/u/index.html");
        final HostState after = DETECTOR.hostStateAfter(enforced, unknown);
        assertThat(after.enforcing()).isTrue();
        assertThat(after.sinceSerial()).isEqualTo(10);
        assertThat(DETECTOR.hostStateAfter(enforced, after)).isSameAs(after);

        final AvcDenial permissive = denial(11, "read", "system_u:system_r:container_t:s0:c1,c2",
                "system_u:object_r:var_lib_t:s0", "file", true, "/var/lib/x");
        assertThat(DETECTOR.hostStateAfter(permissive, unknown)).isEqualTo(unknown);
        assertThat(DETECTOR.onDenial(permissive, after).orElseThrow())
                .extracting(Alert::rule, Alert::severity).containsExactly("H4", Severity.CRITICAL);

        final HostState setenforce0 = after.withMode(false, 1_700_000_010_500L, 11);
        assertThat(DETECTOR.onDenial(permissive, setenforce0).orElseThrow().rule()).isEqualTo("C0");
        final AvcDenial noFlag = denial(12, "read", "system_u:system_r:container_t:s0:c1,c2",
                "system_u:object_r:var_lib_t:s0", "file", null, "/var/lib/x");
        assertThat(DETECTOR.hostStateAfter(noFlag, unknown)).isEqualTo(unknown);
    }

    @Test
    void hostIpcContainerIsFlaggedFromTheInventory() {
        final ContainerInstance shm = new ContainerInstance("5a1e0c3706d8bbbb", "shm-reader", "busybox", "docker",
                "system_u:system_r:container_t:s0:c7,c8", null, Instant.EPOCH, null, false, List.of(), "", "bridge",
                List.of(), "host");
        final ContainerInstance privateIpc = new ContainerInstance("5a1e0c3706d8cccc", "web", "nginx", "docker",
                "system_u:system_r:container_t:s0:c9,c10", null, Instant.EPOCH, null, false, List.of(), "", "bridge",
                List.of(), "private");
        assertThat(DETECTOR.onContainer(new ContainerLabel("node-a", "c7,c8", List.of(shm), null)))
                .singleElement().satisfies(a -> {
                    assertThat(a.rule()).isEqualTo("H6");
                    assertThat(a.severity()).isEqualTo(Severity.HIGH);
                    assertThat(a.summary()).contains("host IPC namespace");
                });
        assertThat(DETECTOR.onContainer(new ContainerLabel("node-a", "c9,c10", List.of(privateIpc), null))).isEmpty();
    }

    @Test
    void suppressionsLowerOnlyWhatTheyMaySuppress() {
        final RuleSet rules = ((LoadResult.Loaded) RuleLoader.load(withBuiltIns(
                "suppressions:\n  - {reason: CI agent builds images, image: 'nginx*', comm: bash}\n"))).ruleSet();
        final Detector d = new Detector(rules);
        final AvcDenial write = denial(9, "write", "system_u:system_r:container_t:s0:c53,c664",
                "system_u:object_r:etc_t:s0", "file", false, "/host/etc/hosts");
        final ContainerInstance inv = new ContainerInstance(WEB.id(), "web-4", "nginx:1.27", "docker",
                "system_u:system_r:container_t:s0:c53,c664", null, Instant.EPOCH, null, false, List.of(), "", "bridge", List.of());
        assertThat(d.onDenial(write, HostState.unknown("node-a"), inv).orElseThrow())
                .satisfies(a -> assertThat(a.severity()).isEqualTo(Severity.INFO))
                .satisfies(a -> assertThat(a.explanation()).contains("suppressed: CI agent builds images"));
        final AvcDenial happened = denial(10, "write", "system_u:system_r:container_t:s0:c53,c664",
                "system_u:object_r:etc_t:s0", "file", true, "/host/etc/hosts");
        assertThat(d.onDenial(happened, HostState.unknown("node-a"), inv).orElseThrow().severity())
                .as("never suppress permissive=1").isEqualTo(Severity.CRITICAL);
        final AvcDenial socket = denial(11, "connectto", "system_u:system_r:container_t:s0:c53,c664",
                "system_u:system_r:container_runtime_t:s0", "unix_stream_socket", false, "/run/docker.sock");
        assertThat(d.onDenial(socket, HostState.unknown("node-a"), inv).orElseThrow().severity())
                .as("R3 always pages").isEqualTo(Severity.CRITICAL);
    }

    static List<RuleSource> withBuiltIns(final String text) {
        final List<RuleSource> s = new java.util.ArrayList<>(RuleLoader.builtInSources());
        s.add(new RuleSource("site.yaml", text));
        return s;
    }

    @Test
    void stormsFoldRepeatsAndEmitTheFirstHitAtOnce() {
        final StormAggregator storms = new StormAggregator(Duration.ofSeconds(60));
        final Alert first = DETECTOR.onDenial(denial(20, "write", "system_u:system_r:container_t:s0:c53,c664",
                "system_u:object_r:etc_t:s0", "file", false, "/host/etc/a"), HostState.unknown("node-a")).orElseThrow();
        final Alert second = DETECTOR.onDenial(denial(30, "write", "system_u:system_r:container_t:s0:c53,c664",
                "system_u:object_r:etc_t:s0", "file", false, "/host/etc/b"), HostState.unknown("node-a")).orElseThrow();
        final Alert late = DETECTOR.onDenial(denial(100, "write", "system_u:system_r:container_t:s0:c53,c664",
                "system_u:object_r:etc_t:s0", "file", false, "/host/etc/c"), HostState.unknown("node-a")).orElseThrow();
        assertThat(StormAggregator.keyOf(first)).isEqualTo(StormAggregator.keyOf(second));

        final StormAggregator.Step s1 = storms.offer(null, first);
        assertThat(s1.emit()).containsExactly(first);
        final StormAggregator.Step s2 = storms.offer(s1.state(), second);
        assertThat(s2.emit()).isEmpty();
        assertThat(s2.state().aggregate().count()).isEqualTo(2);
        assertThat(s2.state().aggregate().alertId()).isEqualTo(first.alertId());
        assertThat(s2.state().aggregate().lastSeen()).isEqualTo(second.lastSeen());
        assertThat(storms.expire(s2.state(), first.firstSeen().toEpochMilli() + 59_999).emit()).isEmpty();

        final StormAggregator.Step s3 = storms.offer(s2.state(), late);
        assertThat(s3.emit()).hasSize(2);
        assertThat(s3.emit().get(0).count()).isEqualTo(2);
        assertThat(s3.emit().get(0).firstSeen()).isEqualTo(first.firstSeen());
        assertThat(s3.emit().get(1)).isEqualTo(late);
        assertThat(storms.expire(s3.state(), late.firstSeen().toEpochMilli() + 60_000).emit()).isEmpty();
        assertThat(storms.expire(s3.state(), late.firstSeen().toEpochMilli() + 60_000).state()).isNull();
    }
}
