package io.avcwatch.parsers;

/**
 * One parsed audit record (one line of {@code audit.log}).
 *
 * @param node     the {@code node=} prefix, or null
 * @param type     record type name ({@code AVC}; unknown numbers kept as {@code UNKNOWN[1420]})
 * @param id       the event time and serial; serial 0 for records outside any event context
 *                 (and for journald lines, which lost their stamp)
 * @param fields   the raw fields in order; for AVC and USER_AVC it starts with the synthesised
 *                 {@code seresult} and {@code seperms} as auparse does
 * @param enriched the interpreted UPPERCASE pairs after the 0x1d separator of the ENRICHED
 *                 format ({@link Fields#EMPTY} when absent)
 * @param raw      the line, unchanged
 * @param syslogHost the hostname of the syslog prefix in front of the record (syslog, journald,
 *                 audisp syslog plugin), or null when the line has none; unlike {@code node} it
 *                 is not part of the audit record, but it names the writing host when node is absent
 */
public record AuditRecord(String node, String type, EventId id, Fields fields, Fields enriched, String raw,
        String syslogHost) implements ParseResult {

    /**
     * The host that wrote the record: {@code node=}, else the syslog hostname, else null. Events
     * are assembled per host, so two hosts' records in one syslog file never merge.
     */
    public String host() {
        return node != null ? node : syslogHost;
    }

    /** The decoded value of the first field called {@code name}, or null (see {@link FieldValues}). */
    public String value(String name) {
        return fields.value(name);
    }

    /** The raw value (quotes kept) of the first field called {@code name}, or null. */
    public String rawValue(String name) {
        return fields.raw(name);
    }

    /** The type number (from the name, or from {@code UNKNOWN[n]}), or -1 when unknown. */
    public int typeNumber() {
        return typeNumber(type);
    }

    /** The number of the record type name {@code type} (or of {@code UNKNOWN[n]}), or -1 when unknown. */
    public static int typeNumber(String type) {
        Integer number = AuditTypes.number(type);
        if (number != null) {
            return number;
        }
        if (type.startsWith("UNKNOWN[") && type.endsWith("]")) {
            long parsed = HeaderScanner.parseDigits(type, 8, type.length() - 1);
            return parsed < 0 || parsed > Integer.MAX_VALUE ? -1 : (int) parsed;
        }
        return -1;
    }

    /**
     * The record type exactly as written after {@code type=} ({@code 1400} in dmesg lines,
     * {@code UNKNOWN[1334]} where {@link #type()} says {@code BPF}); journald lines give the type word.
     */
    public String rawType() {
        HeaderScan header = HeaderScanner.scan(raw);
        if (header == null || header.wrapper() == HeaderScan.Wrapper.JOURNALD) {
            return type;
        }
        int at = raw.indexOf("type=", header.syslog() == null ? 0 : header.syslog().bodyStart());
        return at < 0 ? type : raw.substring(at + 5, HeaderScanner.tokenEnd(raw, at + 5));
    }

    /** True for AVC and USER_AVC records. */
    public boolean isAvc() {
        return "AVC".equals(type) || "USER_AVC".equals(type);
    }
}
