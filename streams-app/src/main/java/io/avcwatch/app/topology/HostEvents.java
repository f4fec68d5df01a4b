package io.avcwatch.app.topology;

import io.avcwatch.parsers.AuditEvent;
import io.avcwatch.parsers.AuditRecord;
import io.avcwatch.parsers.assemble.PartialEvent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The in-flight events of one host, with that host's own event-time clock (hosts' clocks differ, so one
 * host's records never time out another host's events). Completion follows the parser's
 * {@link io.avcwatch.parsers.assemble.Completion} rules, so live streams and {@code avcwatch parse} agree.
 * Events are kept in arrival order, which is serial order in practice, so expiry only looks at the oldest.
 */
final class HostEvents {
    /** How far below the highest serial an EOE still counts as late for an event already completed. */
    private static final int LATE_WINDOW = 64;

    private final LinkedHashMap<Long, PartialEvent> inFlight = new LinkedHashMap<>();
    private long clock = Long.MIN_VALUE;
    private long highestSerial = -1;
    private long lostEvents;
    private long lateEoe;
    private long lastArrivalWallMs;

    /**
     * Adds one record, returning the events it completed (itself and any that timed out), oldest first.
     *
     * @param touched told which stored events changed or completed
     */
    List<AuditEvent> add(final AuditRecord record, final long wallMs, final long timeoutMs, final Touched touched) {
        lastArrivalWallMs = wallMs;
        clock = Math.max(clock, record.id().epochMillis());
        final long serial = record.id().serial();
        final PartialEvent open = inFlight.remove(serial);
        final List<AuditEvent> done = new ArrayList<>(1);
        if (open == null && "EOE".equals(record.type()) && recentlyClosed(serial)) {
            lateEoe++;
        } else {
            if (open == null) {
                trackSerial(serial);
            }
            final PartialEvent next = open == null ? PartialEvent.start(record) : open.add(record);
            if (next.isComplete()) {
                done.add(next.toEvent());
                if (open != null) {
                    touched.closed(serial);
                }
            } else {
                inFlight.put(serial, next);
                touched.open(serial, next);
            }
        }
        expire(timeoutMs, done, touched);
        return done;
    }

    /** Completes the oldest event (the task holds too many); null when none is open. */
    AuditEvent evictOldest() {
        final Iterator<PartialEvent> oldest = inFlight.values().iterator();
        if (!oldest.hasNext()) {
            return null;
        }
        final PartialEvent event = oldest.next();
        oldest.remove();
        return event.toEvent();
    }

    /** Completes every open event (the host went quiet), oldest first. */
    List<AuditEvent> flush() {
        final List<AuditEvent> done = new ArrayList<>(inFlight.size());
        inFlight.values().forEach(e -> done.add(e.toEvent()));
        inFlight.clear();
        return done;
    }

    /**
     * Puts back an open event from the state store after a restart or rebalance, at wall-clock time
     * {@code wallMs}: the host counts as heard from then, so its quiet period starts anew.
     */
    void restore(final PartialEvent event, final long wallMs) {
        lastArrivalWallMs = Math.max(lastArrivalWallMs, wallMs);
        inFlight.put(event.key().serial(), event);
        clock = Math.max(clock, event.lastMillis());
        highestSerial = Math.max(highestSerial, event.key().serial());
    }

    int inFlight() {
        return inFlight.size();
    }

    long clock() {
        return clock;
    }

    long lastArrivalWallMs() {
        return lastArrivalWallMs;
    }

    /** Serials skipped so far: events the kernel or auditd lost, or a filtered log. */
    long lostEvents() {
        return lostEvents;
    }

    long lateEoe() {
        return lateEoe;
    }

    private void expire(final long timeoutMs, final List<AuditEvent> done, final Touched touched) {
        final Iterator<PartialEvent> oldest = inFlight.values().iterator();
        while (oldest.hasNext()) {
            final PartialEvent event = oldest.next();
            if (!event.isExpired(clock, timeoutMs)) {
                return;
            }
            oldest.remove();
            done.add(event.toEvent());
            touched.closed(event.key().serial());
        }
    }

    private boolean recentlyClosed(final long serial) {
        return serial <= highestSerial && serial > highestSerial - LATE_WINDOW;
    }

    private void trackSerial(final long serial) {
        if (serial == 0) {
            return;
        }
        if (serial > highestSerial) {
            if (highestSerial >= 0 && serial > highestSerial + 1) {
                lostEvents += serial - highestSerial - 1;
            }
            highestSerial = serial;
        }
    }

    /** Told which stored event changed, so the processor can mirror it in the state store. */
    interface Touched {
        /** {@code event} is open and changed. */
        void open(long serial, PartialEvent event);

        /** The stored event {@code serial} completed. */
        void closed(long serial);
    }
}
