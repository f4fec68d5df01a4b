package io.avcwatch.parsers.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.avcwatch.parsers.AuditEvent;
import io.avcwatch.parsers.AuditLineParser;
import io.avcwatch.parsers.AuditRecord;
import io.avcwatch.parsers.json.EventJsonWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventPrinterTest {

    private static AuditEvent event(long serial) {
        AuditRecord record = (AuditRecord) AuditLineParser.parse(
                "type=SYSCALL msg=audit(1700000000.000:" + serial + "): arch=c000003e syscall=2 comm=\"a\"");
        return new AuditEvent(null, record.id(), List.of(record));
    }

    @Test
    void eventsComeOutInTheirOrderAcrossFormatterThreads() {
        StringWriter out = new StringWriter();
        try (EventPrinter printer = new EventPrinter(out, EventJsonWriter.Mode.RAW_FIELDS, 3)) {
            for (long serial = 1; serial <= 5000; serial++) {
                printer.accept(event(serial));
            }
        }
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(5000);
        for (int i = 0; i < lines.size(); i++) {
            assertThat(lines.get(i)).startsWith("{\"node\":null,\"serial\":" + (i + 1) + ",");
        }
    }

    @Test
    void bytesAndTextCarryTheSameUtf8Lines() {
        // Two-, three- and four-byte UTF-8, a lone surrogate, a backslash and a control character.
        String comm = "e" + (char) 0xe9 + (char) 0x4e2d + "\ud83d\ude00" + (char) 0xd800 + "\\" + (char) 1;
        AuditRecord hostile = (AuditRecord) AuditLineParser.parse("type=USER_AVC msg=audit(1700000000.000:7): "
                + "msg='avc:  denied  { x } comm=\"" + comm + "\" name=C3A9FF00'");
        List<AuditEvent> events = List.of(new AuditEvent(null, hostile.id(), List.of(hostile)), event(8));
        StringWriter text = new StringWriter();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (EventPrinter printer = new EventPrinter(text, EventJsonWriter.Mode.EVENTS, 2)) {
            events.forEach(printer);
        }
        try (EventPrinter printer = new EventPrinter(bytes, EventJsonWriter.Mode.EVENTS, 2)) {
            events.forEach(printer);
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(text.toString());
        assertThat(text.toString().lines()).hasSize(2);
        assertThat(text.toString()).contains("\"comm\":\"e" + (char) 0xe9 + (char) 0x4e2d + "\ud83d\ude00"
                + (char) 0xfffd + "\\\\\\u0001\"");
    }

    @Test
    void aFailingOutputIsReportedOnClose() {
        Writer broken = new Writer() {
            @Override
            public void write(char[] buffer, int offset, int length) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        EventPrinter printer = new EventPrinter(broken, EventJsonWriter.Mode.EVENTS, 1);
        assertThatThrownBy(() -> {
            for (long serial = 1; serial <= 2000; serial++) {
                printer.accept(event(serial));
            }
            printer.close();
        }).hasRootCauseMessage("disk full");
    }
}
