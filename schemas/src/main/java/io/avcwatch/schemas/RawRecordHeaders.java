package io.avcwatch.schemas;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The headers of an {@code audit.raw} record. The record value is the raw line, bytes exactly as read
 * without the newline; the key is the host; the record timestamp is the audit event time.
 *
 * <p>Each header value is a UTF-8 string (numbers in decimal), so {@code kcat} and
 * {@code kafka-console-consumer --property print.headers=true} show them as they are. Absent parts are
 * not written. The JSON form of this record is the header map (name to value), which
 * {@code io/avcwatch/schemas/v1/raw-record-headers.schema.json} describes.
 *
 * @param host       the host that read the line ({@code --host} or the machine name); may differ from the key,
 *                   which is the line's {@code node=} when present
 * @param sourcePath path of the log file, null for the plugin stream ({@code --stdin})
 * @param inode      inode of the file when the line was read, or null
 * @param offset     byte offset of the first byte of the line in that file (or in the stream), or null
 */
public record RawRecordHeaders(String host, String sourcePath, Long inode, Long offset) {

    public static final String HOST = "avcwatch.host";
    public static final String SOURCE_PATH = "avcwatch.source.path";
    public static final String SOURCE_INODE = "avcwatch.source.inode";
    public static final String SOURCE_OFFSET = "avcwatch.source.offset";

    /** Adds these headers to {@code headers} (replacing earlier values of the same names). */
    public void writeTo(final Headers headers) {
        toHeaderMap().forEach((name, value) -> {
            headers.remove(name);
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        });
    }

    /**
     * Reads the headers of an {@code audit.raw} record. Missing headers, and numbers that do not parse,
     * read as null: provenance is informative and must never stop a record from being processed.
     */
    public static RawRecordHeaders readFrom(final Headers headers) {
        final Map<String, String> values = new LinkedHashMap<>();
        for (final String name : new String[] {HOST, SOURCE_PATH, SOURCE_INODE, SOURCE_OFFSET}) {
            final Header header = headers.lastHeader(name);
            if (header != null && header.value() != null) {
                values.put(name, new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        return fromHeaderMap(values);
    }

    /** The header names and values that are present, in a fixed order. */
    @JsonValue
    public Map<String, String> toHeaderMap() {
        final Map<String, String> map = new LinkedHashMap<>();
        if (host != null) {
            map.put(HOST, host);
        }
        if (sourcePath != null) {
            map.put(SOURCE_PATH, sourcePath);
        }
        if (inode != null) {
            map.put(SOURCE_INODE, Long.toString(inode));
        }
        if (offset != null) {
            map.put(SOURCE_OFFSET, Long.toString(offset));
        }
        return Collections.unmodifiableMap(map);
    }

    /** The inverse of {@link #toHeaderMap()}; unknown names are ignored. */
    @JsonCreator
    public static RawRecordHeaders fromHeaderMap(final Map<String, String> values) {
        return new RawRecordHeaders(values.get(HOST), values.get(SOURCE_PATH),
                parseLong(values.get(SOURCE_INODE)), parseLong(values.get(SOURCE_OFFSET)));
    }

    private static Long parseLong(final String value) {
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
