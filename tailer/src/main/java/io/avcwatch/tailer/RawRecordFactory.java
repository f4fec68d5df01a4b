package io.avcwatch.tailer;

import io.avcwatch.parsers.RecordHeader;
import io.avcwatch.schemas.RawRecordHeaders;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Turns a {@link Line} into an {@code audit.raw} record: key = the {@code node=} host, else the
 * hostname of the line's syslog prefix (a central syslog file holds many hosts, whose serials collide),
 * else the configured host; value = the line's bytes untouched; timestamp = the audit event time; headers as
 * {@link RawRecordHeaders} names them: source path, inode and byte offset (UTF-8 text). They are
 * written directly rather than through that record, and the optional reading-host header is left
 * out, because every header costs the producer per record and shipping speed is the tailer's job;
 * the key already names the host.
 *
 * <p>A line without an audit stamp (a blank line, a stray message) still ships. It takes the event
 * time of the previous stamped line from the same source, so it sorts where it stood, and the wall
 * clock only when nothing stamped came before it.
 */
public final class RawRecordFactory {
    private final String topic;
    private final byte[] defaultKey;
    private long lastEventMillis = -1;
    private String lastNode;
    private byte[] lastNodeKey;
    private String lastSource;
    private long lastInode = -1;
    private byte[] lastInodeBytes;
    private byte[] lastSourceBytes;

    /**
     * @param topic the raw topic's full name
     * @param defaultHost the key for lines without {@code node=}: {@code --host} or the hostname
     */
    public RawRecordFactory(final String topic, final String defaultHost) {
        this.topic = topic;
        this.defaultKey = defaultHost.getBytes(StandardCharsets.UTF_8);
    }

    /** The record for {@code line}. */
    public ProducerRecord<byte[], byte[]> toRecord(final Line line) {
        final AsciiView text = new AsciiView(line.bytes());
        final RecordHeader header = RecordHeader.scan(text);
        final long timestamp;
        if (header != null) {
            lastEventMillis = header.epochMillis();
            timestamp = lastEventMillis;
        } else {
            timestamp = lastEventMillis >= 0 ? lastEventMillis : System.currentTimeMillis();
        }
        final String host = header != null && header.node() != null ? header.node() : RecordHeader.syslogHost(text);
        final byte[] key = host == null ? defaultKey : nodeKey(host);
        return new ProducerRecord<>(topic, null, timestamp, key, line.bytes(), headers(line));
    }

    /**
     * The host a line is keyed on, as {@link #toRecord} keys it: {@code node=}, else the syslog prefix's
     * hostname, else {@code defaultHost}.
     */
    public static String hostOf(final byte[] line, final String defaultHost) {
        final AsciiView text = new AsciiView(line);
        final RecordHeader header = RecordHeader.scan(text);
        final String host = header != null && header.node() != null ? header.node() : RecordHeader.syslogHost(text);
        return host == null ? defaultHost : host;
    }

    /** The plugin stream has no path, archives read as streams have no inode: those headers are left out. */
    private RecordHeaders headers(final Line line) {
        final Header offset = new RawHeader(RawRecordHeaders.SOURCE_OFFSET, ascii(line.offset()));
        final boolean hasPath = !StreamSource.STDIN.equals(line.source());
        if (hasPath && line.inode() != 0) {
            return new RecordHeaders(new Header[] {
                new RawHeader(RawRecordHeaders.SOURCE_PATH, sourceBytes(line.source())),
                new RawHeader(RawRecordHeaders.SOURCE_INODE, inodeBytes(line.inode())), offset});
        }
        if (hasPath) {
            return new RecordHeaders(new Header[] {
                new RawHeader(RawRecordHeaders.SOURCE_PATH, sourceBytes(line.source())), offset});
        }
        return new RecordHeaders(new Header[] {offset});
    }

    private byte[] inodeBytes(final long inode) {
        if (inode != lastInode) {
            lastInode = inode;
            lastInodeBytes = ascii(inode);
        }
        return lastInodeBytes;
    }

    private byte[] nodeKey(final String node) {
        if (!node.equals(lastNode)) {
            lastNode = node;
            lastNodeKey = node.getBytes(StandardCharsets.UTF_8);
        }
        return lastNodeKey;
    }

    private byte[] sourceBytes(final String source) {
        if (!source.equals(lastSource)) {
            lastSource = source;
            lastSourceBytes = source.getBytes(StandardCharsets.UTF_8);
        }
        return lastSourceBytes;
    }

    private static byte[] ascii(final long n) {
        return Long.toString(n).getBytes(StandardCharsets.US_ASCII);
    }

    /** One header; Kafka copies it into the batch, so the value array may be shared between records. */
    private record RawHeader(String key, byte[] value) implements Header {
    }

    /**
     * Bytes seen as Latin-1 characters, without copying: enough for the header scan, whose tokens
     * are ASCII, and indifferent to invalid UTF-8 elsewhere in the line.
     */
    private record AsciiView(byte[] bytes, int start, int end) implements CharSequence {
        AsciiView(final byte[] bytes) {
            this(bytes, 0, bytes.length);
        }

        @Override
        public int length() {
            return end - start;
        }

        @Override
        public char charAt(final int index) {
            return (char) (bytes[start + index] & 0xff);
        }

        @Override
        public CharSequence subSequence(final int from, final int to) {
            return new AsciiView(bytes, start + from, start + to);
        }

        @Override
        public String toString() {
            return new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
        }
    }
}
