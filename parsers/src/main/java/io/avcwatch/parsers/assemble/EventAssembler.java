package io.avcwatch.parsers.assemble;

import io.avcwatch.parsers.AuditEvent;
import io.avcwatch.parsers.AuditRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Groups records into events in memory, per (host, serial), and hands each complete event to a
 * callback. Not thread-safe: one assembler per input stream.
 *
 * <p>Events complete by {@link Completion}; by timeout in event time (the newest record time
 * seen); or, when more than {@code maxInFlight} are open, oldest first. The host is
 * {@code node=}, else the syslog hostname ({@link AuditRecord#host()}): one syslog file of several
 * hosts has no node= and each host counts its own serials. A jump in a host's
 * serials counts the skipped serials as lost events. An EOE arriving after its event completed
 * is counted in {@link #lateEoe()} and not emitted as an event of its own.
 */
public final class EventAssembler {
    private static final int LATE_WINDOW = 64;

    private final AssemblerSettings settings;
    private final Consumer<AuditEvent> emit;
    private final LinkedHashMap<EventKey, OpenEvent> inFlight = new LinkedHashMap<>();
    private final Map<String, long[]> highestSerial = new HashMap<>();
    private final Map<String, Long> lost = new HashMap<>();
    private long now = Long.MIN_VALUE;
    private long expiredUpTo = Long.MIN_VALUE;
    private long emitted;
    private long evicted;
    private long timedOut;
    private long lateEoe;

    /** An assembler with {@code settings} that passes complete events to {@code emit}. */
    public EventAssembler(AssemblerSettings settings, Consumer<AuditEvent> emit) {
        this.settings = settings;
        this.emit = emit;
    }

    /** Adds one record; may emit this and older events. */
    public void accept(AuditRecord record) {
        long time = record.id().epochMillis();
        if (time > now) {
            now = time;
        }
        EventKey key = EventKey.of(record);
        OpenEvent open = inFlight.get(key);
        if (open == null && "EOE".equals(record.type()) && isRecentlyClosed(key)) {
            lateEoe++;
        } else {
            if (open == null) {
                trackSerial(key);
                open = new OpenEvent(key, record);
            } else {
                open.add(record);
            }
            if (Completion.isComplete(open.records)) {
                inFlight.remove(key);
                send(open);
            } else if (open.records.size() == 1) {
                inFlight.put(key, open);
            }
        }
        expire();
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
        // Only a clock step or an overfull table can expire anything.
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

    /** Emits every open event, oldest first (end of input). */
    public void flush() {
        Iterator<OpenEvent> open = inFlight.values().iterator();
        while (open.hasNext()) {
            OpenEvent event = open.next();
            open.remove();
            send(event);
        }
    }

    private void send(OpenEvent event) {
        emitted++;
        emit.accept(new AuditEvent(event.first.node(), event.first.id(), event.records));
    }

    /**
     * The mutable twin of {@link PartialEvent} for this single-threaded assembler: same
     * {@link Completion} rules, without copying the record list on every record.
     */
    private static final class OpenEvent {
        private final EventKey key;
        private final AuditRecord first;
        private final List<AuditRecord> records = new ArrayList<>(8);
        private long lastMillis;

        OpenEvent(EventKey key, AuditRecord first) {
            this.key = key;
            this.first = first;
            add(first);
        }

        void add(AuditRecord record) {
            records.add(record);
            lastMillis = Math.max(lastMillis, record.id().epochMillis());
        }
    }

    private static String nodeKey(String node) {
        return node == null ? "" : node;
    }

    /** Number of open events. */
    public int inFlight() {
        return inFlight.size();
    }

    /** Events emitted so far. */
    public long emitted() {
        return emitted;
    }

    /** Events emitted early because {@code maxInFlight} was exceeded. */
    public long evicted() {
        return evicted;
    }

    /** Events completed by timeout. */
    public long timedOut() {
        return timedOut;
    }

    /** EOE records that arrived after their event had completed. */
    public long lateEoe() {
        return lateEoe;
    }

    /** Skipped serials per host ({@code ""} for records without node or syslog host). */
    public Map<String, Long> lostEvents() {
        return Map.copyOf(lost);
    }

    /** Skipped serials of host {@code node} (null for records without node or syslog host). */
    public long lostEvents(String node) {
        return lost.getOrDefault(nodeKey(node), 0L);
    }
}
