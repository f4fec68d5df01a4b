package io.avcwatch.parsers.assemble;

import io.avcwatch.parsers.AuditEvent;
import io.avcwatch.parsers.AuditRecord;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Groups parsed records into events in memory, per (host, serial), and hands each complete event to
 * a callback ({@link Assembly} over {@link AuditRecord}s). Not thread-safe: one assembler per input
 * stream.
 *
 * <p>Events complete by {@link Completion}; by timeout in event time (the newest record time
 * seen); or, when more than {@code maxInFlight} are open, oldest first. The host is
 * {@code node=}, else the syslog hostname ({@link AuditRecord#host()}): one syslog file of several
 * hosts has no node= and each host counts its own serials. A jump in a host's
 * serials counts the skipped serials as lost events. An EOE arriving after its event completed
 * is counted in {@link #lateEoe()} and not emitted as an event of its own.
 */
public final class EventAssembler {
    private final Assembly<AuditRecord> assembly;

    /** An assembler with {@code settings} that passes complete events to {@code emit}. */
    public EventAssembler(AssemblerSettings settings, Consumer<AuditEvent> emit) {
        this.assembly = new Assembly<>(settings, Completion.PARSED, records -> {
            AuditRecord first = records.get(0);
            emit.accept(new AuditEvent(first.node(), first.id(), records));
        });
    }

    /** Adds one record; may emit this and older events. */
    public void accept(AuditRecord record) {
        assembly.accept(record);
    }

    /** Emits every open event, oldest first (end of input). */
    public void flush() {
        assembly.flush();
    }

    /** Number of open events. */
    public int inFlight() {
        return assembly.inFlight();
    }

    /** Events emitted so far. */
    public long emitted() {
        return assembly.emitted();
    }

    /** Events emitted early because {@code maxInFlight} was exceeded. */
    public long evicted() {
        return assembly.evicted();
    }

    /** Events completed by timeout. */
    public long timedOut() {
        return assembly.timedOut();
    }

    /** EOE records that arrived after their event had completed. */
    public long lateEoe() {
        return assembly.lateEoe();
    }

    /** Skipped serials per host ({@code ""} for records without node or syslog host). */
    public Map<String, Long> lostEvents() {
        return assembly.lostEvents();
    }

    /** Skipped serials of host {@code node} (null for records without node or syslog host). */
    public long lostEvents(String node) {
        return assembly.lostEvents(node);
    }
}
