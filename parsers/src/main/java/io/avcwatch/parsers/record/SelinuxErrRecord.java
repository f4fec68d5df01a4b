package io.avcwatch.parsers.record;

import io.avcwatch.parsers.AuditRecord;
import io.avcwatch.parsers.selinux.SecurityContext;
import java.util.Optional;

/**
 * A SELINUX_ERR record: {@code op=security_compute_sid invalid_context=.. scontext=.. tcontext=..
 * tclass=..} or {@code op=security_bounded_transition seresult=denied oldcontext=.. newcontext=..}.
 *
 * @param record     the underlying record
 * @param op         the failing operation, or null
 * @param scontext   source (or old) context, parsed, or null
 * @param tcontext   target (or new) context, parsed, or null
 * @param tclass     target class, or null
 */
public record SelinuxErrRecord(AuditRecord record, String op, SecurityContext scontext, SecurityContext tcontext,
        String tclass) {

    /** The SELINUX_ERR view of {@code record}, or empty for other types. */
    public static Optional<SelinuxErrRecord> of(AuditRecord record) {
        if (!"SELINUX_ERR".equals(record.type())) {
            return Optional.empty();
        }
        String s = first(record.value("scontext"), record.value("oldcontext"));
        String t = first(record.value("tcontext"), record.value("newcontext"));
        return Optional.of(new SelinuxErrRecord(record, record.value("op"), context(s), context(t),
                record.value("tclass")));
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }

    private static SecurityContext context(String raw) {
        return raw == null ? null : SecurityContext.parse(raw).orElse(null);
    }

    /** The invalid context the kernel refused, as written, or null. */
    public String invalidContext() {
        return record.value("invalid_context");
    }
}
