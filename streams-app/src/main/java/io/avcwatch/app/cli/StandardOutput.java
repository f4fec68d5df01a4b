package io.avcwatch.app.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;

/**
 * The process's standard output as picocli prints it, plus a byte view of the same descriptor
 * for commands that produce UTF-8 in bulk ({@code parse} writes hundreds of megabytes; going
 * through a Writer would decode and re-encode every byte). Tests that capture output install
 * their own PrintWriter instead, and such commands fall back to it.
 */
final class StandardOutput extends PrintWriter {

    /** Wraps picocli's own stdout writer, so every other command prints exactly as before. */
    StandardOutput(PrintWriter picocliOut) {
        super(picocliOut, true);
    }

    /** Flushes what was printed so far and returns stdout as bytes (unbuffered; not to be closed). */
    OutputStream bytes() {
        flush();
        return new FileOutputStream(FileDescriptor.out);
    }
}
