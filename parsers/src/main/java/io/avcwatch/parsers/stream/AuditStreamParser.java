package io.avcwatch.parsers.stream;

import io.avcwatch.parsers.AuditEvent;
import io.avcwatch.parsers.AuditLineParser;
import io.avcwatch.parsers.AuditRecord;
import io.avcwatch.parsers.ParseError;
import io.avcwatch.parsers.ParseResult;
import io.avcwatch.parsers.SkippedLine;
import io.avcwatch.parsers.assemble.AssemblerSettings;
import io.avcwatch.parsers.assemble.EventAssembler;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Parses and assembles a whole log stream: lines to records to events, streaming (memory bounded
 * by the assembler's in-flight limit). Parse errors go to their own callback with the line
 * number, so nothing is dropped silently. Not thread-safe.
 */
public final class AuditStreamParser {
    private final EventAssembler assembler;
    private final ErrorSink errors;
    private long lines;
    private long records;
    private long skipped;
    private long failed;

    /** Receives each unreadable line. */
    @FunctionalInterface
    public interface ErrorSink {
        /** {@code lineNumber} counts from 1 over all input given to this parser. */
        void accept(long lineNumber, ParseError error);
    }

    /** Counts of one run. */
    public record Stats(long lines, long records, long skipped, long errors, long events, long timedOut,
            long evicted, long lateEoe, Map<String, Long> lostEvents) {
        /** Copies the lost-event map. */
        public Stats {
            lostEvents = Map.copyOf(lostEvents);
        }
    }

    /** A parser that passes complete events to {@code events} and bad lines to {@code errors}. */
    public AuditStreamParser(AssemblerSettings settings, Consumer<AuditEvent> events, ErrorSink errors) {
        this.assembler = new EventAssembler(settings, events);
        this.errors = errors;
    }

    /** Reads {@code in} to its end; events still open stay open until {@link #finish()}. */
    public void parse(InputStream in) throws IOException {
        LineReader reader = new LineReader(in);
        for (String line = reader.next(); line != null; line = reader.next()) {
            lines++;
            if (reader.lastWasCut()) {
                failed++;
                errors.accept(lines, new ParseError(ParseError.Kind.TRUNCATED,
                        "line longer than " + LineReader.MAX_LINE + " bytes, cut", line));
                continue;
            }
            accept(line, reader.lastWasAscii());
        }
    }

    /** Parses one line (without terminator). */
    public void accept(String line) {
        lines++;
        accept(line, false);
    }

    private void accept(String line, boolean ascii) {
        ParseResult result = AuditLineParser.parse(line, ascii);
        if (result instanceof AuditRecord record) {
            records++;
            assembler.accept(record);
        } else if (result instanceof ParseError error) {
            failed++;
            errors.accept(lines, error);
        } else if (result instanceof SkippedLine) {
            skipped++;
        }
    }

    /** Emits all open events (end of input). */
    public void finish() {
        assembler.flush();
    }

    /** Counts so far. */
    public Stats stats() {
        return new Stats(lines, records, skipped, failed, assembler.emitted(), assembler.timedOut(),
                assembler.evicted(), assembler.lateEoe(), assembler.lostEvents());
    }
}
