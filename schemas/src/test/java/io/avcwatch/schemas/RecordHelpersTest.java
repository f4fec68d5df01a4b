package io.avcwatch.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class RecordHelpersTest {

    @Test
    void auditTimestampKeepsThreeMillisecondDigits() {
        assertThat(EventRef.auditTimestamp(1_713_603_292_240L)).isEqualTo("1713603292.240");
        assertThat(EventRef.auditTimestamp(1_713_603_292_005L)).isEqualTo("1713603292.005");
        assertThat(EventRef.auditTimestamp(1_713_603_292_050L)).isEqualTo("1713603292.050");
        assertThat(EventRef.auditTimestamp(0L)).isEqualTo("0.000");
        assertThat(EventRef.of(1_713_603_292_240L, 9).time()).isEqualTo(Instant.parse("2024-04-20T08:54:52.240Z"));
    }

    @Test
    void alertIdIsDeterministicAndDependsOnEveryPart() {
        final String id = Alert.idFor("r", "h", "1.000", 1);
        assertThat(id).hasSize(32).matches("[0-9a-f]+").isEqualTo(Alert.idFor("r", "h", "1.000", 1));
        assertThat(id).isNotEqualTo(Alert.idFor("r2", "h", "1.000", 1))
                .isNotEqualTo(Alert.idFor("r", "h2", "1.000", 1))
                .isNotEqualTo(Alert.idFor("r", "h", "1.001", 1))
                .isNotEqualTo(Alert.idFor("r", "h", "1.000", 2));
        assertThat(SampleRecords.fullAlert().alertId()).isEqualTo(SampleRecords.fullAlert().alertId());
    }

    @Test
    void alertFromDenialCarriesSubjectTargetAndProvenance() {
        final Alert alert = SampleRecords.fullAlert();
        assertThat(alert.scontext()).isEqualTo("system_u:system_r:container_t:s0:c170,c393");
        assertThat(alert.container()).isEqualTo(SampleRecords.WEB);
        assertThat(alert.source()).isEqualTo(new AlertSource(SampleRecords.HOST, "/var/log/audit/audit.log",
                1_835_009L, 402_113L, 1088));
        assertThat(alert.firstSeen()).isEqualTo(SampleRecords.EVENT.time());
        assertThat(alert.toBuilder().count(4).build().count()).isEqualTo(4);
    }

    @Test
    void deadLetterKeepsInvalidUtf8ByteExact() {
        final byte[] bad = {'t', (byte) 0xc3, (byte) 0x28, '\r', 0};
        final DeadLetter letter = DeadLetter.of(bad, "parse", "bad bytes").build();
        assertThat(letter.lineEncoding()).isEqualTo(LineEncoding.BASE64);
        final DeadLetter read = Json.fromJson(Json.toJson(letter), DeadLetter.class);
        assertThat(read.lineBytes()).containsExactly(bad);
        assertThat(read.lineLength()).isEqualTo(bad.length);
    }

    @Test
    void deadLetterKeepsValidUtf8AsText() {
        final byte[] line = "type=AVC msg=audit(1.000:1): caf\u00e9".getBytes(StandardCharsets.UTF_8);
        final DeadLetter letter = DeadLetter.of(line, "parse", "x").build();
        assertThat(letter.lineEncoding()).isEqualTo(LineEncoding.UTF_8);
        assertThat(letter.line()).endsWith("caf\u00e9");
        assertThat(letter.lineBytes()).containsExactly(line);
    }

    @Test
    void rawHeadersRoundTripThroughKafkaHeaders() {
        final RecordHeaders headers = new RecordHeaders();
        headers.add(RawRecordHeaders.SOURCE_OFFSET, "1".getBytes(StandardCharsets.UTF_8));
        SampleRecords.rawHeaders().writeTo(headers);
        assertThat(headers.headers(RawRecordHeaders.SOURCE_OFFSET)).hasSize(1);
        assertThat(RawRecordHeaders.readFrom(headers)).isEqualTo(SampleRecords.rawHeaders());
        assertThat(RawRecordHeaders.readFrom(new RecordHeaders())).isEqualTo(new RawRecordHeaders(null, null, null,
                null));
    }

    @Test
    void containerLabelTellsWhichContainerHeldTheLabelWhen() {
        final ContainerLabel label = SampleRecords.containerLabel();
        assertThat(label.key()).isEqualTo("node1.example.com|c170,c393");
        assertThat(label.holdersAt(Instant.parse("2024-04-19T11:00:00Z"))).extracting(ContainerInstance::name)
                .containsExactly("db");
        assertThat(label.holdersAt(Instant.parse("2024-04-20T09:00:00Z"))).extracting(ContainerInstance::name)
                .containsExactly("web");
        assertThat(label.holdersAt(Instant.parse("2024-04-19T13:00:00Z"))).isEmpty();
    }

    @Test
    void macEventKnowsWhatWeakensSelinux() {
        assertThat(SampleRecords.permissiveSwitch().weakens()).isTrue();
        assertThat(SampleRecords.booleanFlip().weakens()).isTrue();
    }

    @Test
    void dockersZeroTimeMeansNotFinished() {
        final ContainerInstance running = Json.fromJson("{\"id\":\"abc\",\"started_at\":\"2025-12-05T21:50:22Z\","
                + "\"finished_at\":\"0001-01-01T00:00:00Z\"}", ContainerInstance.class);
        assertThat(running.finishedAt()).isNull();
        assertThat(running.heldLabelAt(Instant.parse("2030-01-01T00:00:00Z"))).isTrue();
    }
}
