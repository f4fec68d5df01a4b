package io.avcwatch.parsers.stream;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a byte stream in large blocks of whole {@code \n}-terminated lines (the last block may end
 * without one at end of input): one bulk read and no per-line work on the reading thread. A line
 * longer than {@link LineReader#MAX_LINE} bytes comes as pieces of exactly that size, each a block
 * of its own flagged as cut, and the rest of the line after them. Not thread-safe.
 */
final class BlockReader {
    /** Block size; also the size of a cut piece. */
    static final int BLOCK = LineReader.MAX_LINE;

    private final InputStream in;
    private final byte[] carry = new byte[BLOCK];
    private int carried;
    private boolean eof;

    /** One block: {@code bytes[0, length)}; {@code cut} when it is a piece of an overlong line. */
    record Block(byte[] bytes, int length, boolean cut) {
    }

    BlockReader(InputStream in) {
        this.in = in;
    }

    /** The next block, read into {@code buffer} (at least {@link #BLOCK} bytes), or null at end of input. */
    Block next(byte[] buffer) throws IOException {
        System.arraycopy(carry, 0, buffer, 0, carried);
        int n = carried;
        carried = 0;
        while (n < BLOCK && !eof) {
            int read = in.read(buffer, n, BLOCK - n);
            if (read < 0) {
                eof = true;
            } else {
                n += read;
            }
        }
        if (n == 0) {
            return null;
        }
        int last = n - 1;
        while (last >= 0 && buffer[last] != '\n') {
            last--;
        }
        if (last < 0) {
            // No line end: the whole input rest (end of input), or a full block of one overlong line.
            return new Block(buffer, n, n == BLOCK);
        }
        carried = n - last - 1;
        System.arraycopy(buffer, last + 1, carry, 0, carried);
        return new Block(buffer, last + 1, false);
    }
}
