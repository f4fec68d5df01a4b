package io.avcwatch.app.tailer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes audit lines to a log at a steady rate, the way auditd does: append, and on rotation close
 * the file, shift {@code audit.log.N} to {@code N+1}, rename {@code audit.log} to {@code .1} and
 * open a new one. Lines vary like real input: two {@code node=} hosts, lines without {@code node=},
 * a line without any audit stamp, CRLF endings, invalid UTF-8; a tick may end in the middle of a
 * line, finished on the next tick. Records what it wrote per expected Kafka key.
 */
final class AuditLogWriter implements AutoCloseable {
    static final String DEFAULT_HOST = "writer-host";

    private final Path log;
    private final int total;
    private final int linesPerTick;
    private final int ticksPerRotation;
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    private final Map<String, List<byte[]>> written = new LinkedHashMap<>();
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicInteger rotations = new AtomicInteger();
    private OutputStream out;
    private byte[] carry = new byte[0];
    private int ticks;

    AuditLogWriter(final Path log, final int total, final int linesPerTick, final int ticksPerRotation) {
        this.log = log;
        this.total = total;
        this.linesPerTick = linesPerTick;
        this.ticksPerRotation = ticksPerRotation;
    }

    /** Starts writing one tick every {@code periodMillis}. */
    AuditLogWriter start(final long periodMillis) {
        clock.scheduleAtFixedRate(this::tick, 0, periodMillis, TimeUnit.MILLISECONDS);
        return this;
    }

    /** Writes one tick now, on the clock's thread, and waits for it. */
    void writeOneTick() throws Exception {
        clock.submit(this::tick).get(10, TimeUnit.SECONDS);
    }

    CompletableFuture<Void> finished() {
        return finished;
    }

    int linesWritten() {
        return count.get();
    }

    int rotations() {
        return rotations.get();
    }

    /** Lines per expected key, in write order; read only after {@link #finished()}. */
    Map<String, List<byte[]>> written() {
        return written;
    }

    private void tick() {
        try {
            if (out == null) {
                out = Files.newOutputStream(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
            out.write(carry);
            carry = new byte[0];
            final List<byte[]> lines = new ArrayList<>();
            for (int i = 0; i < linesPerTick && count.get() < total; i++) {
                lines.add(nextLine(count.getAndIncrement()));
            }
            final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (byte[] l : lines) {
                bytes.write(l);
                bytes.write('\n');
            }
            byte[] all = bytes.toByteArray();
            ticks++;
            final boolean rotateNow = ticks % ticksPerRotation == 0;
            final boolean last = count.get() >= total;
            if (!rotateNow && !last && all.length > 10 && ticks % 3 == 0) {
                // leave half a line for the next tick: the tailer must hold it
                final int cut = all.length - 7;
                carry = Arrays.copyOfRange(all, cut, all.length);
                all = Arrays.copyOf(all, cut);
            }
            out.write(all);
            out.flush();
            if (last) {
                out.close();
                finished.complete(null);
                clock.shutdown();
            } else if (rotateNow) {
                rotate();
            }
        } catch (IOException | RuntimeException e) {
            finished.completeExceptionally(e);
            clock.shutdown();
        }
    }

    private void rotate() throws IOException {
        out.close();
        out = null;
        final int n = rotations.incrementAndGet();
        for (int i = n - 1; i >= 1; i--) {
            Files.move(log.resolveSibling(log.getFileName() + "." + i), log.resolveSibling(log.getFileName() + "." + (i + 1)));
        }
        Files.move(log, log.resolveSibling(log.getFileName() + ".1"));
        out = Files.newOutputStream(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private byte[] nextLine(final int seq) {
        final String key;
        final byte[] line;
        final long sec = 1_714_000_000L + seq / 100;
        final String stamp = "msg=audit(" + sec + "." + String.format("%03d", seq % 1000) + ":" + seq + "): ";
        switch (seq % 10) {
            case 0, 1, 2, 3 -> {
                key = "node-a";
                line = ascii("node=node-a type=AVC " + stamp + "avc:  denied  { read } for  pid=" + seq
                        + " comm=\"cat\" scontext=system_u:system_r:container_t:s0:c1,c2 tclass=file permissive=0");
            }
            case 4, 5, 6 -> {
                key = "node-b";
                line = ascii("node=node-b type=SYSCALL " + stamp + "arch=c000003e syscall=257 success=no exit=-13 seq=" + seq);
            }
            case 7 -> {
                key = DEFAULT_HOST;
                line = ascii("type=PROCTITLE " + stamp + "proctitle=636174002F6574632F736861646F77 seq=" + seq + "\r");
            }
            case 8 -> {
                key = DEFAULT_HOST;
                final byte[] head = ascii("type=USER_CMD " + stamp + "cmd=\"");
                final byte[] tail = ascii("\" seq=" + seq);
                line = new byte[head.length + 2 + tail.length];
                System.arraycopy(head, 0, line, 0, head.length);
                line[head.length] = (byte) 0xff;
                line[head.length + 1] = (byte) 0xc3;
                System.arraycopy(tail, 0, line, head.length + 2, tail.length);
            }
            default -> {
                key = DEFAULT_HOST;
                line = ascii("-- stray line without an audit stamp " + seq);
            }
        }
        written.computeIfAbsent(key, k -> new ArrayList<>()).add(line);
        return line;
    }

    private static byte[] ascii(final String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() {
        clock.shutdownNow();
        try {
            if (out != null) {
                out.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
