package io.avcwatch.schemas;

import java.time.Instant;
import java.util.Objects;

/**
 * The value of the tailer's compacted checkpoint topic: how far one followed file has been shipped.
 * The key is {@link #key(String, String)}; a tailer commits it in the same transaction as the lines,
 * so the checkpoint and the shipped lines can never disagree.
 *
 * <p>Schema: {@code io/avcwatch/schemas/v1/tailer-checkpoint.schema.json}.
 *
 * @param host        the tailer's host
 * @param sourcePath  the followed path ({@code /var/log/audit/audit.log})
 * @param inode       inode of the file the offset refers to (the path may have been rotated since)
 * @param offset      byte offset just past the last shipped line
 * @param fingerprint a hash of the file's first bytes, to notice a reused inode; null if not computed
 * @param updatedAt   when the tailer wrote this checkpoint
 */
public record TailerCheckpoint(String host, String sourcePath, Long inode, long offset, String fingerprint,
                               Instant updatedAt) {

    public TailerCheckpoint {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(sourcePath, "sourcePath");
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative, was " + offset);
        }
    }

    /** The record key for a followed file, {@code host|path}. */
    public static String key(final String host, final String sourcePath) {
        return host + "|" + sourcePath;
    }
}
