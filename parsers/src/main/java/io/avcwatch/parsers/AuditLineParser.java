package io.avcwatch.parsers;

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

    private AuditLineParser() {
    }

    /** Parses {@code line} (without its line terminator). */
    public static ParseResult parse(String line) {
        if (line == null) {
            return new ParseError(ParseError.Kind.NOT_AUDIT, "null line", "");
        }
        try {
            return parseLine(line);
        } catch (RuntimeException e) {
            // A parser bug must not take down a pipeline; the line survives as an error value.
            return new ParseError(ParseError.Kind.NOT_AUDIT, "internal parser error: " + e, line);
        }
    }

    private static ParseResult parseLine(String line) {
        int length = line.length();
        int end = length;
        if (end > 0 && line.charAt(end - 1) == '\r') {
            end--;
        }
        int first = HeaderScanner.skipSpaces(line, 0);
        if (first >= end || line.isBlank()) {
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
        Fields.Builder fields = new Fields.Builder(line);
        FieldTokenizer.tokenize(line, header.bodyStart(), rawEnd, fields);
        Fields enriched = Fields.EMPTY;
        if (separator >= 0) {
            Fields.Builder pairs = new Fields.Builder(line);
            FieldTokenizer.tokenize(line, separator + 1, end, pairs);
            enriched = pairs.build();
        }
        EventId id = header.hasStamp() ? new EventId(header.epochMillis(), header.serial()) : new EventId(0, 0);
        return new AuditRecord(header.node(), header.type(), id, fields.build(), enriched, line);
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
