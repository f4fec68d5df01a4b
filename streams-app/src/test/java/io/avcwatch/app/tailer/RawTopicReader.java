package io.avcwatch.app.tailer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads back a raw topic with {@code read_committed} and compares it with what was written. */
final class RawTopicReader {
    private RawTopicReader() {
    }

    /**
     * Reads committed records until at least {@code expected} arrived and the topic is read to its
     * end, or the deadline passes; returns the values per key in partition order.
     */
    static Map<String, List<byte[]>> readAll(final String bootstrap, final String topic, final int expected,
            final Duration timeout) {
        final Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        final Map<String, List<byte[]>> byKey = new LinkedHashMap<>();
        int total = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
            final List<TopicPartition> parts = consumer.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).collect(Collectors.toList());
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            final Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    byKey.computeIfAbsent(new String(r.key(), StandardCharsets.UTF_8), k -> new ArrayList<>()).add(r.value());
                    total++;
                }
                if (total >= expected && atEnd(consumer, parts)) {
                    break;
                }
            }
        }
        return byKey;
    }

    /** Watches how far a topic's committed data reaches, with one consumer for many checks. */
    static final class CommittedOffsets implements AutoCloseable {
        private final KafkaConsumer<byte[], byte[]> consumer;
        private final List<TopicPartition> parts;

        CommittedOffsets(final String bootstrap, final String topic) {
            final Properties p = new Properties();
            p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
            p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
            consumer = new KafkaConsumer<>(p);
            parts = consumer.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).collect(Collectors.toList());
        }

        /** Sum of the last stable offsets: committed records plus transaction markers. */
        long sum() {
            return consumer.endOffsets(parts).values().stream().mapToLong(Long::longValue).sum();
        }

        @Override
        public void close() {
            consumer.close();
        }
    }

    private static boolean atEnd(final KafkaConsumer<byte[], byte[]> consumer, final List<TopicPartition> parts) {
        final Map<TopicPartition, Long> end = consumer.endOffsets(parts);
        return parts.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp));
    }

    /** Same keys, same lines byte for byte, same order per key: no loss, no duplicate. */
    static void assertExactly(final Map<String, List<byte[]>> actual, final Map<String, List<byte[]>> expected) {
        assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        long expectedBytes = 0;
        long actualBytes = 0;
        for (Map.Entry<String, List<byte[]>> e : expected.entrySet()) {
            final List<byte[]> want = e.getValue();
            final List<byte[]> got = actual.get(e.getKey());
            final int firstDifference = firstDifference(got, want);
            assertThat(firstDifference).as("first differing line of %s (read %d lines, wrote %d): read %s, wrote %s",
                    e.getKey(), got.size(), want.size(), latin1(got, firstDifference), latin1(want, firstDifference))
                    .isEqualTo(-1);
            for (int i = 0; i < got.size(); i++) {
                expectedBytes += want.get(i).length;
                actualBytes += got.get(i).length;
            }
        }
        assertThat(actualBytes).isEqualTo(expectedBytes);
    }

    private static int firstDifference(final List<byte[]> got, final List<byte[]> want) {
        for (int i = 0; i < Math.min(got.size(), want.size()); i++) {
            if (!Arrays.equals(got.get(i), want.get(i))) {
                return i;
            }
        }
        return got.size() == want.size() ? -1 : Math.min(got.size(), want.size());
    }

    private static String latin1(final List<byte[]> lines, final int index) {
        return index >= 0 && index < lines.size() ? new String(lines.get(index), StandardCharsets.ISO_8859_1) : "<none>";
    }
}
