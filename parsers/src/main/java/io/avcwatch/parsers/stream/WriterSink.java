package io.avcwatch.parsers.stream;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Feeds a character stream (tests, callers holding a Writer) from UTF-8 writes; each write must be
 * whole events, hence whole UTF-8 sequences.
 */
final class WriterSink extends OutputStream {
    private final Writer out;

    WriterSink(Writer out) {
        this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(new String(bytes, offset, length, StandardCharsets.UTF_8));
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }
}
