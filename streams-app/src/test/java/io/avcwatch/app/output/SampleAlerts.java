package io.avcwatch.app.output;

import io.avcwatch.schemas.Alert;
import io.avcwatch.schemas.AlertSource;
import io.avcwatch.schemas.ContainerRef;
import io.avcwatch.schemas.DenialKind;
import io.avcwatch.schemas.EventRef;
import io.avcwatch.schemas.Severity;
import java.time.Instant;
import java.util.List;

/** Alerts as the rules produce them, plus one whose attacker-controlled strings try every trick. */
public final class SampleAlerts {
    public static final String HOST = "node-delta0";
    public static final ContainerRef WEB = new ContainerRef(
            "53bf7c3706d85c524e440066559a6656c90bd5482a90a29b9fa5ff5180bc0dbc", "web", "docker.io/library/nginx:1.25");
    public static final ContainerRef BUILDER = new ContainerRef(
            "af89fc43c5fa52f8b2b19b8f89a50f8a8e9bb8bdb5eba456bf92d5d98065e575", "ci-builder", "quay.io/buildah/stable:v1.35");
    public static final ContainerRef DB = new ContainerRef(
            "9f8d0a9f94f03e7914c0f87f17f8499ff30499a90ebb4108e360ddfcfc69e290", "db", "docker.io/library/postgres:16");

    /**
     * A comm, path and summary an attacker could choose: line breaks, CEF and JSON delimiters,
     * backslashes, quotes, ANSI colour escapes, a one-byte CSI, a line separator, a bidi override,
     * an unpaired surrogate (what a lenient decoder may leave of invalid UTF-8), a U+FFFD that was
     * invalid UTF-8, and an HTML script breakout.
     */
    public static final String HOSTILE = "evil\nCEF:0|x|y|1|z|w|10|fake=1\r\n|=\\\"'\u001b[31mred\u001b[0m\u009b2J"
            + "\u2028\u202Egnp.exe\u202C\uD800\uFFFD</script><img src=x onerror=alert(1)>{{DATA}}";

    private SampleAlerts() {
    }

    private static EventRef event(final long millis, final long serial) {
        return EventRef.of(millis, serial);
    }

    private static AlertSource source(final EventRef e, final long offset) {
        return new AlertSource(HOST, "/var/log/audit/audit.log", 1835009L, offset, e.serial());
    }

    public static Alert apiSocket() {
        final EventRef e = event(1764971455782L, 86657);
        return Alert.builder().rule("container-api-socket").title("Container connected to the container runtime socket")
                .severity(Severity.CRITICAL).mitre(List.of("T1552.007", "T1609", "T1610")).host(HOST).event(e)
                .denialKind(DenialKind.TYPE_ENFORCEMENT)
                .scontext("system_u:system_r:container_t:s0:c170,c393")
                .tcontext("system_u:system_r:container_runtime_t:s0").tclass("unix_stream_socket")
                .perms(List.of("connectto")).permissive(false).container(DB).pid(31337L).comm("curl")
                .exe("/usr/bin/curl").path("/run/docker.sock")
                .summary("db (c170,c393) denied connectto on /run/docker.sock (container_runtime_t)")
                .explanation("Whoever talks to the runtime socket can start a privileged container: full host control.")
                .source(source(e, 402113)).build();
    }

    public static Alert secretRead() {
        final EventRef e = event(1764971444065L, 86565);
        return Alert.builder().rule("container-reads-host-secrets").title("Container process read host secrets")
                .severity(Severity.HIGH).mitre(List.of("T1611", "T1003.008", "T1552.001")).host(HOST).event(e)
                .denialKind(DenialKind.TYPE_ENFORCEMENT)
                .scontext("system_u:system_r:container_t:s0:c12,c988").tcontext("system_u:object_r:shadow_t:s0")
                .tclass("file").perms(List.of("read", "open")).permissive(false).container(BUILDER).pid(4242L)
                .comm("cat").exe("/usr/bin/cat").path("/etc/shadow").count(3)
                .firstSeen(Instant.ofEpochMilli(1764971444065L)).lastSeen(Instant.ofEpochMilli(1764971450000L))
                .summary("ci-builder (c12,c988) denied read,open on /etc/shadow (shadow_t)")
                .explanation("A container process reached a host credential file; a bind mount of / is likely.")
                .source(source(e, 398001)).build();
    }

    public static Alert setenforce() {
        final EventRef e = event(1764971470000L, 86900);
        return Alert.builder().rule("selinux-set-permissive").title("SELinux switched to permissive mode")
                .severity(Severity.CRITICAL).mitre(List.of("T1562.001")).host("node-alpha1").event(e)
                .denialKind(DenialKind.STATE_CHANGE).scontext("unconfined_u:unconfined_r:unconfined_t:s0-s0:c0.c1023")
                .pid(911L).comm("setenforce").exe("/usr/sbin/setenforce")
                .summary("setenforce switched node-alpha1 to permissive (enforcing=0 old_enforcing=1)")
                .explanation("Permissive mode stops every container from being confined.").build();
    }

    public static Alert crossContainer() {
        final EventRef e = event(1764971462172L, 86787);
        return Alert.builder().rule("cross-container-access").title("Container touched another container's files")
                .severity(Severity.MEDIUM).mitre(List.of("T1611", "T1005")).host(HOST).event(e)
                .denialKind(DenialKind.MCS_CONSTRAINT).scontext("system_u:system_r:container_t:s0:c170,c393")
                .tcontext("system_u:object_r:container_file_t:s0:c12,c988").tclass("dir").perms(List.of("search"))
                .permissive(true).candidates(List.of(WEB, DB)).targetContainer(BUILDER).pid(77L).comm("sh")
                .path("data")
                .summary("(c170,c393) allowed search on data of ci-builder (permissive)")
                .explanation("One container reading another's data breaks tenant isolation.").build();
    }

    /** Every attacker-controlled field holds {@link #HOSTILE}; the container name too (inventory input). */
    public static Alert hostile() {
        final EventRef e = event(1764971466000L, 86811);
        final ContainerRef evil = new ContainerRef(WEB.id(), HOSTILE, "evil/" + HOSTILE);
        return Alert.builder().rule("host-path-write").title("Container wrote to a host path").severity(Severity.HIGH)
                .mitre(List.of("T1611", "T9999")).host(HOST).event(e).denialKind(DenialKind.TYPE_ENFORCEMENT)
                .scontext("system_u:system_r:container_t:s0:c170,c393").tcontext("system_u:object_r:etc_t:s0")
                .tclass("file").perms(List.of("write")).permissive(false).container(evil).pid(4343L).comm(HOSTILE)
                .exe("/tmp/" + HOSTILE).path("/etc/" + HOSTILE).summary("web denied write on " + HOSTILE)
                .explanation("explained: " + HOSTILE).source(source(e, 500000)).build();
    }

    public static List<Alert> all() {
        return List.of(apiSocket(), secretRead(), setenforce(), crossContainer(), hostile());
    }

    public static List<Alert> wellBehaved() {
        return List.of(apiSocket(), secretRead(), setenforce(), crossContainer());
    }
}
