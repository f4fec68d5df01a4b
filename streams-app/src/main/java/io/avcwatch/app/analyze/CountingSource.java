package io.avcwatch.app.analyze;

import io.avcwatch.tailer.Line;
import io.avcwatch.tailer.LineSource;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** A {@link LineSource} that counts the lines and bytes read through it, readable from another thread. */
final class CountingSource implements LineSource {
    private final LineSource delegate;
    private final AtomicLong lines = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();

    CountingSource(final LineSource delegate) {
        this.delegate = delegate;
    }

    @Override
    public List<Line> poll(final int maxBytes) throws IOException {
        final List<Line> read = delegate.poll(maxBytes);
        long size = 0;
        for (final Line line : read) {
            size += line.end() - line.offset();
        }
        bytes.addAndGet(size);
        lines.addAndGet(read.size());
        return read;
    }

    @Override
    public boolean exhausted() {
        return delegate.exhausted();
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }

    long lines() {
        return lines.get();
    }

    long bytes() {
        return bytes.get();
    }
}
