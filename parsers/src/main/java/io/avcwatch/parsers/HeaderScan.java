package io.avcwatch.parsers;

/**
 * The result of scanning the start of a line for an audit header, without parsing fields.
 * Offsets index into the scanned line; {@code bodyStart} is where the record's fields begin.
 *
 * @param node        the {@code node=} value, or null
 * @param type        the record type name ({@code AVC}, {@code UNKNOWN[1420]}); numeric types mapped
 * @param epochMillis event time, or {@link #NO_STAMP} when the wrapper dropped the stamp (journald)
 * @param serial      event serial, or {@link #NO_STAMP}
 * @param bodyStart   index of the first character after the header
 * @param wrapper     how the record was wrapped
 * @param syslog      the syslog stamp, host and tag in front of the record, or null
 */
record HeaderScan(String node, String type, long epochMillis, long serial, int bodyStart, Wrapper wrapper,
        SyslogPrefix syslog) {
    static final long NO_STAMP = -1;

    /** How a record reached the log. */
    enum Wrapper {
        /** {@code audit.log}: {@code [node=N ]type=T msg=audit(S.M:N): ...}. */
        RAW,
        /** kernel ring buffer / syslog: {@code audit: type=1400 audit(S.M:N): ...}. */
        KERNEL,
        /** journald: {@code audit[PID]: AVC ...} or {@code audit: MAC_STATUS ...}, no stamp. */
        JOURNALD,
        /** the audisp syslog plugin: {@code STAMP HOST audispd: [node=N ]type=T msg=audit(S.M:N): ...}. */
        SYSLOG_PLUGIN,
        /** {@code ausearch -i} output: {@code msg=audit(08/23/2017 17:23:47.012:123) :}. */
        INTERPRETED
    }

    boolean hasStamp() {
        return serial != NO_STAMP;
    }
}
