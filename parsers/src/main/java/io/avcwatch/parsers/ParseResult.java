package io.avcwatch.parsers;

/**
 * What one input line turned into: a record, a parse error, or a line skipped on purpose.
 * Every line yields exactly one result, so nothing is dropped silently.
 */
public sealed interface ParseResult permits AuditRecord, ParseError, SkippedLine {

    /** The input line, unchanged. */
    String raw();
}
