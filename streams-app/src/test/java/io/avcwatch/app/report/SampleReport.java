package io.avcwatch.app.report;

import io.avcwatch.app.output.SampleAlerts;
import io.avcwatch.schemas.Alert;
import io.avcwatch.schemas.AvcDenial;
import io.avcwatch.schemas.AvcRecordType;
import io.avcwatch.schemas.AvcResult;
import io.avcwatch.schemas.ContainerInstance;
import io.avcwatch.schemas.ContainerLabel;
import io.avcwatch.schemas.ContainerRef;
import io.avcwatch.schemas.EventRef;
import io.avcwatch.schemas.SelinuxContext;
import io.avcwatch.schemas.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A report over the sample alerts, denials behind them and between them, and a small inventory. */
final class SampleReport {
    private static final long START = 1764971400000L;
    private static final ContainerRef METRICS = new ContainerRef(
            "1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d", "metrics", "quay.io/prometheus/node-exporter:v1.8");

    private SampleReport() {
    }

    static ReportData clean() {
        return build(more(SampleAlerts.wellBehaved()));
    }

    static ReportData withHostileStrings() {
        return build(more(SampleAlerts.all()));
    }

    /** A few repeated low/medium findings so the charts have something to stack. */
    private static List<Alert> more(final List<Alert> base) {
        final List<Alert> out = new ArrayList<>(base);
        for (int i = 0; i < 6; i++) {
            final EventRef e = EventRef.of(START + 7_000L * i + 3_000, 86400 + i);
            out.add(Alert.builder().rule("container-mount-attempt").title("Container tried to mount a filesystem")
                    .severity(i % 3 == 0 ? Severity.HIGH : Severity.MEDIUM).mitre(List.of("T1611")).host(SampleAlerts.HOST)
                    .event(e).scontext("system_u:system_r:container_t:s0:c170,c393")
                    .tcontext("system_u:object_r:cgroup_t:s0").tclass("filesystem").perms(List.of("mount"))
                    .permissive(false).container(i % 2 == 0 ? SampleAlerts.WEB : SampleAlerts.BUILDER).pid(600L + i)
                    .comm("mount").summary("mount of cgroup denied").explanation("Mounting cgroupfs is the first step of release_agent escapes.")
                    .build());
        }
        out.add(Alert.builder().rule("selinux-boolean-changed").title("SELinux boolean changed").severity(Severity.LOW)
                .mitre(List.of("T1562.001")).host("node-alpha1").event(EventRef.of(START + 20_000, 5120))
                .summary("container_manage_cgroup 0 -> 1").build());
        return out;
    }

    private static ReportData build(final List<Alert> alerts) {
        final List<AvcDenial> denials = new ArrayList<>();
        for (Alert a : alerts) {
            if (a.scontext() != null && a.tclass() != null) {
                denials.add(denial(a.host(), a.event(), a.container(), a.comm(), a.tclass(), a.perms(), a.path()));
            }
        }
        final ContainerRef[] quiet = {SampleAlerts.WEB, METRICS, SampleAlerts.DB};
        for (int i = 0; i < 45; i++) {
            denials.add(denial(SampleAlerts.HOST, EventRef.of(START + 1_700L * i, 86000 + i), quiet[i % 3], "node_exporter",
                    "file", List.of("read"), "/proc/" + (100 + i) + "/stat"));
        }
        final List<ContainerLabel> containers = List.of(
                label("c170,c393", SampleAlerts.WEB, SampleAlerts.DB),
                label("c12,c988", SampleAlerts.BUILDER),
                label("c5,c77", METRICS));
        return ReportData.of(List.of("node-delta0.audit.log", "node-alpha1.audit.log"), alerts, denials, containers)
                .withCount("audit lines", 48_211).withCount("dead letters", 2).withTitle("avcwatch report: demo scenario");
    }

    private static AvcDenial denial(final String host, final EventRef e, final ContainerRef c, final String comm,
            final String tclass, final List<String> perms, final String path) {
        return AvcDenial.builder().host(host).event(e).recordType(AvcRecordType.AVC).result(AvcResult.DENIED)
                .perms(perms).tclass(tclass).permissive(false)
                .scontext(new SelinuxContext("system_u:system_r:container_t:s0:c170,c393", "system_u", "system_r",
                        "container_t", "s0:c170,c393", "s0", "c170,c393"))
                .tcontext(new SelinuxContext("system_u:object_r:proc_t:s0", "system_u", "object_r", "proc_t", "s0", "s0", ""))
                .comm(comm).path(path).container(c).build();
    }

    private static ContainerLabel label(final String categories, final ContainerRef... refs) {
        final List<ContainerInstance> instances = new ArrayList<>();
        for (ContainerRef r : refs) {
            instances.add(new ContainerInstance(r.id(), r.name(), r.image(), "docker",
                    "system_u:system_r:container_t:s0:" + categories, "system_u:object_r:container_file_t:s0:" + categories,
                    Instant.ofEpochMilli(START - 3_600_000), null, false, List.of(), "private", "bridge", List.of()));
        }
        return new ContainerLabel(SampleAlerts.HOST, categories, instances, Instant.ofEpochMilli(START));
    }
}
