package io.avcwatch.app.analyze;

import io.avcwatch.app.topology.EndOfInput;
import io.avcwatch.schemas.Topic;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a whole topic as it stands, committed records only ({@code read_committed}, up to the last stable
 * offset of every partition), without a consumer group. End-of-input markers and tombstones are skipped.
 */
public final class CommittedReader {
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration STALL_LIMIT = Duration.ofMinutes(2);

    private CommittedReader() {
    }

    /** Every committed value of {@code topic} below {@code prefix}, partition by partition in offset order. */
    public static <V> List<V> readAll(final Properties clientProps, final Topic<String, V> topic, final String prefix) {
        final List<V> values = new ArrayList<>();
        forEach(clientProps, topic, prefix, values::add);
        return List.copyOf(values);
    }

    /** How many committed values {@code topic} below {@code prefix} holds, without decoding them. */
    public static long count(final Properties clientProps, final Topic<String, ?> topic, final String prefix) {
        final long[] count = {0};
        scan(clientProps, topic.name(prefix), r -> count[0]++);
        return count[0];
    }

    /**
     * Hands every committed value of {@code topic} below {@code prefix} to {@code action}, partition by
     * partition in offset order, one at a time: the caller decides what to keep.
     */
    public static <V> void forEach(final Properties clientProps, final Topic<String, V> topic, final String prefix,
            final Consumer<V> action) {
        final String name = topic.name(prefix);
        scan(clientProps, name, r -> action.accept(topic.valueSerde().deserializer().deserialize(name, r.headers(),
                r.value())));
    }

    private static void scan(final Properties clientProps, final String name,
            final Consumer<ConsumerRecord<byte[], byte[]>> action) {
        final Properties p = new Properties();
        p.putAll(clientProps);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            final List<PartitionInfo> infos = consumer.partitionsFor(name);
            if (infos == null || infos.isEmpty()) {
                throw new KafkaException("topic " + name + " does not exist");
            }
            final List<TopicPartition> partitions = infos.stream()
                    .map(i -> new TopicPartition(name, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // with read_committed these are the last stable offsets: nothing after them is readable yet
            final Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Instant lastProgress = Instant.now();
            while (!reached(consumer, end)) {
                final var records = consumer.poll(POLL);
                if (!records.isEmpty()) {
                    lastProgress = Instant.now();
                } else if (Instant.now().isAfter(lastProgress.plus(STALL_LIMIT))) {
                    throw new KafkaException("no records from " + name + " for " + STALL_LIMIT.toSeconds() + " s");
                }
                for (final ConsumerRecord<byte[], byte[]> r : records) {
                    if (r.value() != null && !EndOfInput.isMarker(r.headers())) {
                        action.accept(r);
                    }
                }
            }
        }
    }

    private static boolean reached(final KafkaConsumer<?, ?> consumer, final Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }
}
