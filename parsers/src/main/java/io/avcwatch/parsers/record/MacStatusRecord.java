package io.avcwatch.parsers.record;

import io.avcwatch.parsers.AuditRecord;
import io.avcwatch.parsers.avc.Numbers;
import java.util.Optional;

/**
 * A MAC_STATUS record (setenforce): {@code enforcing=0 old_enforcing=1 auid=.. ses=..} or the
 * 5.x form {@code enforcing=0 old_enforcing=1 auid=.. ses=.. enabled=1 old-enabled=1 lsm=selinux res=1}.
 *
 * @param record       the underlying record
 * @param enforcing    the new mode (true = enforcing), or null
 * @param oldEnforcing the previous mode, or null
 */
public record MacStatusRecord(AuditRecord record, Boolean enforcing, Boolean oldEnforcing) {

    /** The MAC_STATUS view of {@code record}, or empty for other types. */
    public static Optional<MacStatusRecord> of(AuditRecord record) {
        if (!"MAC_STATUS".equals(record.type())) {
            return Optional.empty();
        }
        return Optional.of(new MacStatusRecord(record, flag(record.rawValue("enforcing")),
                flag(record.rawValue("old_enforcing"))));
    }

    static Boolean flag(String raw) {
        Long value = Numbers.parseLong(raw);
        return value == null ? null : value != 0;
    }

    /** True when SELinux went from enforcing to permissive. */
    public boolean isWeakening() {
        return Boolean.FALSE.equals(enforcing) && !Boolean.FALSE.equals(oldEnforcing);
    }
}
