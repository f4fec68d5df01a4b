package io.avcwatch.parsers.avc;

import io.avcwatch.parsers.AuditRecord;
import io.avcwatch.parsers.Field;
import io.avcwatch.parsers.selinux.SecurityContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An AVC or USER_AVC decision: {@code avc:  denied  { read write } for pid=.. comm=..
 * scontext=.. tcontext=.. tclass=.. permissive=0}.
 *
 * @param record      the underlying record
 * @param verdict     {@code denied}, {@code granted}, or another word (e.g. {@code received} of a
 *                    policy-load notice); null when the record has no verdict
 * @param perms       the permission set in written order (any length; empty when absent)
 * @param scontext    the parsed source context, or null when absent or malformed
 * @param tcontext    the parsed target context, or null when absent or malformed
 * @param rawScontext the source context as written, or null
 * @param rawTcontext the target context as written, or null
 * @param tclass      the target class, or null
 * @param permissive  {@code permissive=1} true, {@code 0} false, null when absent (pre-4.x kernels)
 */
public record AvcRecord(AuditRecord record, String verdict, List<String> perms, SecurityContext scontext,
        SecurityContext tcontext, String rawScontext, String rawTcontext, String tclass, Boolean permissive) {
    private static final Set<String> HEADLINE = Set.of("seresult", "seperms", "scontext", "tcontext", "tclass",
            "permissive");

    /** Copies the permission list. */
    public AvcRecord {
        perms = List.copyOf(perms);
    }

    /** The AVC view of {@code record}, or empty when it is not an AVC or USER_AVC record. */
    public static Optional<AvcRecord> of(AuditRecord record) {
        if (!record.isAvc()) {
            return Optional.empty();
        }
        String verdict = record.rawValue("seresult");
        String seperms = record.rawValue("seperms");
        List<String> perms = seperms == null ? List.of() : List.of(seperms.split(","));
        String rawS = record.value("scontext");
        String rawT = record.value("tcontext");
        String permissive = record.rawValue("permissive");
        Boolean flag = permissive == null ? null : !"0".equals(permissive);
        return Optional.of(new AvcRecord(record, verdict, perms,
                rawS == null ? null : SecurityContext.parse(rawS).orElse(null),
                rawT == null ? null : SecurityContext.parse(rawT).orElse(null),
                rawS, rawT, record.value("tclass"), flag));
    }

    /** True for {@code denied}. */
    public boolean isDenied() {
        return "denied".equals(verdict);
    }

    /** The process id, or null. */
    public Long pid() {
        return Numbers.parseLong(record.rawValue("pid"));
    }

    /** The command name (decoded), or null. */
    public String comm() {
        return record.value("comm");
    }

    /** The executable (decoded), or null. */
    public String exe() {
        return record.value("exe");
    }

    /** The object path (decoded), or null. */
    public String path() {
        return record.value("path");
    }

    /** The object name (decoded), or null. */
    public String name() {
        return record.value("name");
    }

    /** The decoded value of any field, e.g. {@code dev}, {@code ino}, {@code capability}. */
    public String field(String name) {
        return record.value(name);
    }

    /** All fields other than verdict, perms, contexts, class and permissive, in order. */
    public List<Field> otherFields() {
        List<Field> others = new ArrayList<>();
        for (Field field : record.fields().asList()) {
            if (!HEADLINE.contains(field.name())) {
                others.add(field);
            }
        }
        return List.copyOf(others);
    }
}
