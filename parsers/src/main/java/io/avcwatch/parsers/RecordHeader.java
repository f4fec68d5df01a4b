package io.avcwatch.parsers;

/**
 * The key facts of one audit line, found by a cheap scan without field parsing: the tailer
 * calls {@link #scan} for every line to get the Kafka key ({@code node}) and record timestamp.
 *
 * <p>Recognised forms: {@code [node=NAME ]type=NAME msg=audit(SECONDS.MILLIS:SERIAL): ...},
 * {@code type=UNKNOWN[1420]}, kernel/dmesg/syslog wrappers
 * ({@code [169759.365427] audit: type=1400 audit(1598482910.854:4): ...}, numeric types mapped
 * to names), the audisp syslog plugin ({@code Dec  5 21:50:43 HOST audispd: node=N type=AVC
 * msg=audit(...): ...}, any tag) and {@code ausearch -i} stamps ({@code msg=audit(08/23/2017 17:23:47.012:123) :},
 * read as UTC).
 *
 * @param node        the {@code node=} prefix, or null when the line has none
 * @param type        the record type name, e.g. {@code AVC}, {@code UNKNOWN[1420]}
 * @param epochMillis event time in milliseconds since the epoch
 * @param serial      the event serial number
 */
public record RecordHeader(String node, String type, long epochMillis, long serial) {

    /**
     * Scans {@code line} for an audit header.
     *
     * @return the header, or null when the line carries no audit stamp (blank lines, ausearch
     *     separators, comments, journald lines whose stamp journald dropped: those parse with
     *     {@link AuditLineParser}, dated by their syslog stamp, serial 0). {@code node} is only
     *     {@code node=}; a syslog hostname is on {@link AuditRecord#syslogHost()}
     */
    public static RecordHeader scan(CharSequence line) {
        if (line == null) {
            return null;
        }
        HeaderScan scan = HeaderScanner.scan(line);
        if (scan == null || !scan.hasStamp()) {
            return null;
        }
        return new RecordHeader(scan.node(), scan.type(), scan.epochMillis(), scan.serial());
    }

    /**
     * The hostname of the syslog prefix in front of {@code line}
     * ({@code Dec  5 21:50:43 HOST TAG[PID]: ...}, {@code 2024-04-20T10:53:50Z HOST TAG: ...}), or
     * null when it has none (raw {@code audit.log} and dmesg lines). A reader of a central syslog
     * file keys a line without {@code node=} on this, so two hosts' events that share a serial
     * stay apart, as {@link AuditRecord#host()} does for the in-memory assembler.
     */
    public static String syslogHost(CharSequence line) {
        if (line == null || HeaderScanner.startsWith(line, 0, "node=") || HeaderScanner.startsWith(line, 0, "type=")) {
            return null;
        }
        SyslogPrefix prefix = SyslogPrefix.scan(line);
        return prefix == null ? null : prefix.host();
    }

    /** The event id (time and serial) of this header. */
    public EventId id() {
        return new EventId(epochMillis, serial);
    }
}
