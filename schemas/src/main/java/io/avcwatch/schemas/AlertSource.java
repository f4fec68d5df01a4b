package io.avcwatch.schemas;

/**
 * Provenance of an alert: the record that raised it (the first one, for aggregated alerts).
 *
 * @param host   audit node or tailer host
 * @param file   log file path, or null (plugin stream)
 * @param inode  log file inode, or null
 * @param offset byte offset in that file, or null
 * @param serial event serial
 */
public record AlertSource(String host, String file, Long inode, Long offset, long serial) {

    /** The provenance of an event on {@code host} read at {@code position} (which may be null). */
    public static AlertSource of(final String host, final EventRef event, final SourcePosition position) {
        return position == null
                ? new AlertSource(host, null, null, null, event.serial())
                : new AlertSource(host, position.file(), position.inode(), position.offset(), event.serial());
    }
}
