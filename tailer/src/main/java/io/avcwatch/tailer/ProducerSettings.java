package io.avcwatch.tailer;

import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Producer settings shared by every shipper. User-supplied client properties win, except the
 * serializers, which the record format fixes.
 */
final class ProducerSettings {
    private ProducerSettings() {
    }

    static Properties base(final Properties clientProps) {
        final Properties p = new Properties();
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
        // Audit lines compress about 4x with lz4 and it costs less CPU than the bytes it saves.
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // The bound on memory while Kafka is slow or away: send() blocks once this much is queued.
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, Integer.toString(16 * 1024 * 1024));
        // Surface an unreachable broker in the log within seconds instead of one minute.
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        p.putAll(clientProps);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return p;
    }
}
