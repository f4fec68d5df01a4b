package io.avcwatch.parsers.stream;

import io.avcwatch.parsers.assemble.Assembly;
import java.util.Arrays;

/**
 * What the assembling thread needs of one record: its event key, time, type and completion facts,
 * and its JSON object already rendered ({@code bytes[from, from + length)}). The bytes start in a
 * shared block buffer and are moved to an array of their own ({@link #detach}) when the record's
 * event outlives the block, so block buffers can be reused.
 */
final class RecordRef {
    /** How {@link Assembly} sees a handle: the byte path assembles by the very rules of the object path. */
    static final Assembly.Facts<RecordRef> FACTS = new Assembly.Facts<>() {
        @Override
        public String host(RecordRef record) {
            return record.host;
        }

        @Override
        public long serial(RecordRef record) {
            return record.serial;
        }

        @Override
        public long epochMillis(RecordRef record) {
            return record.epochMillis;
        }

        @Override
        public String type(RecordRef record) {
            return record.type;
        }

        @Override
        public boolean standalone(RecordRef record) {
            return record.standalone;
        }
    };

    final String node;
    final String host;
    final long serial;
    final long epochMillis;
    final String type;
    final boolean standalone;
    final int length;
    byte[] bytes;
    int from;

    RecordRef(String node, String host, long serial, long epochMillis, String type, boolean standalone, int from,
            int length) {
        this.node = node;
        this.host = host;
        this.serial = serial;
        this.epochMillis = epochMillis;
        this.type = type;
        this.standalone = standalone;
        this.from = from;
        this.length = length;
    }

    /** Copies the rendered bytes out of {@code shared} when they lie there. */
    void detach(byte[] shared) {
        if (bytes == shared) {
            bytes = Arrays.copyOfRange(shared, from, from + length);
            from = 0;
        }
    }
}
