package io.avcwatch.parsers.record;

import io.avcwatch.parsers.AuditRecord;
import io.avcwatch.parsers.avc.Numbers;
import java.util.Optional;

/**
 * A PATH record: one file a syscall touched.
 *
 * @param record    the underlying record
 * @param item      the item number, or null
 * @param name      the path (decoded), or null
 * @param nametype  {@code NORMAL}, {@code PARENT}, {@code CREATE}, ..., or null
 * @param objContext the file's context as written ({@code obj=}), or null
 */
public record PathRecord(AuditRecord record, Long item, String name, String nametype, String objContext) {

    /** The PATH view of {@code record}, or empty for other types. */
    public static Optional<PathRecord> of(AuditRecord record) {
        if (!"PATH".equals(record.type())) {
            return Optional.empty();
        }
        return Optional.of(new PathRecord(record, Numbers.parseLong(record.rawValue("item")), record.value("name"),
                record.value("nametype"), record.value("obj")));
    }
}
