package io.avcwatch.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class JsonSerdeTest {

    private static final String TOPIC = "avc.alerts";

    @Test
    void everySampleRecordRoundTripsThroughItsSerde() {
        for (final Object sample : SampleRecords.all().keySet()) {
            @SuppressWarnings("unchecked")
            final JsonSerde<Object> serde = (JsonSerde<Object>) JsonSerde.of(sample.getClass());
            final byte[] bytes = serde.serializer().serialize(TOPIC, sample);
            assertThat(serde.deserializer().deserialize(TOPIC, bytes)).as("%s", sample).isEqualTo(sample);
        }
    }

    @Test
    void anImmutableSerdeWritesTheSameBytesAsThePlainOneAndRepeatsThemForTheSameInstance() {
        final JsonSerde<Alert> plain = JsonSerde.of(Alert.class);
        final JsonSerde<Alert> memo = JsonSerde.ofImmutable(Alert.class);
        final Alert alert = SampleRecords.fullAlert();
        final byte[] first = memo.serializer().serialize(TOPIC, alert);
        assertThat(first).isEqualTo(plain.serializer().serialize(TOPIC, alert));
        assertThat(memo.serializer().serialize(TOPIC, alert)).isSameAs(first);
        // an equal but different instance is written again, a changed one gives its own bytes
        final Alert copy = alert.toBuilder().build();
        assertThat(memo.serializer().serialize(TOPIC, copy)).isNotSameAs(first).isEqualTo(first);
        final Alert grown = alert.toBuilder().count(alert.count() + 1).build();
        assertThat(memo.serializer().serialize(TOPIC, grown)).isEqualTo(plain.serializer().serialize(TOPIC, grown));
        assertThat(memo.serializer().serialize(TOPIC, null)).isNull();
        assertThat(memo.serializer().serialize(TOPIC, alert)).isEqualTo(first);
    }

    @Test
    void nullMapsToNullBothWays() {
        final JsonSerde<Alert> serde = JsonSerde.of(Alert.class);
        assertThat(serde.serializer().serialize(TOPIC, null)).isNull();
        assertThat(serde.deserializer().deserialize(TOPIC, null)).isNull();
    }

    @Test
    void unreadableBytesRaiseSerializationExceptionNamingTypeAndTopic() {
        final JsonSerde<Alert> serde = JsonSerde.of(Alert.class);
        for (final String bad : new String[] {"", "{not json", "[1,2]", "{\"rule\":\"r\"} trailing"}) {
            assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, bad.getBytes(StandardCharsets.UTF_8)))
                    .as("input %s", bad)
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("Alert")
                    .hasMessageContaining(TOPIC);
        }
    }

    @Test
    void documentBreakingARecordInvariantIsASerializationException() {
        final String zeroCount = Json.toJson(SampleRecords.fullAlert()).replace("\"count\":3", "\"count\":0");
        assertThatThrownBy(() -> JsonSerde.of(Alert.class).deserializer()
                .deserialize(TOPIC, zeroCount.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void readerIgnoresUnknownPropertiesAndDefaultsMissingCollections() {
        final String json = "{\"host\":\"h\",\"event\":{\"serial\":7,\"timestamp\":\"1.005\"},"
                + "\"record_type\":\"USER_AVC\",\"result\":\"granted\",\"added_in_v1_3\":{\"x\":1}}";
        final AvcDenial denial = Json.fromJson(json, AvcDenial.class);
        assertThat(denial.recordType()).isEqualTo(AvcRecordType.USER_AVC);
        assertThat(denial.result()).isEqualTo(AvcResult.GRANTED);
        assertThat(denial.perms()).isEmpty();
        assertThat(denial.fields()).isEmpty();
        assertThat(denial.candidates()).isEmpty();
        assertThat(denial.permissive()).isNull();
    }

    @Test
    void unknownDenialKindFromANewerProducerReadsAsOther() {
        final String json = Json.toJson(SampleRecords.fullAlert())
                .replace("\"type_enforcement\"", "\"namespace_escape\"");
        assertThat(Json.fromJson(json, Alert.class).denialKind()).isEqualTo(DenialKind.OTHER);
    }

    @Test
    void writerIsCompactExplicitAboutNullsAndSortsMapKeys() {
        final String json = Json.toJson(SampleRecords.fullDenial());
        assertThat(json).doesNotContain("\n").contains("\"target_container\":null")
                .contains("\"fields\":{\"extra\":\"x\",\"tsid\":\"1\"}")
                .contains("\"time\":\"2024-04-20T08:54:52.240Z\"");
    }
}
