package io.avcwatch.app.topology;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The end-of-input control record of a finite run ({@code analyze}, {@code replay --case}): a record with a
 * {@value #HEADER} header and no key or value, written once to every partition of a topic after the last
 * real record. Live pipelines never see one.
 *
 * <p>On {@code audit.raw} it is what lets a finite run finish without waiting for wall-clock timeouts: the
 * assembly step completes every event still in flight on its partition, the correlation step releases every
 * event still waiting for inventory, and the detection step emits every open storm aggregate and forgets it,
 * in that order and in the same task. The marker goes no further (it is never forwarded to a topic), so the
 * output topics hold only real records.
 */
public final class EndOfInput {

    /** The header that marks a control record; its value is {@link #END}. */
    public static final String HEADER = "avcwatch.control";
    /** The header value of an end-of-input marker. */
    public static final String END = "end-of-input";

    private static final byte[] END_BYTES = END.getBytes(StandardCharsets.UTF_8);

    private EndOfInput() {
    }

    /** True when {@code headers} carry the end-of-input marker. */
    public static boolean isMarker(final Headers headers) {
        if (headers == null) {
            return false;
        }
        final Header header = headers.lastHeader(HEADER);
        return header != null && Arrays.equals(header.value(), END_BYTES);
    }

    /**
     * The marker for one partition of {@code topic}, stamped {@code timestampMs}. Its key and value are null,
     * so it fits every key and value serializer.
     */
    public static <K, V> ProducerRecord<K, V> marker(final String topic, final int partition, final long timestampMs) {
        final Headers headers = new RecordHeaders();
        headers.add(HEADER, END_BYTES.clone());
        return new ProducerRecord<>(topic, partition, timestampMs, null, null, headers);
    }
}
