package io.avcwatch.parsers.record;

import io.avcwatch.parsers.AuditRecord;
import java.util.Optional;

/**
 * A MAC_POLICY_LOAD record: {@code auid=.. ses=.. lsm=selinux res=1}.
 *
 * @param record  the underlying record
 * @param auid    the login uid as written, or null
 * @param success {@code res=1} true, {@code 0} false, null when absent
 */
public record MacPolicyLoadRecord(AuditRecord record, String auid, Boolean success) {

    /** The MAC_POLICY_LOAD view of {@code record}, or empty for other types. */
    public static Optional<MacPolicyLoadRecord> of(AuditRecord record) {
        if (!"MAC_POLICY_LOAD".equals(record.type())) {
            return Optional.empty();
        }
        return Optional.of(new MacPolicyLoadRecord(record, record.rawValue("auid"),
                MacStatusRecord.flag(record.rawValue("res"))));
    }
}
