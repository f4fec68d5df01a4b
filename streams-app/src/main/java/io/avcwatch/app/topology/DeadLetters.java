package io.avcwatch.app.topology;

import io.avcwatch.schemas.DeadLetter;
import io.avcwatch.schemas.RawRecordHeaders;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Turns an input the pipeline cannot use into an {@code audit.deadletter} record: the value is a
 * {@link DeadLetter} (the original bytes, base64 when they are not UTF-8, and the reason), and the headers
 * repeat reason, kind, stage and the Kafka position so a consumer can route or count them without parsing
 * the value. The {@code audit.raw} headers (source file, inode, byte offset) are kept as they came.
 */
final class DeadLetters {

    /** Header: why the input was rejected, one line. */
    static final String REASON = "avcwatch.error.reason";
    /** Header: the error kind ({@code MALFORMED_HEADER}, {@code TRUNCATED}, ...). */
    static final String KIND = "avcwatch.error.kind";
    /** Header: the pipeline step that rejected it. */
    static final String STAGE = "avcwatch.error.stage";
    /** Header: the topic the input was read from. */
    static final String TOPIC = "avcwatch.kafka.topic";
    /** Header: its partition. */
    static final String PARTITION = "avcwatch.kafka.partition";
    /** Header: its offset. */
    static final String OFFSET = "avcwatch.kafka.offset";

    /** The stage name of the parse step. */
    static final String STAGE_PARSE = "parse";

    private DeadLetters() {
    }

    /**
     * The dead letter for {@code input}, which arrived as {@code in}.
     *
     * @param metadata the input's Kafka position; absent for records a punctuation produced
     */
    static Record<String, DeadLetter> of(final Record<String, byte[]> in, final RecordMetadata metadata,
                                          final String stage, final String kind, final String reason) {
        final byte[] input = in.value() == null ? new byte[0] : in.value();
        final RawRecordHeaders raw = RawRecordHeaders.readFrom(in.headers());
        final var builder = DeadLetter.of(input, stage, reason).host(in.key()).errorKind(kind).fileSource(raw);
        final Headers headers = new RecordHeaders(in.headers().toArray());
        put(headers, REASON, reason);
        put(headers, KIND, kind);
        put(headers, STAGE, stage);
        if (metadata != null) {
            builder.kafkaSource(metadata.topic(), metadata.partition(), metadata.offset());
            put(headers, TOPIC, metadata.topic());
            put(headers, PARTITION, Integer.toString(metadata.partition()));
            put(headers, OFFSET, Long.toString(metadata.offset()));
        }
        return new Record<>(in.key(), builder.build(), in.timestamp(), headers);
    }

    private static void put(final Headers headers, final String name, final String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
