package io.avcwatch.app.topology;

import io.avcwatch.parsers.AuditEvent;
import io.avcwatch.parsers.json.EventJsonWriter;
import io.avcwatch.parsers.json.JsonOut;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * The {@code audit.events} value of an event: the parser's event JSON ({@code audit-event.schema.json}),
 * the same document {@code avcwatch parse} prints, without the line's newline, as the UTF-8 bytes the topic
 * holds (the writer renders bytes; going through a String and back cost two more copies and an encoding per
 * event). The writer is not thread-safe and the topology's mappers are shared by all stream threads, hence
 * one per thread.
 */
final class EventJson {
    private static final ThreadLocal<EventJson> PER_THREAD = ThreadLocal.withInitial(EventJson::new);

    private final Capture capture = new Capture();
    private final JsonOut out = new JsonOut(capture);
    private final EventJsonWriter writer = new EventJsonWriter(out, EventJsonWriter.Mode.EVENTS);

    private EventJson() {
    }

    /** The event's JSON document, UTF-8, without a trailing newline. */
    static byte[] write(final AuditEvent event) {
        return PER_THREAD.get().toJson(event);
    }

    private byte[] toJson(final AuditEvent event) {
        capture.document = null;
        writer.write(event);
        out.flush();
        return capture.document;
    }

    /** Receives the one document a flush hands over and keeps a copy without the writer's final newline. */
    private static final class Capture extends OutputStream {
        private byte[] document;

        @Override
        public void write(final byte[] bytes, final int offset, final int length) {
            final int end = length > 0 && bytes[offset + length - 1] == '\n' ? offset + length - 1 : offset + length;
            document = Arrays.copyOfRange(bytes, offset, end);
        }

        @Override
        public void write(final int b) {
            throw new UnsupportedOperationException("documents arrive whole");
        }
    }
}
