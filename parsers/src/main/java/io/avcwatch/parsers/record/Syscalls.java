package io.avcwatch.parsers.record;

import io.avcwatch.parsers.NumberTable;

/**
 * Syscall and errno names for the architectures containers run on, from tables generated out of
 * libaudit ({@code parsers/tools/gen_tables.py}).
 */
public final class Syscalls {
    /** {@code arch=} of x86_64 (AUDIT_ARCH_X86_64). */
    public static final String ARCH_X86_64 = "c000003e";
    /** {@code arch=} of aarch64 (AUDIT_ARCH_AARCH64). */
    public static final String ARCH_AARCH64 = "c00000b7";

    private static final NumberTable X86_64 = NumberTable.load("syscalls-x86_64.tsv");
    private static final NumberTable AARCH64 = NumberTable.load("syscalls-aarch64.tsv");
    private static final NumberTable ERRNO = NumberTable.load("errno.tsv");

    private Syscalls() {
    }

    /** The architecture name for an {@code arch=} value ({@code x86_64}, {@code aarch64}), or null. */
    public static String archName(String arch) {
        if (arch == null) {
            return null;
        }
        return switch (arch.toLowerCase(java.util.Locale.ROOT)) {
            case ARCH_X86_64 -> "x86_64";
            case ARCH_AARCH64 -> "aarch64";
            default -> null;
        };
    }

    /** The syscall name for {@code number} on {@code arch} ({@code arch=} hex value), or null. */
    public static String name(String arch, int number) {
        String archName = archName(arch);
        if ("x86_64".equals(archName)) {
            return X86_64.name(number);
        }
        return "aarch64".equals(archName) ? AARCH64.name(number) : null;
    }

    /** The errno name ({@code EACCES}) for a negative exit value, or null. */
    public static String errnoName(long exit) {
        if (exit >= 0 || exit < -4095) {
            return null;
        }
        return ERRNO.name((int) -exit);
    }
}
