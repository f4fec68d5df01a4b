package io.avcwatch.parsers;

import java.util.List;

/**
 * All records of one audit event: same node, same serial.
 *
 * @param node    the node, or null for single-host logs
 * @param id      event time and serial
 * @param records the records in arrival order
 */
public record AuditEvent(String node, EventId id, List<AuditRecord> records) {

    /** Copies {@code records} so the event is immutable. */
    public AuditEvent {
        records = List.copyOf(records);
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
