package io.avcwatch.app.inventory;

import io.avcwatch.schemas.ContainerLabel;
import io.avcwatch.schemas.Topics;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes {@link LabelVersion}s to {@code avc.containers}: key {@code host|categories}, value the
 * {@link ContainerLabel} JSON, record timestamp the change's time (not the send time), so a versioned
 * table built on the topic answers as of the moment a denial happened. Records are partitioned by host
 * ({@link HostPartitioner}), like the host's audit lines.
 */
public final class LabelPublisher implements Consumer<LabelVersion>, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LabelPublisher.class);

    private final Producer<String, ContainerLabel> producer;
    private final String topic;
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();
    private long sent;

    LabelPublisher(final Producer<String, ContainerLabel> producer, final String topic) {
        this.producer = producer;
        this.topic = topic;
    }

    /**
     * A publisher with an idempotent producer (acks=all) over {@code clientProps}, writing below
     * {@code topicPrefix}.
     */
    public static LabelPublisher create(final Properties clientProps, final String topicPrefix) {
        final Properties props = new Properties();
        props.putAll(clientProps);
        props.putIfAbsent(ProducerConfig.ACKS_CONFIG, "all");
        props.putIfAbsent(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "avcwatch-inventory");
        // the topology looks labels up in the task of the host's audit.raw partition: never overridable
        props.put(ProducerConfig.PARTITIONER_CLASS_CONFIG, HostPartitioner.class.getName());
        final KafkaProducer<String, ContainerLabel> producer = new KafkaProducer<>(props,
                Topics.AVC_CONTAINERS.keySerde().serializer(), Topics.AVC_CONTAINERS.valueSerde().serializer());
        return new LabelPublisher(producer, Topics.AVC_CONTAINERS.name(topicPrefix));
    }

    /** Sends one record; a delivery failure surfaces in {@link #flush()}. */
    @Override
    public void accept(final LabelVersion version) {
        producer.send(new ProducerRecord<>(topic, null, version.timestampMillis(), version.key(), version.label()),
                (metadata, error) -> {
                    if (error != null && firstFailure.compareAndSet(null, error)) {
                        LOG.error("cannot publish {} to {}: {}", version.key(), topic, error.toString());
                    }
                });
        sent++;
    }

    /** Waits until every record sent so far is acknowledged. */
    public void flush() {
        producer.flush();
        final Exception failure = firstFailure.get();
        if (failure != null) {
            throw new KafkaException("publishing to " + topic + " failed: " + failure.getMessage(), failure);
        }
    }

    /** Records handed to the producer so far. */
    public long sent() {
        return sent;
    }

    /** The full topic name records go to. */
    public String topic() {
        return topic;
    }

    /** Flushes, then closes the producer. */
    @Override
    public void close() {
        try {
            flush();
        } finally {
            producer.close();
        }
    }
}
