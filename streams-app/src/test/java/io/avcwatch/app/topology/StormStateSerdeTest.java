package io.avcwatch.app.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.avcwatch.app.output.SampleAlerts;
import io.avcwatch.app.rules.StormState;
import io.avcwatch.schemas.Alert;
import io.avcwatch.schemas.JsonSerde;
import io.avcwatch.schemas.Topics;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StormStateSerdeTest {
    private static final String TOPIC = "avcwatch-detect-storms-changelog";

    @Test
    void writesWhatJacksonWritesAndReadsItBack() {
        final JsonSerde<StormState> jackson = JsonSerde.of(StormState.class);
        final StormStateSerde serde = new StormStateSerde();
        final List<Alert> alerts = new java.util.ArrayList<>(SampleAlerts.all());
        alerts.add(SampleAlerts.hostile());
        alerts.add(SampleAlerts.secretRead().toBuilder().count(17).lastSeen(Instant.parse("2026-12-03T05:00:00.123Z")).build());
        for (final Alert alert : alerts) {
            for (final StormState state : List.of(new StormState(alert, 0L, 1L),
                    new StormState(alert, 1_764_971_449_577L, 3L), new StormState(alert, -5L, Long.MAX_VALUE))) {
                // the avc.alerts serde may already hold this alert's bytes (the storm opened with it) or not
                final byte[] cold = serde.serializer().serialize(TOPIC, state);
                Topics.AVC_ALERTS.valueSerde().serializer().serialize("avc.alerts", alert);
                final byte[] warm = serde.serializer().serialize(TOPIC, state);
                final byte[] expected = jackson.serializer().serialize(TOPIC, state);
                assertThat(new String(cold, java.nio.charset.StandardCharsets.UTF_8))
                        .isEqualTo(new String(expected, java.nio.charset.StandardCharsets.UTF_8));
                assertThat(warm).isEqualTo(expected);
                assertThat(serde.deserializer().deserialize(TOPIC, cold)).isEqualTo(state);
            }
        }
        assertThat(serde.serializer().serialize(TOPIC, null)).isNull();
    }
}
