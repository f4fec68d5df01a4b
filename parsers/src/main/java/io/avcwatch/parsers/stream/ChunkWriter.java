package io.avcwatch.parsers.stream;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Writes filled buffers to an output stream on a thread of its own and hands written buffers back
 * for refilling, so the producing thread never waits on the output unless the queue is full
 * (then a slow reader holds the producer back). A failure of the output is rethrown to the
 * producer at its next hand-over. One producer thread.
 */
final class ChunkWriter implements AutoCloseable {
    private static final Chunk END = new Chunk(new byte[0], -1);

    private final BlockingQueue<Chunk> pending = new ArrayBlockingQueue<>(8);
    private final BlockingQueue<byte[]> spare = new ArrayBlockingQueue<>(10);
    private final Thread thread;
    private volatile Throwable failure;
    private boolean closed;

    private record Chunk(byte[] bytes, int length) {
    }

    ChunkWriter(OutputStream out) {
        thread = new Thread(() -> drain(out), "avcwatch-json-output");
        thread.setDaemon(true);
        thread.start();
    }

    private void drain(OutputStream out) {
        try {
            for (Chunk chunk = pending.take(); chunk != END; chunk = pending.take()) {
                out.write(chunk.bytes(), 0, chunk.length());
                spare.offer(chunk.bytes());
            }
            out.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = e;
        } catch (IOException | RuntimeException | Error e) {
            failure = e;
        }
        if (failure != null) {
            pending.clear();
        }
    }

    /** Queues {@code bytes[0, length)} for writing; returns an empty buffer (a written one, or null: allocate). */
    byte[] write(byte[] bytes, int length) {
        put(new Chunk(bytes, length));
        return spare.poll();
    }

    private void put(Chunk chunk) {
        try {
            while (!pending.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
                rethrowFailure();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while printing events", e);
        }
        rethrowFailure();
    }

    /** Waits until everything queued is written and flushed; rethrows a failure of the output. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        put(END);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while printing events", e);
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
            throw new IllegalStateException("event output failed", failed);
        }
    }
}
