package io.avcwatch.parsers;

import java.time.Instant;

/**
 * Parses one audit log line into a {@link ParseResult}. Stateless and thread-safe; never throws
 * on input.
 *
 * <p>Fields are read as auparse reads them (space-separated {@code name=value}, tokens without
 * {@code =} and empty values dropped, nested {@code msg='...'} flattened, AVC prefixes turned into
 * {@code seresult}/{@code seperms}) with one deliberate difference: a double-quoted value that
 * contains spaces stays whole, where auparse cuts it at the first space.
 */
public final class AuditLineParser {
    /** The ENRICHED format's separator between raw and interpreted fields. */
    public static final char ENRICHED_SEPARATOR = '\u001d';
    /** The reference meaning "no year known": year-less syslog stamps stay undated (time 0). */
    public static final long NO_REFERENCE = Long.MIN_VALUE;

    private AuditLineParser() {
    }

    /** Scratch builders per thread: parsing allocates only what the record keeps. */
    private static final ThreadLocal<Fields.Builder[]> SCRATCH =
            ThreadLocal.withInitial(() -> new Fields.Builder[] {new Fields.Builder(), new Fields.Builder()});

    /**
     * Parses {@code line} (without its line terminator). A year-less syslog stamp is not dated
     * (see {@link #parse(String, boolean, long)}).
     */
    public static ParseResult parse(String line) {
        return parse(line, false);
    }

    /**
     * Parses {@code line}, dating a year-less syslog stamp against {@code reference} (see
     * {@link #parse(String, boolean, long)}).
     */
    public static ParseResult parse(String line, Instant reference) {
        return parse(line, false, reference.toEpochMilli());
    }

    /**
     * Parses {@code line}; {@code ascii} promises that the line holds only ASCII characters (a
     * reader that saw the bytes knows it), which lets writers copy values in bulk. A year-less
     * syslog stamp is not dated: guessing the year from the wall clock would make an old file
     * parse differently next year, so without a reference such records keep time 0.
     */
    public static ParseResult parse(String line, boolean ascii) {
        return parse(line, ascii, NO_REFERENCE);
    }

    /**
     * Parses {@code line}, dating a record that has no {@code audit(time:serial)} stamp (journald's
     * {@code audit[PID]: AVC ...}, {@code audit: MAC_STATUS ...}) by its syslog stamp. ISO stamps
     * ({@code journalctl -o short-iso}) are exact. A BSD stamp ({@code Dec  5 21:50:43}) has no
     * year and no zone: it is read as UTC in the latest year that does not put it more than a day
     * after {@code referenceMillis} (epoch millis: the clock when tailing live, the file's
     * modification time or the newest audit stamp when replaying a file); with
     * {@link #NO_REFERENCE} it is left undated (time 0). Such records keep serial 0: the serial
     * is unknown. Records with an audit stamp ignore the reference.
     */
    public static ParseResult parse(String line, boolean ascii, long referenceMillis) {
        if (line == null) {
            return new ParseError(ParseError.Kind.NOT_AUDIT, "null line", "");
        }
        try {
            return parseLine(line, ascii, referenceMillis);
        } catch (RuntimeException e) {
            // A parser bug must not take down a pipeline; the line survives as an error value.
            return new ParseError(ParseError.Kind.NOT_AUDIT, "internal parser error: " + e, line);
        }
    }

    private static ParseResult parseLine(String line, boolean ascii, long referenceMillis) {
        int length = line.length();
        int end = length;
        if (end > 0 && line.charAt(end - 1) == '\r') {
            end--;
        }
        int first = HeaderScanner.skipSpaces(line, 0);
        if (first >= end || isBlank(line, first, end)) {
            return new SkippedLine(SkippedLine.Reason.BLANK, line);
        }
        char c = line.charAt(first);
        if (c == '-' && HeaderScanner.startsWith(line, first, "----")) {
            return new SkippedLine(SkippedLine.Reason.SEPARATOR, line);
        }
        if (c == 't' && HeaderScanner.startsWith(line, first, "time->")) {
            return new SkippedLine(SkippedLine.Reason.TIME_MARKER, line);
        }
        if (c == '#' || HeaderScanner.startsWith(line, first, "...")) {
            return new SkippedLine(SkippedLine.Reason.COMMENT, line);
        }
        HeaderScan header = HeaderScanner.scan(line);
        if (header == null) {
            return headerError(line);
        }
        int separator = line.indexOf(ENRICHED_SEPARATOR, header.bodyStart());
        int rawEnd = separator < 0 ? end : separator;
        Fields.Builder[] scratch = SCRATCH.get();
        Fields.Builder fields = scratch[0].reset(line);
        FieldTokenizer.tokenize(line, header.bodyStart(), rawEnd, fields);
        Fields enriched = Fields.EMPTY;
        if (separator >= 0) {
            Fields.Builder pairs = scratch[1].reset(line);
            FieldTokenizer.tokenize(line, separator + 1, end, pairs);
            enriched = pairs.build(ascii);
        }
        SyslogPrefix syslog = header.syslog();
        EventId id;
        if (header.hasStamp()) {
            id = new EventId(header.epochMillis(), header.serial());
        } else {
            long stamp = syslog == null ? -1 : syslog.epochMillis(referenceMillis);
            id = new EventId(Math.max(stamp, 0), 0);
        }
        String syslogHost = syslog == null ? null : syslog.host();
        return new AuditRecord(header.node(), header.type(), id, fields.build(ascii), enriched, line, syslogHost);
    }

    private static boolean isBlank(String line, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(line.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static ParseError headerError(String line) {
        boolean recordLike = line.startsWith("type=") || line.startsWith("node=");
        if (!recordLike) {
            return new ParseError(ParseError.Kind.NOT_AUDIT, "no audit header", line);
        }
        int stamp = line.indexOf("audit(");
        if (stamp >= 0 && line.indexOf(')', stamp) < 0) {
            return new ParseError(ParseError.Kind.TRUNCATED, "line ends inside msg=audit(...)", line);
        }
        if (stamp < 0 && line.indexOf(' ') < 0) {
            return new ParseError(ParseError.Kind.TRUNCATED, "line ends before msg=audit(...)", line);
        }
        return new ParseError(ParseError.Kind.MALFORMED_HEADER, "unreadable type= or msg=audit(...) stamp", line);
    }
}
