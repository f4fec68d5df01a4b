package io.avcwatch.schemas;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The value of {@code avc.alerts} and a line of {@code analyze --format jsonl}: an escape attempt or a
 * weakening of SELinux, with severity, MITRE ATT&amp;CK ids and the evidence a SOC analyst needs.
 *
 * <p>DESIGN.md fixes the fields {@code rule, severity, mitre, host, event {serial, timestamp}, scontext,
 * tcontext, tclass, perms, permissive, container {id, name, image}, count, summary}; the rest is
 * additive. Schema: {@code io/avcwatch/schemas/v1/alert.schema.json}. Build one with {@link #builder()}.
 *
 * @param alertId          deterministic id from {@link #idFor(String, String, String, long)}: a replay gives the same id
 * @param rule             rule id ({@code container-reads-host-secrets})
 * @param title            one-line human title of the rule
 * @param severity         severity
 * @param mitre            MITRE ATT&amp;CK technique ids ({@code T1611})
 * @param host             the host
 * @param event            the (first) event that raised it
 * @param denialKind       why SELinux refused (or what changed)
 * @param scontext         source context, raw; null for state changes without one
 * @param tcontext         target context, raw
 * @param tclass           target class
 * @param perms            permissions involved
 * @param permissive       true when the access was allowed anyway (permissive domain or mode); null if unknown
 * @param container        the subject's container, or null (host process, or ambiguous: see candidates)
 * @param candidates       containers that held the subject's label, when more than one did
 * @param targetContainer  the container owning the target's label (cross-container access), or null
 * @param targetCandidates containers that held the target's label, when more than one did
 * @param pid              subject pid
 * @param comm             subject command
 * @param exe              subject executable
 * @param path             target path, as far as known
 * @param count            how many matching events this alert stands for (1 unless aggregated)
 * @param firstSeen        time of the first matching event
 * @param lastSeen         time of the last matching event
 * @param summary          one line with the facts ({@code web (c170,c393) denied read on /etc/shadow})
 * @param explanation      why it matters and what to check next
 * @param source           provenance of the first event
 */
public record Alert(String alertId, String rule, String title, Severity severity, List<String> mitre, String host,
                    EventRef event, DenialKind denialKind, String scontext, String tcontext, String tclass,
                    List<String> perms, Boolean permissive, ContainerRef container, List<ContainerRef> candidates,
                    ContainerRef targetContainer, List<ContainerRef> targetCandidates, Long pid, String comm,
                    String exe, String path, long count, Instant firstSeen, Instant lastSeen, String summary,
                    String explanation, AlertSource source) {

    public Alert {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(summary, "summary");
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, was " + count);
        }
        mitre = Copies.list(mitre);
        perms = Copies.list(perms);
        candidates = Copies.list(candidates);
        targetCandidates = Copies.list(targetCandidates);
    }

    /**
     * The deterministic alert id: the first 32 hex digits of SHA-256 over rule, host, audit timestamp and
     * serial. Identical input gives identical ids on every replay and every instance.
     */
    public static String idFor(final String rule, final String host, final String auditTimestamp, final long serial) {
        final String basis = rule + '\n' + host + '\n' + auditTimestamp + '\n' + serial;
        final byte[] digest = SHA_256.get().digest(basis.getBytes(StandardCharsets.UTF_8)); // digest() resets it
        return HEX.formatHex(digest, 0, 16);
    }

    /** One digest per thread: looking the algorithm up through the security providers per alert cost more than hashing. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    });
    private static final HexFormat HEX = HexFormat.of();

    /** A builder; {@link AlertBuilder#build()} derives the id, first/last seen and source when not set. */
    public static AlertBuilder builder() {
        return new AlertBuilder();
    }

    /** A builder that starts from this alert, e.g. to raise the count of an aggregate. */
    public AlertBuilder toBuilder() {
        return new AlertBuilder(this);
    }
}
