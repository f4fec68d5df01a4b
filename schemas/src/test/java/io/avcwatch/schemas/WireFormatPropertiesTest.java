package io.avcwatch.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/** Properties of the wire format that must hold for any input, not just the examples. */
class WireFormatPropertiesTest {

    @Property(tries = 300)
    void deadLetterGivesBackAnyInputByteExactAndValidates(@ForAll @Size(max = 300) final byte[] input) {
        final DeadLetter letter = DeadLetter.of(input, "parse", "property").build();
        final String json = Json.toJson(letter);
        final DeadLetter read = JsonSerde.of(DeadLetter.class).deserializer()
                .deserialize("audit.deadletter", JsonSerde.of(DeadLetter.class).serializer()
                        .serialize("audit.deadletter", letter));

        assertThat(read.lineBytes()).containsExactly(input);
        assertThat(read.lineLength()).isEqualTo(input.length);
        assertThat(SchemaValidation.strict().errors(SchemaDocument.DEAD_LETTER, json)).isEmpty();
    }

    @Property(tries = 200)
    void anyTextSurvivesTheAvcDenialSerde(@ForAll @StringLength(max = 80) final String text,
                                          @ForAll @Size(max = 5) final List<@StringLength(min = 1, max = 12) String> perms) {
        final AvcDenial denial = SampleRecords.fullDenial().toBuilder().comm(text).path(text).perms(perms)
                .proctitle(List.of(text, text)).build();
        final JsonSerde<AvcDenial> serde = JsonSerde.of(AvcDenial.class);

        assertThat(serde.deserializer().deserialize("avc.denials", serde.serializer().serialize("avc.denials", denial)))
                .isEqualTo(denial);
    }

    @Property(tries = 200)
    void auditTimestampParsesBackToTheSameMillis(@ForAll("epochMillis") final long epochMillis) {
        final String timestamp = EventRef.auditTimestamp(epochMillis);
        assertThat(timestamp).matches("[0-9]+\\.[0-9]{3}");
        assertThat(new BigDecimal(timestamp).movePointRight(3).longValueExact()).isEqualTo(epochMillis);
    }

    @Provide
    Arbitrary<Long> epochMillis() {
        return Arbitraries.longs().between(0L, 32_503_680_000_000L);
    }
}
