package io.avcwatch.parsers.assemble;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The one implementation of event assembly in memory, over any record representation: parsed
 * {@link io.avcwatch.parsers.AuditRecord}s ({@link EventAssembler}) or the byte path's handles, so
 * both group exactly the same records into exactly the same events. Not thread-safe.
 *
 * <p>Records group per (host, serial). Events complete by {@link Completion}; by timeout in event
 * time (the newest record time seen); or, when more than {@code maxInFlight} are open, oldest first.
 * A jump in a host's serials counts the skipped serials as lost events. An EOE arriving after its
 * event completed is counted in {@link #lateEoe()} and not emitted as an event of its own.
 *
 * @param <R> the record representation
 */
public final class Assembly<R> {
    private static final int LATE_WINDOW = 64;

    /** What assembly needs to know of a record. */
    public interface Facts<R> {
        /** The host that counts its own serials, or null for single-host logs. */
        String host(R record);

        long serial(R record);

        long epochMillis(R record);

        String type(R record);

        /** {@link Completion#isStandalone(long, int)} of the record. */
        boolean standalone(R record);
    }

    private final AssemblerSettings settings;
    private final Facts<R> facts;
    private final Consumer<List<R>> emit;
    private final LinkedHashMap<EventKey, OpenEvent<R>> inFlight = new LinkedHashMap<>();
    private final Map<String, long[]> highestSerial = new HashMap<>();
    private final Map<String, Long> lost = new HashMap<>();
    private long now = Long.MIN_VALUE;
    private long expiredUpTo = Long.MIN_VALUE;
    private long emitted;
    private long evicted;
    private long timedOut;
    private long lateEoe;

    /**
     * An assembly with {@code settings} that reads records through {@code facts} and passes each
     * complete event's records, in arrival order, to {@code emit}.
     */
    public Assembly(AssemblerSettings settings, Facts<R> facts, Consumer<List<R>> emit) {
        this.settings = settings;
        this.facts = facts;
        this.emit = emit;
    }

    /** Adds one record; may emit this and older events. */
    public void accept(R record) {
        long time = facts.epochMillis(record);
        if (time > now) {
            now = time;
        }
        EventKey key = new EventKey(facts.host(record), facts.serial(record));
        OpenEvent<R> open = inFlight.get(key);
        if (open == null && "EOE".equals(facts.type(record)) && isRecentlyClosed(key)) {
            lateEoe++;
        } else {
            if (open == null) {
                trackSerial(key);
                open = new OpenEvent<>();
            }
            open.records.add(record);
            open.lastMillis = Math.max(open.lastMillis, time);
            if (Completion.isComplete(open.records, facts)) {
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
        Iterator<OpenEvent<R>> oldest = inFlight.values().iterator();
        while (oldest.hasNext()) {
            OpenEvent<R> event = oldest.next();
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
        Iterator<OpenEvent<R>> open = inFlight.values().iterator();
        while (open.hasNext()) {
            OpenEvent<R> event = open.next();
            open.remove();
            send(event);
        }
    }

    /** Applies {@code action} to the records of every open event. */
    public void forEachOpenRecord(Consumer<R> action) {
        for (OpenEvent<R> open : inFlight.values()) {
            open.records.forEach(action);
        }
    }

    private void send(OpenEvent<R> event) {
        emitted++;
        emit.accept(event.records);
    }

    /** An event still open: its records in arrival order and the newest time among them. */
    private static final class OpenEvent<R> {
        private final List<R> records = new ArrayList<>(8);
        private long lastMillis;
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
