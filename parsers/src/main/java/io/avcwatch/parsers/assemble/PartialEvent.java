package io.avcwatch.parsers.assemble;

import io.avcwatch.parsers.AuditEvent;
import io.avcwatch.parsers.AuditRecord;
import io.avcwatch.parsers.EventId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An event still being assembled. Immutable: {@link #add} returns a new value, so a Kafka
 * Streams state store can hold it as is.
 *
 * @param key       node and serial
 * @param id        time and serial of the first record
 * @param records   records so far, in arrival order
 * @param lastMillis event time of the newest record, for the timeout
 */
public record PartialEvent(EventKey key, EventId id, List<AuditRecord> records, long lastMillis) {

    /** Copies the record list. */
    public PartialEvent {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(id, "id");
        records = List.copyOf(records);
    }

    /** A new event holding only {@code first}. */
    public static PartialEvent start(AuditRecord first) {
        return new PartialEvent(EventKey.of(first), first.id(), List.of(first), first.id().epochMillis());
    }

    /** This event with {@code record} appended. */
    public PartialEvent add(AuditRecord record) {
        List<AuditRecord> more = new ArrayList<>(records.size() + 1);
        more.addAll(records);
        more.add(record);
        return new PartialEvent(key, id, more, Math.max(lastMillis, record.id().epochMillis()));
    }

    /** True when no more records are expected (see {@link Completion#isComplete}). */
    public boolean isComplete() {
        return Completion.isComplete(records);
    }

    /** True when the timeout has passed at event time {@code nowMillis}. */
    public boolean isExpired(long nowMillis, long timeoutMillis) {
        return Completion.isExpired(lastMillis, nowMillis, timeoutMillis);
    }

    /** The finished event. */
    public AuditEvent toEvent() {
        return new AuditEvent(records.get(0).node(), id, records);
    }
}
