package io.avcwatch.schemas;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Every topic avcwatch reads or writes (DESIGN.md, "Topics"), with key and value formats. Names are
 * relative to a prefix: {@code ""} for the live pipeline, {@link #casePrefix(String)} for a forensic
 * replay, so a case never mixes with live data.
 *
 * <p>All keys are UTF-8 strings. Topics keyed by host keep every record of one host (and so of one
 * audit event) in one partition, in order.
 */
public final class Topics {

    /** Key: host. Value: the raw audit line, bytes exactly as read, no newline. Timestamp: the event time.
     * Headers: {@link RawRecordHeaders}. */
    public static final Topic<String, byte[]> AUDIT_RAW = new Topic<>("audit.raw", Serdes.String(),
            Serdes.ByteArray(), 3, Topic.CleanupPolicy.DELETE, SchemaDocument.RAW_RECORD_HEADERS,
            "key host, value the raw audit line (bytes), headers source path/inode/offset");

    /** Key: host. Value: one assembled audit event as JSON, written by the parsers module's event writer. */
    public static final Topic<String, String> AUDIT_EVENTS = new Topic<>("audit.events", Serdes.String(),
            Serdes.String(), 3, Topic.CleanupPolicy.DELETE, SchemaDocument.AUDIT_EVENT,
            "key host, value AuditEvent JSON (all records of one serial, parsed)");

    /** Key: host. Value: {@link AvcDenial}. */
    public static final Topic<String, AvcDenial> AVC_DENIALS = new Topic<>("avc.denials", Serdes.String(),
            JsonSerde.ofImmutable(AvcDenial.class), 3, Topic.CleanupPolicy.DELETE, SchemaDocument.AVC_DENIAL,
            "key host, value AvcDenial JSON");

    /** Key: host. Value: {@link MacEvent} (SELinux state changes). */
    public static final Topic<String, MacEvent> MAC_EVENTS = new Topic<>("avc.mac-events", Serdes.String(),
            JsonSerde.of(MacEvent.class), 3, Topic.CleanupPolicy.DELETE, SchemaDocument.MAC_EVENT,
            "key host, value MacEvent JSON (enforcing mode, booleans, policy loads)");

    /**
     * How long {@code avc.containers} keeps a superseded label version before compaction may drop it: at
     * least the streams app's versioned-store history (its replay horizon, 35 days by default), so a store
     * restored or rebuilt from the topic still has every version a replay inside that horizon joins with.
     */
    public static final Duration CONTAINERS_MIN_COMPACTION_LAG = Duration.ofDays(35);

    /**
     * Key: {@link ContainerLabel#key(String, String)}. Value: {@link ContainerLabel}; compacted, no earlier
     * than {@link #CONTAINERS_MIN_COMPACTION_LAG}. <b>Partitioned by host</b>, not by the whole key: a record goes
     * to the partition the default partitioner gives the host alone (murmur2 of the host's UTF-8 bytes, made
     * positive, modulo the partition count), which is where {@link #AUDIT_RAW} holds that host's lines; and the
     * topic has as many partitions as {@link #AUDIT_RAW}. The streams app looks a denial's labels up in the task
     * of the host's audit lines, so every producer must partition this way (avcwatch's inventory publisher does).
     */
    public static final Topic<String, ContainerLabel> AVC_CONTAINERS = new Topic<>("avc.containers",
            Serdes.String(), JsonSerde.of(ContainerLabel.class), 3, Topic.CleanupPolicy.COMPACT,
            SchemaDocument.CONTAINER_LABEL, "key host|categories, value ContainerLabel JSON, compacted",
            Map.of(TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG,
                    Long.toString(CONTAINERS_MIN_COMPACTION_LAG.toMillis())));

    /** Key: host. Value: {@link Alert}. */
    public static final Topic<String, Alert> AVC_ALERTS = new Topic<>("avc.alerts", Serdes.String(),
            JsonSerde.ofImmutable(Alert.class), 3, Topic.CleanupPolicy.DELETE, SchemaDocument.ALERT,
            "key host, value Alert JSON");

    /** Key: host (null when unknown). Value: {@link DeadLetter}. */
    public static final Topic<String, DeadLetter> AUDIT_DEADLETTER = new Topic<>("audit.deadletter",
            Serdes.String(), JsonSerde.of(DeadLetter.class), 1, Topic.CleanupPolicy.DELETE,
            SchemaDocument.DEAD_LETTER, "key host, value DeadLetter JSON (the bad input and why)");

    /** Key: {@link TailerCheckpoint#key(String, String)}. Value: {@link TailerCheckpoint}; compacted. */
    public static final Topic<String, TailerCheckpoint> TAILER_CHECKPOINTS = new Topic<>("audit.raw.checkpoints",
            Serdes.String(), JsonSerde.of(TailerCheckpoint.class), 1, Topic.CleanupPolicy.COMPACT,
            SchemaDocument.TAILER_CHECKPOINT, "key host|path, value TailerCheckpoint JSON, compacted");

    /** The live pipeline's prefix. */
    public static final String NO_PREFIX = "";

    private static final List<Topic<?, ?>> ALL = List.of(AUDIT_RAW, AUDIT_EVENTS, AVC_DENIALS, MAC_EVENTS,
            AVC_CONTAINERS, AVC_ALERTS, AUDIT_DEADLETTER, TAILER_CHECKPOINTS);

    /** Kafka's legal topic characters; a prefix may be empty. */
    private static final Pattern LEGAL_PREFIX = Pattern.compile("[a-zA-Z0-9._-]*");
    private static final Pattern LEGAL_CASE_ID = Pattern.compile("[a-zA-Z0-9_-]+");
    /** Kafka's limit (249) minus the longest base name, so every prefixed name stays legal. */
    private static final int MAX_PREFIX_LENGTH = 249 - "audit.raw.checkpoints".length();

    private Topics() {
    }

    /** Every topic, in pipeline order. */
    public static List<Topic<?, ?>> all() {
        return ALL;
    }

    /**
     * The prefix of a forensic case: {@code case.ID.}. The id may hold letters, digits, {@code _} and
     * {@code -} (a dot would make case names ambiguous); anything else is an {@link IllegalArgumentException}
     * with a message fit for the user.
     */
    public static String casePrefix(final String caseId) {
        if (caseId == null || !LEGAL_CASE_ID.matcher(caseId).matches()) {
            throw new IllegalArgumentException("case id must be letters, digits, '_' or '-', was: " + caseId);
        }
        return checkPrefix("case." + caseId + ".");
    }

    /** Returns {@code prefix} if it yields legal Kafka topic names, else throws {@link IllegalArgumentException}. */
    public static String checkPrefix(final String prefix) {
        if (prefix == null || !LEGAL_PREFIX.matcher(prefix).matches() || prefix.length() > MAX_PREFIX_LENGTH) {
            throw new IllegalArgumentException("topic prefix must be at most " + MAX_PREFIX_LENGTH
                    + " of [a-zA-Z0-9._-], was: " + prefix);
        }
        return prefix;
    }
}
