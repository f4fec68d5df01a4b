package io.avcwatch.tailer;

/**
 * One line as read, without its newline: the bytes exactly as in the file (a CR before the LF, or
 * invalid UTF-8, stays), where it came from, and the byte range it occupied.
 *
 * @param bytes the line's bytes; not copied, callers must not modify them
 * @param source the path (or {@code -} for stdin) the line was read from
 * @param inode the file's inode, 0 for a stream
 * @param offset the byte offset of the line's first byte
 * @param end the byte offset just after the line including its newline: where reading resumes
 */
public record Line(byte[] bytes, String source, long inode, long offset, long end) {
}
