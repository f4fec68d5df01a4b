package io.avcwatch.schemas;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Realistic records built in code, fully populated and minimal, for serde and drift tests. */
final class SampleRecords {

    static final String HOST = "node1.example.com";
    static final EventRef EVENT = EventRef.of(1_713_603_292_240L, 1088);
    static final ContainerRef WEB = new ContainerRef(
            "4f2d0c8e1b7a6f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6", "web", "docker.io/library/nginx:1.25");
    static final ContainerRef DB = new ContainerRef(
            "9a8b7c6d5e4f30211203f4e5d6c7b8a99a8b7c6d5e4f30211203f4e5d6c7b8a9", "db", "docker.io/library/postgres:16");
    static final SourcePosition POSITION = new SourcePosition("/var/log/audit/audit.log", 1_835_009L, 402_113L);

    private SampleRecords() {
    }

    static SelinuxContext containerContext() {
        return new SelinuxContext("system_u:system_r:container_t:s0:c170,c393", "system_u", "system_r",
                "container_t", "s0:c170,c393", "s0", "c170,c393");
    }

    static AvcDenial fullDenial() {
        return AvcDenial.builder()
                .host(HOST).event(EVENT).recordType(AvcRecordType.AVC).result(AvcResult.DENIED)
                .perms(List.of("read", "open")).tclass("file").permissive(false)
                .scontext(containerContext())
                .tcontext(new SelinuxContext("system_u:object_r:shadow_t:s0", "system_u", "object_r", "shadow_t",
                        "s0", "s0", ""))
                .pid(4242L).comm("cat").exe("/usr/bin/cat").path("/etc/shadow").name("shadow").dev("dm-0")
                .ino(1_311_041L).fields(Map.of("tsid", "1", "extra", "x"))
                .syscall(new SyscallContext("x86_64", "openat", 257, false, -13L, "EACCES", 4242L, 4200L, 0L, 0L, 0L,
                        4_294_967_295L, 4_294_967_295L, "(none)", "cat", "/usr/bin/cat",
                        "system_u:system_r:container_t:s0:c170,c393", null))
                .cwd("/").paths(List.of(new AuditPath(0, "/host/etc/shadow", 1_311_041L, "fd:00", "0100000", 0L,
                        0L, "system_u:object_r:shadow_t:s0", "NORMAL")))
                .proctitle(List.of("cat", "/host/etc/shadow"))
                .container(WEB).candidates(List.of(WEB)).targetContainer(null).targetCandidates(List.of())
                .source(POSITION).containerDetails(containerLabel().containers().get(1))
                .build();
    }

    static AvcDenial minimalDenial() {
        return AvcDenial.builder().host(HOST).event(EVENT).recordType(AvcRecordType.SELINUX_ERR).build();
    }

    static MacEvent permissiveSwitch() {
        return new MacEvent(HOST, EVENT, MacEventKind.MAC_STATUS, false, true, null, null, null, 1000L, 3L, 5151L,
                0L, "unconfined_u:unconfined_r:unconfined_t:s0-s0:c0.c1023", "setenforce", "/usr/sbin/setenforce",
                true, Map.of("lsm", "selinux"), POSITION);
    }

    static MacEvent booleanFlip() {
        return new MacEvent(HOST, EVENT, MacEventKind.MAC_CONFIG_CHANGE, null, null, "container_manage_cgroup",
                true, false, 1000L, 3L, null, null, null, "setsebool", "/usr/sbin/setsebool", null, null, null);
    }

