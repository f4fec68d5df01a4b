package io.avcwatch.app.cli;

import java.io.OutputStream;
import java.io.PrintWriter;

/**
 * The process's standard output as picocli prints it, plus a byte view of the same descriptor
 * for commands that produce UTF-8 in bulk ({@code parse} writes hundreds of megabytes; going
 * through a Writer would decode and re-encode every byte). Tests that capture output install
 * their own PrintWriter instead, and such commands fall back to it.
 */
final class StandardOutput extends PrintWriter {
    private final OutputStream bytes;

    /**
     * Wraps picocli's own stdout writer, so every other command prints exactly as before;
     * {@code bytes} is the same destination unbuffered (Main passes the stdout descriptor).
     */
    StandardOutput(PrintWriter picocliOut, OutputStream bytes) {
        super(picocliOut, true);
        this.bytes = bytes;
    }

    /** Flushes what was printed so far and returns the byte view (not to be closed). */
    OutputStream bytes() {
        flush();
        return bytes;
    }
}
