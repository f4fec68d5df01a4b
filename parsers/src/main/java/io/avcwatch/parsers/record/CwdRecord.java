package io.avcwatch.parsers.record;

import io.avcwatch.parsers.AuditRecord;
import java.util.Optional;

/**
 * A CWD record: the working directory of the process.
 *
 * @param record the underlying record
 * @param cwd    the directory (decoded), or null
 */
public record CwdRecord(AuditRecord record, String cwd) {

    /** The CWD view of {@code record}, or empty for other types. */
    public static Optional<CwdRecord> of(AuditRecord record) {
        return "CWD".equals(record.type()) ? Optional.of(new CwdRecord(record, record.value("cwd"))) : Optional.empty();
    }
}
