package io.avcwatch.schemas;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.util.Objects;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka {@link Serde} that writes and reads a record as UTF-8 JSON with the {@link Json} conventions.
 *
 * <p>{@code null} maps to {@code null} both ways (tombstones on compacted topics). A document that
 * cannot be read or written raises {@link SerializationException}, so Kafka Streams' deserialization
 * and production exception handlers see it and can dead-letter the record.
 *
 * <p>Instances are stateless and thread-safe; one per type can be shared by every thread.
 *
 * @param <T> the record type
 */
public final class JsonSerde<T> implements Serde<T> {

    private final Class<T> type;
    private final Serializer<T> serializer;
    private final Deserializer<T> deserializer;

    private JsonSerde(final Class<T> type, final boolean memo) {
        this.type = Objects.requireNonNull(type, "type");
        final ObjectWriter writer = Json.writer().forType(type);
        final ObjectReader reader = Json.reader(type);
        if (memo) {
            final ThreadLocal<Written> last = ThreadLocal.withInitial(Written::new);
            this.serializer = (topic, value) -> {
                final Written written = last.get();
                if (value == null || value != written.value) {
                    written.bytes = write(writer, topic, value);
                    written.value = value;
                }
                return written.bytes;
            };
        } else {
            this.serializer = (topic, value) -> write(writer, topic, value);
        }
        this.deserializer = (topic, bytes) -> read(reader, topic, bytes);
    }

    /** A serde for {@code type}. */
    public static <T> JsonSerde<T> of(final Class<T> type) {
        return new JsonSerde<>(type, false);
    }

    /**
     * A serde for a deeply immutable {@code type} (a record whose parts are records, strings, numbers and
     * copied lists and maps) that one step writes more than once: it remembers, per thread, the last value it
     * wrote and returns the same bytes when handed the very same instance again (an alert written to
     * {@code avc.alerts} and then kept in the API's store; a denial written to {@code avc.denials} and to the
     * per-container repartition). The bytes are shared, so whoever receives them must not change them, as Kafka's
     * producer and stores do not.
     */
    public static <T> JsonSerde<T> ofImmutable(final Class<T> type) {
        return new JsonSerde<>(type, true);
    }

    /** The last value one thread wrote, and its bytes. */
    private static final class Written {
        private Object value;
        private byte[] bytes;
    }

    /** The record type this serde writes and reads. */
    public Class<T> type() {
        return type;
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }

    private byte[] write(final ObjectWriter writer, final String topic, final T value) {
        if (value == null) {
            return null;
        }
        try {
            return writer.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new SerializationException("cannot write " + type.getSimpleName() + " for topic " + topic, e);
        }
    }

    private T read(final ObjectReader reader, final String topic, final byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return reader.readValue(bytes);
        } catch (IOException e) {
            throw new SerializationException("cannot read " + type.getSimpleName() + " from topic " + topic
                    + " (" + bytes.length + " bytes)", e);
        }
    }

    @Override
    public String toString() {
        return "JsonSerde[" + type.getSimpleName() + "]";
    }
}
