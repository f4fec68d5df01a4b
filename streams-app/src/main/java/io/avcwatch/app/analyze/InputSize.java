package io.avcwatch.app.analyze;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** How many bytes of log text the input files hold, for a progress estimate; {@code .gz} by its trailer. */
final class InputSize {

    private InputSize() {
    }

    /** The uncompressed size of every file, summed; a file that cannot be sized counts 0. */
    static long of(final List<Path> files) {
        long total = 0;
        for (final Path file : files) {
            total += of(file);
        }
        return total;
    }

    /**
     * A gzip member ends with its uncompressed size modulo 2^32 (RFC 1952, ISIZE), exact for the single-member
     * files logrotate writes below 4 GiB.
     */
    static long of(final Path file) {
        try {
            if (!file.getFileName().toString().endsWith(".gz")) {
                return Files.size(file);
            }
            try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
                if (in.length() < 4) {
                    return 0;
                }
                in.seek(in.length() - 4);
                final byte[] b = new byte[4];
                in.readFully(b);
                return (b[0] & 0xffL) | (b[1] & 0xffL) << 8 | (b[2] & 0xffL) << 16 | (b[3] & 0xffL) << 24;
            }
        } catch (IOException e) {
            return 0;
        }
    }
}
