package io.avcwatch.parsers.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.avcwatch.parsers.AuditEvent;
import io.avcwatch.parsers.AuditLineParser;
import io.avcwatch.parsers.AuditRecord;
import io.avcwatch.parsers.json.EventJsonWriter;
import java.io.IOException;
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
