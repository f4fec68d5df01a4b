package io.avcwatch.parsers.stream;

import io.avcwatch.parsers.AuditEvent;
import io.avcwatch.parsers.json.EventJsonWriter;
import io.avcwatch.parsers.json.JsonOut;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Prints events as JSON lines off the parsing thread: batches of events are formatted on a small
 * pool (formatting costs more than parsing) into UTF-8 bytes and written in their original order
 * by one output thread. Queues are bounded, so memory stays bounded and a slow output holds the
 * parser back. Use from one producer thread; {@link #close()} waits until everything is written.
 */
public final class EventPrinter implements Consumer<AuditEvent>, AutoCloseable {
    private static final int BATCH = 256;
    private static final Future<Chunk> END = CompletableFuture.completedFuture(null);

    private final ExecutorService formatters;
    private final ThreadLocal<Formatter> formatter;
    private final BlockingQueue<Future<Chunk>> pending;
    /** Written-out buffers for the formatters to fill again: no allocation, zeroing or copy per batch. */
    private final BlockingQueue<byte[]> spare;
    private final Thread outputThread;
    private volatile Throwable failure;
    private List<AuditEvent> batch = new ArrayList<>(BATCH);

    /**
     * Starts printing to {@code out} in {@code mode} with {@code threads} formatter threads.
     * {@code out} is flushed at the end, not closed. Each write is whole events, so each chunk
     * decodes to text on its own.
     */
    public EventPrinter(Writer out, EventJsonWriter.Mode mode, int threads) {
        this(new WriterSink(out), mode, threads);
    }

    /**
     * Starts printing UTF-8 JSON lines to {@code out} in {@code mode} with {@code threads}
     * formatter threads; {@code out} gets large writes (pass it unbuffered) and is flushed at the
     * end, not closed.
     */
    public EventPrinter(OutputStream out, EventJsonWriter.Mode mode, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads >= 1 required");
        }
        formatters = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "avcwatch-json-format");
            thread.setDaemon(true);
            return thread;
        });
        formatter = ThreadLocal.withInitial(() -> new Formatter(mode));
        pending = new ArrayBlockingQueue<>(threads * 4);
        spare = new ArrayBlockingQueue<>(threads * 4 + 2);
        outputThread = new Thread(() -> drain(out), "avcwatch-json-output");
        outputThread.setDaemon(true);
        outputThread.start();
    }

    private void drain(OutputStream out) {
        try {
            while (true) {
                Chunk chunk = pending.take().get();
                if (chunk == null) {
                    break;
                }
                out.write(chunk.bytes(), 0, chunk.length());
                spare.offer(chunk.bytes());
            }
            out.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = e;
        } catch (ExecutionException e) {
            failure = e.getCause();
        } catch (IOException | RuntimeException | Error e) {
            failure = e;
        }
        if (failure != null) {
            pending.clear();
        }
    }

    @Override
    public void accept(AuditEvent event) {
        batch.add(event);
        if (batch.size() == BATCH) {
            List<AuditEvent> full = batch;
            batch = new ArrayList<>(BATCH);
            hand(formatters.submit(() -> formatter.get().format(full, spare)));
        }
    }

    private void hand(Future<Chunk> text) {
        try {
            while (!pending.offer(text, 100, TimeUnit.MILLISECONDS)) {
                rethrowFailure();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while printing events", e);
        }
        rethrowFailure();
    }

    /** Prints what is left, waits for the output, and reports a failure of the output side. */
    @Override
    public void close() {
        try {
            if (!batch.isEmpty()) {
                List<AuditEvent> last = batch;
                batch = new ArrayList<>(0);
                hand(formatters.submit(() -> formatter.get().format(last, spare)));
            }
            hand(END);
            outputThread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while printing events", e);
        } finally {
            formatters.shutdownNow();
        }
        rethrowFailure();
    }

    private void rethrowFailure() {
        Throwable failed = failure;
        if (failed instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failed instanceof Error error) {
            throw error;
        }
        if (failed instanceof IOException io) {
            throw new UncheckedIOException(io);
        }
        if (failed != null) {
            throw new IllegalStateException("event printer failed", failed);
        }
    }

    /** Formatted events: the first {@code length} bytes of {@code bytes}. */
    private record Chunk(byte[] bytes, int length) {
    }

    /** One formatter thread's reusable writer and buffer. */
    private static final class Formatter {
        private final JsonOut json = new JsonOut(OutputStream.nullOutputStream());
        private final EventJsonWriter writer;

        Formatter(EventJsonWriter.Mode mode) {
            writer = new EventJsonWriter(json, mode);
        }

        Chunk format(List<AuditEvent> events, BlockingQueue<byte[]> spare) {
            for (AuditEvent event : events) {
                writer.write(event);
            }
            int length = json.buffered();
            byte[] next = spare.poll();
            return new Chunk(json.exchange(next == null ? new byte[length + 1024] : next), length);
        }
    }
}