    static ContainerLabel containerLabel() {
        final ContainerInstance old = new ContainerInstance(DB.id(), DB.name(), DB.image(), "docker",
                "system_u:system_r:container_t:s0:c170,c393", "system_u:object_r:container_file_t:s0:c170,c393",
                Instant.parse("2024-04-19T10:00:00Z"), Instant.parse("2024-04-19T12:00:00Z"), false, List.of(),
                "", "bridge", List.of());
        final ContainerInstance current = new ContainerInstance(WEB.id(), WEB.name(), WEB.image(), "podman",
                "system_u:system_r:container_t:s0:c170,c393", "system_u:object_r:container_file_t:s0:c170,c393",
                Instant.parse("2024-04-20T08:00:00.123456789Z"), null, true, List.of("label=type:spc_t"), "host",
                "host", List.of(new ContainerMount("bind", "/", "/host", true),
                        new ContainerMount("volume", "/var/lib/docker/volumes/x/_data", "/data", false)));
        return new ContainerLabel(HOST, "c170,c393", List.of(old, current), Instant.parse("2024-04-20T08:00:01Z"));
    }

    static Alert fullAlert() {
        return Alert.builder()
                .fromDenial(fullDenial())
                .rule("container-reads-host-secrets").title("Container process read host secrets")
                .severity(Severity.CRITICAL).mitre(List.of("T1611", "T1003.008"))
                .denialKind(DenialKind.TYPE_ENFORCEMENT).targetContainer(DB).targetCandidates(List.of(DB))
                .count(3).lastSeen(Instant.parse("2024-04-20T08:55:10Z"))
                .summary("web (c170,c393) denied read,open on /etc/shadow (shadow_t)")
                .explanation("A container process reached a host credential file; a bind mount of / is likely.")
                .build();
    }

    static Alert stateChangeAlert() {
        return Alert.builder().rule("selinux-permissive").severity(Severity.HIGH).mitre(List.of("T1562.001"))
                .host(HOST).event(EVENT).denialKind(DenialKind.STATE_CHANGE).comm("setenforce")
                .summary("SELinux switched to permissive by auid 1000").build();
    }

    static DeadLetter textDeadLetter() {
        return DeadLetter.of("type=AVC msg=audit(1713603292.240:1088): avc:  denied  { read".getBytes(
                        StandardCharsets.UTF_8), "parse", "truncated AVC record")
                .host(HOST).errorKind("TRUNCATED").kafkaSource("audit.raw", 2, 77_123L)
                .fileSource("/var/log/audit/audit.log", 1_835_009L, 402_113L).build();
    }

    static DeadLetter binaryDeadLetter() {
        return DeadLetter.of(new byte[] {'t', 'y', 'p', 'e', '=', (byte) 0xff, (byte) 0xfe, 0, '\r'}, "tail",
                "invalid UTF-8").build();
    }

    static RawRecordHeaders rawHeaders() {
        return new RawRecordHeaders(HOST, "/var/log/audit/audit.log", 1_835_009L, 402_113L);
    }

    static TailerCheckpoint checkpoint() {
        return new TailerCheckpoint(HOST, "/var/log/audit/audit.log", 1_835_009L, 402_113L, "sha256:9f86d081",
                Instant.parse("2024-04-20T08:55:00Z"));
    }

    /** Every sample with the schema it must satisfy. */
    static Map<Object, SchemaDocument> all() {
        return Map.ofEntries(
                Map.entry(fullDenial(), SchemaDocument.AVC_DENIAL),
                Map.entry(minimalDenial(), SchemaDocument.AVC_DENIAL),
                Map.entry(permissiveSwitch(), SchemaDocument.MAC_EVENT),
                Map.entry(booleanFlip(), SchemaDocument.MAC_EVENT),
                Map.entry(containerLabel(), SchemaDocument.CONTAINER_LABEL),
                Map.entry(fullAlert(), SchemaDocument.ALERT),
                Map.entry(stateChangeAlert(), SchemaDocument.ALERT),
                Map.entry(textDeadLetter(), SchemaDocument.DEAD_LETTER),
                Map.entry(binaryDeadLetter(), SchemaDocument.DEAD_LETTER),
                Map.entry(rawHeaders(), SchemaDocument.RAW_RECORD_HEADERS),
                Map.entry(new RawRecordHeaders(HOST, null, null, 12L), SchemaDocument.RAW_RECORD_HEADERS),
                Map.entry(checkpoint(), SchemaDocument.TAILER_CHECKPOINT));
    }
}
