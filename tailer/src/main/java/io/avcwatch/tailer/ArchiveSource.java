package io.avcwatch.tailer;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Lines of archived logs read once, in chronological order ({@link RotatedSet#chronological}); a
 * {@code .gz} file is decompressed on the fly (offsets then count decompressed bytes).
 */
public final class ArchiveSource implements LineSource {
    private final Deque<Path> pending;
    private StreamSource current;

    /** @param files archives in any order; they are read oldest first */
    public ArchiveSource(final List<Path> files) {
        this.pending = new ArrayDeque<>(RotatedSet.chronological(files));
    }

    @Override
    public List<Line> poll(final int maxBytes) throws IOException {
        while (true) {
            if (current == null) {
                final Path next = pending.poll();
                if (next == null) {
                    return List.of();
                }
                current = new StreamSource(open(next), next.toAbsolutePath().toString());
            }
            final List<Line> lines = current.poll(maxBytes);
            if (current.exhausted()) {
                current.close();
                current = null;
            }
            if (!lines.isEmpty()) {
                return lines;
            }
        }
    }

    @Override
    public boolean exhausted() {
        return current == null && pending.isEmpty();
    }

    @Override
    public void close() throws IOException {
        if (current != null) {
            current.close();
        }
    }

    private static InputStream open(final Path p) throws IOException {
        final InputStream raw = new BufferedInputStream(Files.newInputStream(p), 1 << 16);
        return p.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
    }
}
