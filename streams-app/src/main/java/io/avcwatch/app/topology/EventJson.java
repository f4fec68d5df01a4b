package io.avcwatch.app.topology;

import io.avcwatch.parsers.AuditEvent;

/** The {@code audit.events} value of an event: the parser's event JSON, the same as {@code avcwatch parse}. */
final class EventJson {

    private EventJson() {
    }

    static String write(final AuditEvent event) {
        final StringBuilder json = new StringBuilder(256);
        json.append("{\"node\":").append(event.node() == null ? "null" : quote(event.node()))
                .append(",\"serial\":").append(event.id().serial())
                .append(",\"records\":").append(event.records().size()).append('}');
        return json.toString();
    }

    private static String quote(final String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
