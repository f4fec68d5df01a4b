package io.avcwatch.app.topology;

import io.avcwatch.parsers.AuditEvent;
import io.avcwatch.parsers.json.EventJsonWriter;
import io.avcwatch.parsers.json.JsonOut;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The {@code audit.events} value of an event: the parser's event JSON ({@code audit-event.schema.json}),
 * the same document {@code avcwatch parse} prints, without the line's newline. The writer is not
 * thread-safe and the topology's mappers are shared by all stream threads, hence one per thread.
 */
final class EventJson {
    private static final ThreadLocal<EventJson> PER_THREAD = ThreadLocal.withInitial(EventJson::new);

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
    private final JsonOut out = new JsonOut(bytes);
    private final EventJsonWriter writer = new EventJsonWriter(out, EventJsonWriter.Mode.EVENTS);

    private EventJson() {
    }

    static String write(final AuditEvent event) {
        return PER_THREAD.get().toJson(event);
    }

    private String toJson(final AuditEvent event) {
        bytes.reset();
        writer.write(event);
        out.flush();
        final int length = bytes.size() - 1; // the writer ends each event with a newline
        return new String(bytes.toByteArray(), 0, length, StandardCharsets.UTF_8);
    }
}
