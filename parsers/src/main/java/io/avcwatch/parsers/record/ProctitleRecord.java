package io.avcwatch.parsers.record;

import io.avcwatch.parsers.AuditRecord;
import io.avcwatch.parsers.FieldValues;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A PROCTITLE record: the process command line, hex-encoded by the kernel with NUL between
 * arguments (plain quoted when it has a single argument without special characters).
 *
 * @param record the underlying record
 * @param argv   the arguments
 */
public record ProctitleRecord(AuditRecord record, List<String> argv) {

    /** Copies the argument list. */
    public ProctitleRecord {
        argv = List.copyOf(argv);
    }

    /** The PROCTITLE view of {@code record}, or empty for other types. */
    public static Optional<ProctitleRecord> of(AuditRecord record) {
        if (!"PROCTITLE".equals(record.type())) {
            return Optional.empty();
        }
        return Optional.of(new ProctitleRecord(record, argv(record.rawValue("proctitle"))));
    }

    /** Splits a raw proctitle value into arguments. */
    public static List<String> argv(String raw) {
        if (raw == null) {
            return List.of();
        }
        if (!FieldValues.isHex(raw)) {
            return List.of(FieldValues.decode("proctitle", raw));
        }
        byte[] bytes = FieldValues.hexBytes(raw);
        List<String> args = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == 0) {
                if (i > start || i < bytes.length) {
                    args.add(new String(bytes, start, i - start, StandardCharsets.UTF_8));
                }
                start = i + 1;
            }
        }
        return args;
    }

    /** The command line joined with spaces. */
    public String commandLine() {
        return String.join(" ", argv);
    }
}
