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
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Parses and assembles a whole log stream: lines to records to events, streaming (memory bounded
 * by the assembler's in-flight limit). Parse errors go to their own callback with the line
 * number, so nothing is dropped silently. Not thread-safe: callbacks run on the calling thread,
 * also when {@link #parse(InputStream, int)} parses lines on helper threads.
 */
public final class AuditStreamParser {
    /** Lines per parallel parse task: large enough to amortise the hand-over, small enough to stay in cache. */
    private static final int BATCH = 512;

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
                handle(truncated(line));
                continue;
            }
            handle(AuditLineParser.parse(line, reader.lastWasAscii()));
        }
    }

    /**
     * As {@link #parse(InputStream)}, with lines parsed in batches on {@code threads} helper
     * threads while this thread reads, assembles and calls back, in input order: the same
     * events, errors and counts as the sequential parse. {@code threads <= 1} parses here.
     */
    public void parse(InputStream in, int threads) throws IOException {
        if (threads <= 1) {
            parse(in);
            return;
        }
        ExecutorService workers = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "avcwatch-parse");
            thread.setDaemon(true);
            return thread;
        });
        try {
            LineReader reader = new LineReader(in);
            // Bounded: a few batches per thread in flight keeps every thread busy and memory flat.
            ArrayDeque<Future<ParseResult[]>> pending = new ArrayDeque<>();
            int limit = 3 * threads;
            LineBatch batch = new LineBatch();
            for (String line = reader.next(); line != null; line = reader.next()) {
                batch.add(line, reader.lastWasAscii(), reader.lastWasCut());
                if (batch.size == BATCH) {
                    LineBatch full = batch;
                    pending.add(workers.submit(full::parse));
                    batch = new LineBatch();
                    if (pending.size() >= limit) {
                        handleAll(pending.poll());
                    }
                }
            }
            if (batch.size > 0) {
                LineBatch last = batch;
                pending.add(workers.submit(last::parse));
            }
            while (!pending.isEmpty()) {
                handleAll(pending.poll());
            }
        } finally {
            workers.shutdownNow();
        }
    }

    private void handleAll(Future<ParseResult[]> parsed) {
        ParseResult[] results;
        try {
            results = parsed.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while parsing", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("parse task failed", e.getCause());
        }
        for (ParseResult result : results) {
            lines++;
            handle(result);
        }
    }

    /** Lines read but not parsed yet, with what the reader knew about each. */
    private static final class LineBatch {
        private final String[] text = new String[BATCH];
        private final boolean[] ascii = new boolean[BATCH];
        private final boolean[] cut = new boolean[BATCH];
        private int size;

        void add(String line, boolean isAscii, boolean wasCut) {
            text[size] = line;
            ascii[size] = isAscii;
            cut[size] = wasCut;
            size++;
        }

        ParseResult[] parse() {
            ParseResult[] results = new ParseResult[size];
            for (int i = 0; i < size; i++) {
                results[i] = cut[i] ? truncated(text[i]) : AuditLineParser.parse(text[i], ascii[i]);
            }
            return results;
        }
    }

    private static ParseError truncated(String piece) {
        return new ParseError(ParseError.Kind.TRUNCATED, "line longer than " + LineReader.MAX_LINE + " bytes, cut", piece);
    }

    /** Parses one line (without terminator). */
    public void accept(String line) {
        lines++;
        handle(AuditLineParser.parse(line, false));
    }

    private void handle(ParseResult result) {
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
