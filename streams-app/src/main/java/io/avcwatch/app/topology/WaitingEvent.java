package io.avcwatch.app.topology;

import io.avcwatch.parsers.AuditEvent;
import io.avcwatch.parsers.AuditLineParser;
import io.avcwatch.parsers.AuditRecord;
import io.avcwatch.parsers.assemble.PartialEvent;
import io.avcwatch.schemas.SourcePosition;

/**
 * An assembled event that waits for container inventory, in the compact form the waiting store keeps it: its
 * provenance on the first line, then its raw audit lines. The denials and state changes are derived again
 * from the lines when a restarted task reloads it, which keeps the store free of JSON (the hot path never
 * reads it back; it is the changelogged copy of what the processor holds in memory).
 *
 * @param event  the complete event
 * @param source where its first record was read, or null when unknown
 */
record WaitingEvent(AuditEvent event, SourcePosition source) {

    private static final String NO_SOURCE = "-";

    /**
     * {@code -} or {@code INODE OFFSET PATHLENGTH PATH} ({@code -} for a missing number), a newline, then the
     * raw lines separated by newlines (an audit line never holds one).
     */
    String encode() {
        final StringBuilder out = new StringBuilder(256);
        if (source == null) {
            out.append(NO_SOURCE);
        } else {
            final String file = source.file() == null ? "" : source.file();
            out.append(number(source.inode())).append(' ').append(number(source.offset())).append(' ')
                    .append(source.file() == null ? -1 : file.length()).append(' ').append(file);
        }
        for (final AuditRecord record : event.records()) {
            out.append('\n').append(record.raw());
        }
        return out.toString();
    }

    /** The event {@link #encode()} wrote, or null when none of its lines parses any more. */
    static WaitingEvent decode(final String encoded) {
        final int headerEnd = headerEnd(encoded);
        final SourcePosition source = source(encoded.substring(0, headerEnd));
        PartialEvent event = null;
        int start = headerEnd + 1;
        while (start <= encoded.length()) {
            int end = encoded.indexOf('\n', start);
            if (end < 0) {
                end = encoded.length();
            }
            if (AuditLineParser.parse(encoded.substring(start, end)) instanceof AuditRecord record) {
                event = event == null ? PartialEvent.start(record) : event.add(record);
            }
            start = end + 1;
        }
        return event == null ? null : new WaitingEvent(event.toEvent(), source);
    }

    /** The header ends at the first newline after the path, whose length the header states. */
    private static int headerEnd(final String encoded) {
        if (encoded.startsWith(NO_SOURCE + "\n") || encoded.equals(NO_SOURCE)) {
            return NO_SOURCE.length();
        }
        final String[] parts = encoded.split(" ", 4);
        final int pathLength = Integer.parseInt(parts[2]);
        final int pathStart = parts[0].length() + parts[1].length() + parts[2].length() + 3;
        final int afterPath = pathStart + Math.max(pathLength, 0);
        final int newline = encoded.indexOf('\n', afterPath);
        return newline < 0 ? encoded.length() : newline;
    }

    private static SourcePosition source(final String header) {
        if (header.equals(NO_SOURCE)) {
            return null;
        }
        final String[] parts = header.split(" ", 4);
        final int pathLength = Integer.parseInt(parts[2]);
        final String file = pathLength < 0 ? null : parts.length < 4 ? "" : parts[3];
        return new SourcePosition(file, parse(parts[0]), parse(parts[1]));
    }

    private static String number(final Long n) {
        return n == null ? NO_SOURCE : n.toString();
    }

    private static Long parse(final String n) {
        return n.equals(NO_SOURCE) ? null : Long.valueOf(n);
    }
}
