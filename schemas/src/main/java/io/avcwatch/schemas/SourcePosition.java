package io.avcwatch.schemas;

/**
 * Where a record was read: lets a forensic responder go back to the exact bytes in the log.
 * Every part may be null (the auditd plugin stream has no file, inode or offset).
 *
 * @param file   path of the log file as the tailer opened it
 * @param inode  inode of that file (tells {@code audit.log} apart after rotation)
 * @param offset byte offset of the first record of the event in that file
 */
public record SourcePosition(String file, Long inode, Long offset) {
}
