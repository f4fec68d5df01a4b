package io.avcwatch.tailer;

/**
 * Where a followed file has been shipped up to: the file's inode (so a rotated file is found under
 * its new name) and the byte offset just after the last shipped line.
 *
 * <p>Stored in the checkpoint topic as a {@code TailerCheckpoint} (schemas module).
 */
public record FilePosition(long inode, long offset) {
}
