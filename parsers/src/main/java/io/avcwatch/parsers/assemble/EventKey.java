package io.avcwatch.parsers.assemble;

import io.avcwatch.parsers.AuditRecord;

/**
 * What groups records into one event: the host and the serial.
 *
 * @param node   the host ({@code node=}, else the syslog hostname: see {@link AuditRecord#host()}),
 *               or null for single-host logs
 * @param serial the event serial
 */
public record EventKey(String node, long serial) {

    /** The key of {@code record}. */
    public static EventKey of(AuditRecord record) {
        return new EventKey(record.host(), record.id().serial());
    }
}
