package io.avcwatch.parsers;

/**
 * A line that carries no record and is skipped on purpose (blank lines, {@code ausearch}
 * separators, comments), reported so the caller can count it.
 *
 * @param reason why the line was skipped
 * @param raw    the line, unchanged
 */
public record SkippedLine(Reason reason, String raw) implements ParseResult {

    /** Why a line carries no record. */
    public enum Reason {
        /** Empty or only white space. */
        BLANK,
        /** {@code ----} between events in {@code ausearch} output. */
        SEPARATOR,
        /** {@code time->...} lines of {@code ausearch} output. */
        TIME_MARKER,
        /** A {@code #} comment or a {@code ...} elision in pasted logs. */
        COMMENT
    }
}
