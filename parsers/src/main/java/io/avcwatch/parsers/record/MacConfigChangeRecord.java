package io.avcwatch.parsers.record;

import io.avcwatch.parsers.AuditRecord;
import java.util.Optional;

/**
 * A MAC_CONFIG_CHANGE record (setsebool): {@code bool=container_manage_cgroup val=1 old_val=0}.
 *
 * @param record   the underlying record
 * @param bool     the boolean's name, or null
 * @param value    the new value, or null
 * @param oldValue the previous value, or null
 */
public record MacConfigChangeRecord(AuditRecord record, String bool, Boolean value, Boolean oldValue) {

    /** The MAC_CONFIG_CHANGE view of {@code record}, or empty for other types. */
    public static Optional<MacConfigChangeRecord> of(AuditRecord record) {
        if (!"MAC_CONFIG_CHANGE".equals(record.type())) {
            return Optional.empty();
        }
        return Optional.of(new MacConfigChangeRecord(record, record.value("bool"),
                MacStatusRecord.flag(record.rawValue("val")), MacStatusRecord.flag(record.rawValue("old_val"))));
    }
}
