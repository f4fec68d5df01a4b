package io.avcwatch.app.topology;

import io.avcwatch.app.rules.StormState;
import io.avcwatch.schemas.Alert;
import io.avcwatch.schemas.JsonSerde;
import io.avcwatch.schemas.Topics;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The {@value AvcwatchTopology#STORM_STORE} value serde: the same JSON as {@code JsonSerde.of(StormState.class)}
 * ({@code {"aggregate":ALERT,"window_start_millis":N,"emitted_count":N}}, checked byte for byte by
 * {@code StormStateSerdeTest}), written around the alert's own JSON from the {@code avc.alerts} serde. A storm
 * opens with the alert that is written to {@code avc.alerts} next, and that serde remembers the last alert it
 * wrote ({@link JsonSerde#ofImmutable}), so the alert is rendered once for both. Reading is Jackson's.
 */
final class StormStateSerde implements Serde<StormState> {
    private static final byte[] OPEN = "{\"aggregate\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] WINDOW = ",\"window_start_millis\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EMITTED = ",\"emitted_count\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);

    private final Serializer<Alert> alerts = Topics.AVC_ALERTS.valueSerde().serializer();
    private final Deserializer<StormState> reader = JsonSerde.of(StormState.class).deserializer();

    @Override
    public Serializer<StormState> serializer() {
        return this::write;
    }

    @Override
    public Deserializer<StormState> deserializer() {
        return reader;
    }

    private byte[] write(final String topic, final StormState state) {
        if (state == null) {
            return null;
        }
        final byte[] alert = state.aggregate() == null ? NULL
                : alerts.serialize(topic, state.aggregate());
        final byte[] window = Long.toString(state.windowStartMillis()).getBytes(StandardCharsets.US_ASCII);
        final byte[] emitted = Long.toString(state.emittedCount()).getBytes(StandardCharsets.US_ASCII);
        final byte[] out = new byte[OPEN.length + alert.length + WINDOW.length + window.length + EMITTED.length
                + emitted.length + 1];
        int at = 0;
        at = put(out, at, OPEN);
        at = put(out, at, alert);
        at = put(out, at, WINDOW);
        at = put(out, at, window);
        at = put(out, at, EMITTED);
        at = put(out, at, emitted);
        out[at] = '}';
        return out;
    }

    private static int put(final byte[] out, final int at, final byte[] part) {
        System.arraycopy(part, 0, out, at, part.length);
        return at + part.length;
    }
}
