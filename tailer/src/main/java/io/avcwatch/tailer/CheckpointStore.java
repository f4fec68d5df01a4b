package io.avcwatch.tailer;

import io.avcwatch.schemas.TailerCheckpoint;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * File positions kept in a compacted topic, keyed by {@code TailerCheckpoint.key(host, path)}. Positions are written by
 * the tailer's transactional producer together with the lines they cover, and read back with
 * {@code read_committed}: a position is visible exactly when its lines are.
 */
public final class CheckpointStore {
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    private final String topic;
    private final Properties clientProps;
    private final CheckpointCodec codec;

    /**
     * @param topic the checkpoint topic's full name
     * @param clientProps client properties (bootstrap, security)
     */
    public CheckpointStore(final String topic, final Properties clientProps) {
        this.topic = topic;
        this.clientProps = clientProps;
        this.codec = new CheckpointCodec(topic);
    }

    /** The record that moves {@code path} of {@code host} to {@code position}; send it inside the transaction. */
    public ProducerRecord<byte[], byte[]> record(final String host, final String path, final FilePosition position) {
        return new ProducerRecord<>(topic, key(host, path), codec.encode(host, path, position));
    }

    /**
     * Reads the last committed position of {@code path} of {@code host}, or null if there is none. Call it after
     * {@code initTransactions()}: that resolves a dead predecessor's open transaction first.
     *
     * @throws TimeoutException when the topic cannot be read to its end in time
     */
    public FilePosition read(final String host, final String path) {
        final Properties p = new Properties();
        p.putAll(clientProps);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        final byte[] key = key(host, path);
        byte[] last = null;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
            final List<TopicPartition> parts = consumer.partitionsFor(topic, READ_TIMEOUT).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).collect(Collectors.toList());
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            // Under read_committed the end offset is the last stable offset: no open transaction hides past it.
            final Map<TopicPartition, Long> end = consumer.endOffsets(parts, READ_TIMEOUT);
            final Instant deadline = Instant.now().plus(READ_TIMEOUT);
            while (!caughtUp(consumer, end)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new TimeoutException("checkpoint topic " + topic + " not read to its end in " + READ_TIMEOUT);
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (Arrays.equals(key, r.key())) {
                        last = r.value();
                    }
                }
            }
        }
        return codec.decode(last);
    }

    private static byte[] key(final String host, final String path) {
        return TailerCheckpoint.key(host, path).getBytes(StandardCharsets.UTF_8);
    }

    private static boolean caughtUp(final KafkaConsumer<?, ?> consumer, final Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey(), READ_TIMEOUT) < e.getValue()) {
                return false;
            }
        }
        return true;
    }
}
