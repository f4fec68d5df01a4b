package io.avcwatch.parsers.stream;

import io.avcwatch.parsers.ParseError;
import io.avcwatch.parsers.assemble.AssemblerSettings;
import io.avcwatch.parsers.assemble.Assembly;
import io.avcwatch.parsers.json.EventJsonWriter;
import io.avcwatch.parsers.json.JsonOut;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code avcwatch parse} on bytes: prints exactly what {@link AuditStreamParser} with an
 * {@link EventPrinter} prints (same events, JSON bytes, errors, line numbers and counts), in one
 * pass per line. The calling thread reads large blocks; helper threads split them into lines,
 * scan each line's bytes and render each record's JSON object right there
 * ({@link BlockParser}); the calling thread then assembles events from small per-record handles
 * and concatenates their rendered objects into event lines, which an output thread writes.
 * Memory is bounded: a few blocks in flight, plus the assembler's in-flight limit. Callbacks run on
 * the calling thread. Use from one thread; {@link #close()} writes what is left.
 */
public final class ByteStreamParser implements AutoCloseable {
    private static final byte[] NODE = ascii("\"node\":");
    private static final byte[] SERIAL = ascii("\"serial\":");
    private static final byte[] TIMESTAMP = ascii("\"timestamp\":");
    private static final byte[] RECORDS = ascii("\"records\":");
    /** Output handed to the output thread in pieces of about this size. */
    private static final int OUTPUT_CHUNK = 1 << 20;

    private final Assembly<RecordRef> assembler;
    private final AuditStreamParser.ErrorSink errors;
    private final int threads;
    private final ExecutorService workers;
    private final ThreadLocal<BlockParser> blockParsers;
    private final BlockingQueue<byte[]> spareInput;
    private final BlockingQueue<byte[]> spareFragments;
    private final ChunkWriter output;
    private final JsonOut json = new JsonOut(OutputStream.nullOutputStream());
    private long lines;
    private long records;
    private long skipped;
    private long failed;

    /**
     * A parser that prints events as {@code mode} JSON lines to {@code out} (given large writes:
     * pass it unbuffered; flushed at the end, not closed), reports unreadable lines to
     * {@code errors}, and parses on {@code threads} helper threads.
     */
    public ByteStreamParser(AssemblerSettings settings, EventJsonWriter.Mode mode, OutputStream out,
            AuditStreamParser.ErrorSink errors, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads >= 1 required");
        }
        this.threads = threads;
        this.errors = errors;
        this.assembler = new Assembly<>(settings, RecordRef.FACTS, this::write);
        this.spareInput = new ArrayBlockingQueue<>(4 * threads + 2);
        this.spareFragments = new ArrayBlockingQueue<>(4 * threads + 2);
        this.workers = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "avcwatch-parse");
            thread.setDaemon(true);
            return thread;
        });
        this.blockParsers = ThreadLocal.withInitial(() -> new BlockParser(mode, spareFragments));
        this.output = new ChunkWriter(out);
    }

    /** As {@link #ByteStreamParser(AssemblerSettings, EventJsonWriter.Mode, OutputStream, AuditStreamParser.ErrorSink, int)}, printing to a character stream. */
    public ByteStreamParser(AssemblerSettings settings, EventJsonWriter.Mode mode, Writer out,
            AuditStreamParser.ErrorSink errors, int threads) {
        this(settings, mode, new WriterSink(out), errors, threads);
    }

    /** Reads {@code in} to its end; events still open stay open until {@link #finish()}. */
    public void parse(InputStream in) throws IOException {
        BlockReader reader = new BlockReader(in);
        // A few blocks per thread in flight keeps every thread busy and memory flat.
        ArrayDeque<Future<ParsedBlock>> pending = new ArrayDeque<>();
        int limit = 2 * threads;
        while (true) {
            byte[] buffer = spareInput.poll();
            BlockReader.Block block = reader.next(buffer != null ? buffer : new byte[BlockReader.BLOCK]);
            if (block == null) {
                break;
            }
            pending.add(workers.submit(() -> blockParsers.get().parse(block)));
            if (pending.size() >= limit) {
                take(pending.poll());
            }
        }
        while (!pending.isEmpty()) {
            take(pending.poll());
        }
    }

    private void take(Future<ParsedBlock> parsed) {
        ParsedBlock block;
        try {
            block = parsed.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while parsing", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("parse task failed", e.getCause());
        }
        Object[] results = block.results();
        for (int i = 0; i < block.count(); i++) {
            lines++;
            Object result = results[i];
            if (result instanceof RecordRef record) {
                records++;
                assembler.accept(record);
            } else if (result instanceof ParseError error) {
                failed++;
                errors.accept(lines, error);
            } else {
                skipped++;
            }
        }
        // Open events keep copies of their records' bytes, so both buffers can be reused.
        byte[] fragments = block.fragments();
        assembler.forEachOpenRecord(record -> record.detach(fragments));
        spareFragments.offer(block.fragments());
        spareInput.offer(block.input());
    }

    private void write(List<RecordRef> records) {
        RecordRef first = records.get(0);
        json.beginObject();
        json.name(NODE).value(first.node);
        json.name(SERIAL).value(first.serial);
        json.name(TIMESTAMP).secondsValue(first.epochMillis);
        json.name(RECORDS).beginArray();
        for (RecordRef record : records) {
            json.rendered(record.bytes, record.from, record.length);
        }
        json.endArray();
        json.endObject();
        json.newline();
        if (json.buffered() >= OUTPUT_CHUNK) {
            int length = json.buffered();
            byte[] next = output.write(json.exchange(new byte[0]), length);
            json.exchange(next != null ? next : new byte[OUTPUT_CHUNK + (1 << 16)]);
        }
    }

    /** Emits all open events (end of input). */
    public void finish() {
        assembler.flush();
    }

    /** Counts so far. */
    public AuditStreamParser.Stats stats() {
        return new AuditStreamParser.Stats(lines, records, skipped, failed, assembler.emitted(), assembler.timedOut(),
                assembler.evicted(), assembler.lateEoe(), assembler.lostEvents());
    }

    /** Writes what is buffered, waits until the output has it, and stops the helper threads. */
    @Override
    public void close() {
        try {
            int length = json.buffered();
            if (length > 0) {
                output.write(json.exchange(new byte[1 << 16]), length);
            }
            output.close();
        } finally {
            workers.shutdownNow();
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
