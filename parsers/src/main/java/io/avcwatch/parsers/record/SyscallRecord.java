package io.avcwatch.parsers.record;

import io.avcwatch.parsers.AuditRecord;
import io.avcwatch.parsers.avc.Numbers;
import java.util.Optional;

/**
 * A SYSCALL record: which system call a process made and how it ended.
 *
 * @param record  the underlying record
 * @param arch    the {@code arch=} hex value, e.g. {@code c000003e}
 * @param number  the syscall number, or null
 * @param name    the syscall name for x86_64/aarch64 (or an already-named value), or null
 * @param success {@code success=yes} true, {@code no} false, null when absent
 * @param exit    the exit value, or null
 * @param errno   the errno name of a negative exit ({@code EACCES}), or null
 */
public record SyscallRecord(AuditRecord record, String arch, Long number, String name, Boolean success, Long exit,
        String errno) {

    /** The SYSCALL view of {@code record}, or empty for other types. */
    public static Optional<SyscallRecord> of(AuditRecord record) {
        if (!"SYSCALL".equals(record.type())) {
            return Optional.empty();
        }
        String arch = record.rawValue("arch");
        String syscall = record.rawValue("syscall");
        Long number = Numbers.parseLong(syscall);
        String name = number == null ? syscall : Syscalls.name(arch, number.intValue());
        String success = record.rawValue("success");
        Long exit = Numbers.parseLong(record.rawValue("exit"));
        return Optional.of(new SyscallRecord(record, arch, number, name,
                success == null ? null : "yes".equals(success), exit,
                exit == null ? null : Syscalls.errnoName(exit)));
    }

    /** {@code x86_64}, {@code aarch64}, or null for other architectures. */
    public String archName() {
        return Syscalls.archName(arch);
    }

    /** A numeric id field ({@code uid}, {@code auid}, {@code euid}, {@code gid}, ...), or null. */
    public Long id(String field) {
        return Numbers.parseLong(record.rawValue(field));
    }

    /** {@code pid}, or null. */
    public Long pid() {
        return id("pid");
    }

    /** {@code ppid}, or null. */
    public Long ppid() {
        return id("ppid");
    }

    /** The login uid, or null. */
    public Long auid() {
        return id("auid");
    }

    /** The uid, or null. */
    public Long uid() {
        return id("uid");
    }

    /** The command name (decoded), or null. */
    public String comm() {
        return record.value("comm");
    }

    /** The executable (decoded), or null. */
    public String exe() {
        return record.value("exe");
    }

    /** The subject context as written, or null. */
    public String subj() {
        return record.value("subj");
    }

    /** The audit rule key (decoded), or null; {@code (null)} when no key matched. */
    public String key() {
        return record.value("key");
    }
}
