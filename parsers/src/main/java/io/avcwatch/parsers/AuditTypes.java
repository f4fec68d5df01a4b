package io.avcwatch.parsers;

/**
 * Audit record type numbers and names as libaudit knows them: dmesg and syslog lines carry
 * {@code type=1400}, raw logs carry {@code type=AVC}; unknown numbers become {@code UNKNOWN[n]}.
 */
public final class AuditTypes {
    private static final NumberTable TYPES = NumberTable.load("audit-types.tsv");

    private AuditTypes() {
    }

    /** The record type name for a numeric type, {@code UNKNOWN[n]} when libaudit has no name. */
    public static String name(int number) {
        String name = TYPES.name(number);
        return name != null ? name : "UNKNOWN[" + number + "]";
    }

    /** The number of a record type name, or null when unknown. */
    public static Integer number(String name) {
        return TYPES.number(name);
    }
}
