package io.avcwatch.tailer;

import java.util.Arrays;
import java.util.List;

/**
 * Cuts a byte stream into lines at LF and holds an unfinished last line until its newline arrives.
 *
 * <p>Memory is bounded: a "line" longer than {@link #MAX_LINE} bytes (far beyond auditd's 8 KiB
 * record limit) is cut there and shipped in pieces rather than buffered without end.
 */
final class LineSplitter {
    /** Longest line held in memory before it is cut. */
    static final int MAX_LINE = 1 << 20;

    private byte[] partial = new byte[0];
    private int partialLength;
    /** Byte offset, in the source, of the first held byte (or of the next byte if none is held). */
    private long partialStart;

    LineSplitter(final long startOffset) {
        this.partialStart = startOffset;
    }

    /** Splits {@code buf[0..len)}, the source bytes following everything fed so far, into {@code out}. */
    void feed(final byte[] buf, final int len, final String source, final long inode, final List<Line> out) {
        int from = 0;
        while (from < len) {
            // Stop looking where the held part plus this one would pass MAX_LINE.
            final int limit = (int) Math.min(len, (long) from + MAX_LINE - partialLength);
            int nl = from;
            while (nl < limit && buf[nl] != '\n') {
                nl++;
            }
            if (nl < limit) {
                final byte[] line = join(buf, from, nl);
                final long end = partialStart + line.length + 1;
                out.add(new Line(line, source, inode, partialStart, end));
                partialStart = end;
                partialLength = 0;
                from = nl + 1;
            } else if (limit < len || partialLength + (len - from) >= MAX_LINE) {
                final byte[] piece = join(buf, from, limit);
                final long end = partialStart + piece.length;
                out.add(new Line(piece, source, inode, partialStart, end));
                partialStart = end;
                partialLength = 0;
                from = limit;
            } else {
                hold(buf, from, len);
                return;
            }
        }
    }

    /** Emits the held bytes as a final line (the source is finished: rotated away or truncated). */
    Line flush(final String source, final long inode) {
        if (partialLength == 0) {
            return null;
        }
        final byte[] line = Arrays.copyOf(partial, partialLength);
        final Line result = new Line(line, source, inode, partialStart, partialStart + line.length);
        partialStart += line.length;
        partialLength = 0;
        return result;
    }

    /** Forgets held bytes and restarts counting at {@code offset}. */
    void reset(final long offset) {
        partialLength = 0;
        partialStart = offset;
    }

    /** Offset of the first byte not yet returned in a line. */
    long committedOffset() {
        return partialStart;
    }

    private byte[] join(final byte[] buf, final int from, final int to) {
        if (partialLength == 0) {
            return Arrays.copyOfRange(buf, from, to);
        }
        final byte[] line = Arrays.copyOf(partial, partialLength + to - from);
        System.arraycopy(buf, from, line, partialLength, to - from);
        return line;
    }

    private void hold(final byte[] buf, final int from, final int to) {
        final int n = to - from;
        if (n == 0) {
            return;
        }
        if (partial.length < partialLength + n) {
            partial = Arrays.copyOf(partial, Math.max(partialLength + n, partial.length * 2));
        }
        System.arraycopy(buf, from, partial, partialLength, n);
        partialLength += n;
    }
}
