package io.avcwatch.parsers.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.avcwatch.parsers.AuditEvent;
import io.avcwatch.parsers.AuditLineParser;
import io.avcwatch.parsers.AuditRecord;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventJsonWriterTest {

    private static String write(EventJsonWriter writer, JsonOut out, String line) {
        AuditRecord record = (AuditRecord) AuditLineParser.parse(line);
        writer.write(new AuditEvent(record.node(), record.id(), List.of(record)));
        return new String(out.takeBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void repeatedNamesAreNumberedInEveryRecord() {
        JsonOut out = new JsonOut(OutputStream.nullOutputStream());
        EventJsonWriter writer = new EventJsonWriter(out, EventJsonWriter.Mode.EVENTS);
        for (int round = 0; round < 3; round++) {
            assertThat(write(writer, out, "type=USER_AVC msg=audit(1.000:1): a=1 b=2 a=3 c=4 a=5 b=6"))
                    .contains("{\"a\":\"1\",\"b\":\"2\",\"a#2\":\"3\",\"c\":\"4\",\"a#3\":\"5\",\"b#2\":\"6\"}");
            assertThat(write(writer, out, "type=USER_AVC msg=audit(1.000:2): b=1 a=2"))
                    .contains("{\"b\":\"1\",\"a\":\"2\"}");
        }
    }

    @Test
    void aRepeatAfterTheNameTableFilledUpMidRecordIsStillNumbered() {
        StringBuilder line = new StringBuilder("type=X msg=audit(1.000:1):");
        for (int i = 0; i < 1500; i++) {
            line.append(" n").append(i).append("=v");
        }
        line.append(" n5=again n1400=again");
        JsonOut out = new JsonOut(OutputStream.nullOutputStream());
        EventJsonWriter writer = new EventJsonWriter(out, EventJsonWriter.Mode.EVENTS);
        String json = write(writer, out, line.toString());
        assertThat(json).contains("\"n5\":\"v\"", "\"n5#2\":\"again\"", "\"n1400#2\":\"again\"")
                .doesNotContain("\"n5\":\"again\"");
    }
}
