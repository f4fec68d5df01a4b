package io.avcwatch.app.scaleout;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.utils.Bytes;

/**
 * How many entries the committed changelogs of some of the application's stores hold: a key whose last
 * committed record is a tombstone is gone. The in-flight events of the assembly and the events waiting for
 * inventory are both stored this way, so "none left" means every event read so far has completed and gone
 * on to detection, whichever instance did the work.
 */
final class OpenState {
    private static final Duration POLL = Duration.ofMillis(100);

    private OpenState() {
    }

    /** Live keys in the changelogs of {@code stores} of application {@code appId}, as committed now. */
    static int entries(final Properties client, final String appId, final List<String> stores) {
        final Properties p = new Properties();
        p.putAll(client);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        final Map<Bytes, Boolean> live = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            final List<TopicPartition> partitions = stores.stream()
                    .flatMap(store -> consumer.partitionsFor(appId + "-" + store + "-changelog").stream())
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            final Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (!end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
                for (final ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
                    live.put(Bytes.wrap(r.key()), r.value() != null);
                }
            }
        }
        return (int) live.values().stream().filter(Boolean::booleanValue).count();
    }
}
