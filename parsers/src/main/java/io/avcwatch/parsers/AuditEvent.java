package io.avcwatch.parsers;

import java.util.List;

/**
 * All records of one audit event: same host ({@link AuditRecord#host()}), same serial.
 *
 * @param node    the {@code node=} of the first record, or null (see {@link #host()})
 * @param id      event time and serial
 * @param records the records in arrival order
 */
public record AuditEvent(String node, EventId id, List<AuditRecord> records) {

    /** Copies {@code records} so the event is immutable. */
    public AuditEvent {
        records = List.copyOf(records);
    }

    /** The host that wrote the event: {@code node=}, else the syslog hostname, else null. */
    public String host() {
        return records.isEmpty() ? node : records.get(0).host();
    }

    /** The first record of {@code type}, or null. */
    public AuditRecord first(String type) {
        for (AuditRecord record : records) {
            if (record.type().equals(type)) {
                return record;
            }
        }
        return null;
    }
}
