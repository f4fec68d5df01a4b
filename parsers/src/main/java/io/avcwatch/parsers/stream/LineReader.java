package io.avcwatch.parsers.stream;

import io.avcwatch.parsers.ByteWords;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads {@code \n}-terminated lines from a byte stream as UTF-8 Strings (malformed bytes become
 * U+FFFD), without the line terminator. Memory is bounded by {@link #MAX_LINE}: a longer line is
 * returned in pieces, each flagged by {@link #lastWasCut()}. Not thread-safe.
 */
public final class LineReader {
    private static final long NEWLINES = ByteWords.broadcast('\n');

    /** Longest line returned whole; audit lines stay below 8 KiB. */
    public static final int MAX_LINE = 1 << 20;

    private final InputStream in;
    private byte[] buffer = new byte[1 << 16];
    private int start;
    private int end;
    private boolean eof;
    private boolean cut;
    private boolean ascii;
    private int highBits;
    private long lines;

    /** Reads from {@code in}; the caller closes it. */
    public LineReader(InputStream in) {
        this.in = in;
    }

    /** The next line, or null at end of input. */
    public String next() throws IOException {
        int scanFrom = start;
        while (true) {
            int newline = findNewline(scanFrom, end);
            if (newline >= 0) {
                return take(newline, newline + 1);
            }
            if (eof) {
                return start < end ? take(end, end) : null;
            }
            if (end - start >= MAX_LINE) {
                String piece = take(end, end);
                cut = true;
                return piece;
            }
            int scanned = end - start;
            fill();
            scanFrom = start + scanned;
        }
    }

    /**
     * Index of the first {@code \n} in [from, to), or -1; ORs the bytes before it into
     * {@link #highBits}. Eight bytes at a time: this loop touches every byte of the input.
     */
    private int findNewline(int from, int to) {
        byte[] b = buffer;
        long high = 0;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long word = ByteWords.word(b, i);
            long found = ByteWords.zeroBytes(word ^ NEWLINES);
            if (found != 0) {
                int offset = ByteWords.firstMarked(found);
                high |= word & ByteWords.lowBytes(offset);
                highBits |= (high & ByteWords.HIGHS) != 0 ? -1 : 0;
                return i + offset;
            }
            high |= word;
        }
        highBits |= (high & ByteWords.HIGHS) != 0 ? -1 : 0;
        for (; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
            highBits |= b[i];
        }
        return -1;
    }

    private String take(int lineEnd, int nextStart) {
        boolean asciiLine = highBits >= 0;
        String line = new String(buffer, start, lineEnd - start,
                asciiLine ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        start = nextStart;
        cut = false;
        ascii = asciiLine;
        highBits = 0;
        lines++;
        return line;
    }

    private void fill() throws IOException {
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        if (end == buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.min(buffer.length * 2, MAX_LINE + (1 << 16)));
        }
        int n = in.read(buffer, end, buffer.length - end);
        if (n < 0) {
            eof = true;
        } else {
            end += n;
        }
    }

    /** True when the last line returned was longer than {@link #MAX_LINE} and was cut. */
    public boolean lastWasCut() {
        return cut;
    }

    /** True when the last line returned held only ASCII bytes. */
    public boolean lastWasAscii() {
        return ascii;
    }

    /** Lines returned so far. */
    public long lines() {
        return lines;
    }
}
