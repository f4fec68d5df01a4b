package io.avcwatch.parsers.stream;

import io.avcwatch.parsers.assemble.AssemblerSettings;
import io.avcwatch.parsers.assemble.Completion;
import io.avcwatch.parsers.assemble.EventAssembler;
import io.avcwatch.parsers.assemble.EventKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link EventAssembler}'s rules (completion, event-time timeout, in-flight limit, lost serials,
 * late EOE) over {@link RecordRef}s instead of parsed records, so the byte path assembles exactly
 * the same events. Not thread-safe.
 */
final class RefAssembler {
    private static final int LATE_WINDOW = 64;

    /** Receives a complete event: the first record's node and stamp, the records in arrival order. */
    interface Sink {
        void event(RecordRef first, List<RecordRef> records);
    }

    private final AssemblerSettings settings;
    private final Sink sink;
    private final LinkedHashMap<EventKey, OpenEvent> inFlight = new LinkedHashMap<>();
    private final Map<String, long[]> highestSerial = new HashMap<>();
    private final Map<String, Long> lost = new HashMap<>();
    private long now = Long.MIN_VALUE;
    private long expiredUpTo = Long.MIN_VALUE;
    private long emitted;
    private long evicted;
    private long timedOut;
    private long lateEoe;

    RefAssembler(AssemblerSettings settings, Sink sink) {
        this.settings = settings;
        this.sink = sink;
    }

    void accept(RecordRef record) {
        if (record.epochMillis > now) {
            now = record.epochMillis;
        }
        EventKey key = new EventKey(record.host, record.serial);
        OpenEvent open = inFlight.get(key);
        if (open == null && "EOE".equals(record.type) && isRecentlyClosed(key)) {
            lateEoe++;
        } else {
            if (open == null) {
                trackSerial(key);
                open = new OpenEvent(record);
            } else {
                open.add(record);
            }
            if (open.isComplete()) {
                inFlight.remove(key);
                send(open);
            } else if (open.records.size() == 1) {
                inFlight.put(key, open);
            }
        }
        expire();
    }

    /** Moves the rendered bytes of open events' records out of the block buffer {@code shared}. */
    void detach(byte[] shared) {
        for (OpenEvent open : inFlight.values()) {
            for (RecordRef record : open.records) {
                record.detach(shared);
            }
        }
    }

    private boolean isRecentlyClosed(EventKey key) {
        long[] highest = highestSerial.get(nodeKey(key.node()));
        return highest != null && key.serial() <= highest[0] && key.serial() > highest[0] - LATE_WINDOW;
    }

    private void trackSerial(EventKey key) {
        if (key.serial() == 0) {
            return;
        }
        String node = nodeKey(key.node());
        long[] highest = highestSerial.get(node);
        if (highest == null) {
            highestSerial.put(node, new long[] {key.serial()});
        } else if (key.serial() > highest[0]) {
            if (key.serial() > highest[0] + 1) {
                lost.merge(node, key.serial() - highest[0] - 1, Long::sum);
            }
            highest[0] = key.serial();
        }
    }

    private void expire() {
        if (inFlight.isEmpty() || (now == expiredUpTo && inFlight.size() <= settings.maxInFlight())) {
            return;
        }
        expiredUpTo = now;
        Iterator<OpenEvent> oldest = inFlight.values().iterator();
        while (oldest.hasNext()) {
            OpenEvent event = oldest.next();
            boolean overfull = inFlight.size() > settings.maxInFlight();
            if (!overfull && !Completion.isExpired(event.lastMillis, now, settings.timeoutMillis())) {
                return;
            }
            oldest.remove();
            if (overfull) {
                evicted++;
            } else {
                timedOut++;
            }
            send(event);
        }
    }

    void flush() {
        Iterator<OpenEvent> open = inFlight.values().iterator();
        while (open.hasNext()) {
            OpenEvent event = open.next();
            open.remove();
            send(event);
        }
    }

    private void send(OpenEvent event) {
        emitted++;
        sink.event(event.records.get(0), event.records);
    }

    /** {@link Completion#isComplete} on refs. */
    private static final class OpenEvent {
        private final List<RecordRef> records = new ArrayList<>(8);
        private long lastMillis;

        OpenEvent(RecordRef first) {
            add(first);
        }

        void add(RecordRef record) {
            records.add(record);
            lastMillis = Math.max(lastMillis, record.epochMillis);
        }

        boolean isComplete() {
            RecordRef last = records.get(records.size() - 1);
            if ("EOE".equals(last.type)) {
                return true;
            }
            if (records.size() == 1 && last.standalone) {
                return true;
            }
            if ("PROCTITLE".equals(last.type)) {
                for (int i = 0; i < records.size() - 1; i++) {
                    if ("SYSCALL".equals(records.get(i).type)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    private static String nodeKey(String node) {
        return node == null ? "" : node;
    }

    long emitted() {
        return emitted;
    }

    long evicted() {
        return evicted;
    }

    long timedOut() {
        return timedOut;
    }

    long lateEoe() {
        return lateEoe;
    }

    Map<String, Long> lostEvents() {
        return Map.copyOf(lost);
    }
}
