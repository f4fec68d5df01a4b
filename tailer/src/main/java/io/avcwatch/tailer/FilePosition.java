package io.avcwatch.tailer;

import java.nio.charset.StandardCharsets;

/**
 * Where a followed file has been shipped up to: the file's inode (so a rotated file is found under
 * its new name) and the byte offset just after the last shipped line.
 *
 * <p>Stored in the checkpoint topic as the text {@code inode=N offset=N}.
 */
public record FilePosition(long inode, long offset) {

    /** The checkpoint value bytes. */
    public byte[] encode() {
        return ("inode=" + inode + " offset=" + offset).getBytes(StandardCharsets.US_ASCII);
    }

    /** Reads a checkpoint value; {@code null} when it is absent or not in the expected form. */
    public static FilePosition decode(final byte[] value) {
        if (value == null) {
            return null;
        }
        final String[] parts = new String(value, StandardCharsets.US_ASCII).split(" ");
        if (parts.length != 2 || !parts[0].startsWith("inode=") || !parts[1].startsWith("offset=")) {
            return null;
        }
        try {
            return new FilePosition(Long.parseLong(parts[0].substring(6)), Long.parseLong(parts[1].substring(7)));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
