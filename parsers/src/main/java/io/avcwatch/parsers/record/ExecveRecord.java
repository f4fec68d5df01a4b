package io.avcwatch.parsers.record;

import io.avcwatch.parsers.AuditRecord;
import io.avcwatch.parsers.FieldValues;
import io.avcwatch.parsers.Fields;
import io.avcwatch.parsers.avc.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An EXECVE record: {@code argc=3 a0="ls" a1="-l" a2=2F746D70}; values decoded.
 *
 * @param record the underlying record
 * @param argc   the argument count, or null
 * @param args   the arguments found, in order ({@code a0}, {@code a1}, ...)
 */
public record ExecveRecord(AuditRecord record, Long argc, List<String> args) {

    /** Copies the argument list. */
    public ExecveRecord {
        args = List.copyOf(args);
    }

    /** The EXECVE view of {@code record}, or empty for other types. */
    public static Optional<ExecveRecord> of(AuditRecord record) {
        if (!"EXECVE".equals(record.type())) {
            return Optional.empty();
        }
        Fields fields = record.fields();
        List<String> args = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            String name = fields.name(i);
            if (name.length() > 1 && name.charAt(0) == 'a' && Character.isDigit(name.charAt(1))
                    && name.indexOf('[') < 0 && !name.endsWith("_len")) {
                args.add(FieldValues.decodeArgument(fields.raw(i)));
            }
        }
        return Optional.of(new ExecveRecord(record, Numbers.parseLong(record.rawValue("argc")), args));
    }
}
