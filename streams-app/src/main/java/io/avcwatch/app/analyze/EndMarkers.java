package io.avcwatch.app.analyze;

import io.avcwatch.app.topology.EndOfInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Writes an {@link EndOfInput} marker to every partition of a topic and waits until Kafka has them all. */
public final class EndMarkers {

    private EndMarkers() {
    }

    /**
     * One marker per partition of {@code topic}, after everything this process wrote to it before (the
     * caller flushed its producers).
     *
     * @return how many partitions were marked
     */
    public static int write(final Properties clientProps, final String topic) {
        final Properties p = new Properties();
        p.putAll(clientProps);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        try (KafkaProducer<byte[], byte[]> producer =
                     new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            final List<PartitionInfo> partitions = producer.partitionsFor(topic);
            final List<Future<RecordMetadata>> sent = new ArrayList<>();
            final long now = System.currentTimeMillis();
            for (final PartitionInfo partition : partitions) {
                sent.add(producer.send(EndOfInput.marker(topic, partition.partition(), now)));
            }
            producer.flush();
            for (final Future<RecordMetadata> f : sent) {
                f.get();
            }
            return partitions.size();
        } catch (ExecutionException e) {
            throw new KafkaException("cannot mark the end of input on " + topic + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while marking the end of input on " + topic, e);
        }
    }
}
