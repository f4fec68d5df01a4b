package io.avcwatch.parsers;

/**
 * A line that looked like audit input but could not be read.
 *
 * @param kind   what went wrong
 * @param detail a short human-readable explanation
 * @param raw    the line, unchanged
 */
public record ParseError(Kind kind, String detail, String raw) implements ParseResult {

    /** The classes of unreadable line. */
    public enum Kind {
        /** Starts like a record ({@code type=}, {@code node=}) but the {@code msg=audit(...)} stamp is unreadable. */
        MALFORMED_HEADER,
        /** The line ends inside the header: a record cut short. */
        TRUNCATED,
        /** Text with no audit header at all. */
        NOT_AUDIT
    }
}
