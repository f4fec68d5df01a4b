package io.avcwatch.schemas;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;

/**
 * A typed descriptor of one avcwatch topic: its name (below a configurable prefix), key and value serdes,
 * the partitions and cleanup policy it is created with, and the schema of its value.
 *
 * @param baseName          the name without prefix ({@code avc.alerts})
 * @param keySerde          serde of the record key
 * @param valueSerde        serde of the record value
 * @param defaultPartitions partitions when avcwatch creates the topic
 * @param cleanupPolicy     delete (time-retained stream) or compact (latest value per key)
 * @param valueSchema       the JSON Schema of the value (for {@code audit.raw}: of its headers)
 * @param description       key and value format in one sentence, for {@code --help} and logs
 * @param extraConfigs      topic-level configs besides {@code cleanup.policy} (e.g. {@code min.compaction.lag.ms})
 * @param <K>               key type
 * @param <V>               value type
 */
public record Topic<K, V>(String baseName, Serde<K> keySerde, Serde<V> valueSerde, int defaultPartitions,
                          CleanupPolicy cleanupPolicy, SchemaDocument valueSchema, String description,
                          Map<String, String> extraConfigs) {

    /** How the broker cleans old records. */
    public enum CleanupPolicy {
        DELETE(TopicConfig.CLEANUP_POLICY_DELETE),
        COMPACT(TopicConfig.CLEANUP_POLICY_COMPACT);

        private final String configValue;

        CleanupPolicy(final String configValue) {
            this.configValue = configValue;
        }

        /** The {@code cleanup.policy} value. */
        public String configValue() {
            return configValue;
        }
    }

    public Topic {
        Objects.requireNonNull(baseName, "baseName");
        Objects.requireNonNull(keySerde, "keySerde");
        Objects.requireNonNull(valueSerde, "valueSerde");
        Objects.requireNonNull(cleanupPolicy, "cleanupPolicy");
        extraConfigs = Map.copyOf(extraConfigs);
        if (extraConfigs.containsKey(TopicConfig.CLEANUP_POLICY_CONFIG)) {
            throw new IllegalArgumentException("cleanup.policy belongs in cleanupPolicy, not extraConfigs");
        }
        if (defaultPartitions < 1) {
            throw new IllegalArgumentException("defaultPartitions must be positive, was " + defaultPartitions);
        }
    }

    /** A topic with no configs besides its cleanup policy. */
    public Topic(final String baseName, final Serde<K> keySerde, final Serde<V> valueSerde, final int defaultPartitions,
                 final CleanupPolicy cleanupPolicy, final SchemaDocument valueSchema, final String description) {
        this(baseName, keySerde, valueSerde, defaultPartitions, cleanupPolicy, valueSchema, description, Map.of());
    }

    /**
     * The full topic name below {@code prefix} ({@code ""} for the live pipeline, {@code case.ID.} for a
     * forensic case; see {@link Topics#casePrefix(String)}).
     */
    public String name(final String prefix) {
        return Topics.checkPrefix(prefix) + baseName;
    }

    /** The topic-level configs avcwatch sets when it creates the topic. */
    public Map<String, String> configs() {
        final Map<String, String> all = new TreeMap<>(extraConfigs);
        all.put(TopicConfig.CLEANUP_POLICY_CONFIG, cleanupPolicy.configValue());
        return Map.copyOf(all);
    }

    /** Whether the topic is compacted. */
    public boolean compacted() {
        return cleanupPolicy == CleanupPolicy.COMPACT;
    }

    /**
     * The admin request that creates this topic below {@code prefix}; {@code partitions} and
     * {@code replicationFactor} empty mean the defaults (this descriptor's partitions, the broker's
     * replication factor).
     */
    public NewTopic newTopic(final String prefix, final Optional<Integer> partitions,
                             final Optional<Short> replicationFactor) {
        return new NewTopic(name(prefix), Optional.of(partitions.orElse(defaultPartitions)), replicationFactor)
                .configs(configs());
    }
}
