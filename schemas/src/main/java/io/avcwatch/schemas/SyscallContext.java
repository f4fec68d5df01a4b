package io.avcwatch.schemas;

/**
 * The SYSCALL record of an event: which system call triggered the check, by whom and how it ended.
 *
 * @param arch    architecture name ({@code x86_64}, {@code aarch64}), or the raw audit value if unknown
 * @param name    syscall name ({@code openat}), null if the number is not in the table
 * @param number  syscall number as reported
 * @param success whether the call succeeded
 * @param exit    the return value ({@code -13})
 * @param errno   errno name for a negative exit ({@code EACCES}), else null
 * @param pid     process id
 * @param ppid    parent process id
 * @param uid     real user id
 * @param euid    effective user id
 * @param gid     real group id
 * @param auid    login (audit) user id; {@code 4294967295} means unset
 * @param ses     audit session id; {@code 4294967295} means unset
 * @param tty     controlling terminal ({@code pts0}, {@code (none)})
 * @param comm    command name (16 bytes max in the kernel)
 * @param exe     executable path
 * @param subj    subject context, raw
 * @param key     audit rule key, null when none
 */
public record SyscallContext(String arch, String name, Integer number, Boolean success, Long exit, String errno,
                             Long pid, Long ppid, Long uid, Long euid, Long gid, Long auid, Long ses, String tty,
                             String comm, String exe, String subj, String key) {
}
