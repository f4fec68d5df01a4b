package io.avcwatch.parsers.stream;

import io.avcwatch.parsers.assemble.AssemblerSettings;
import io.avcwatch.parsers.assemble.Assembly;
import io.avcwatch.parsers.assemble.EventAssembler;
import java.util.List;
import java.util.Map;

/**
 * {@link EventAssembler}'s assembly (the same {@link Assembly}: completion, event-time timeout,
 * in-flight limit, lost serials, late EOE) over {@link RecordRef}s instead of parsed records, so the
 * byte path assembles exactly the same events. Not thread-safe.
 */
final class RefAssembler {

    /** Receives a complete event: the first record's node and stamp, the records in arrival order. */
    interface Sink {
        void event(RecordRef first, List<RecordRef> records);
    }

    private static final Assembly.Facts<RecordRef> FACTS = new Assembly.Facts<>() {
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

    private final Assembly<RecordRef> assembly;

    RefAssembler(AssemblerSettings settings, Sink sink) {
        this.assembly = new Assembly<>(settings, FACTS, records -> sink.event(records.get(0), records));
    }

    void accept(RecordRef record) {
        assembly.accept(record);
    }

    /** Moves the rendered bytes of open events' records out of the block buffer {@code shared}. */
    void detach(byte[] shared) {
        assembly.forEachOpenRecord(record -> record.detach(shared));
    }

    void flush() {
        assembly.flush();
    }

    long emitted() {
        return assembly.emitted();
    }

    long evicted() {
        return assembly.evicted();
    }

    long timedOut() {
        return assembly.timedOut();
    }

    long lateEoe() {
        return assembly.lateEoe();
    }

    Map<String, Long> lostEvents() {
        return assembly.lostEvents();
    }
}
