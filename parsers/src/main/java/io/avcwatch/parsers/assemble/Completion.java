package io.avcwatch.parsers.assemble;

import io.avcwatch.parsers.AuditRecord;
import java.util.List;

/**
 * When an event is complete, as a pure function so the in-memory {@link EventAssembler} and a
 * Kafka Streams processor decide alike. EOE is often missing from {@code audit.log}, so besides
 * EOE an event also completes on a standalone record type and on a PROCTITLE that follows the
 * SYSCALL (the kernel writes PROCTITLE last, but it can also arrive first when lines are
 * reordered, hence "after SYSCALL"). Everything else completes by timeout in event time.
 */
public final class Completion {
    private Completion() {
    }

    /** How {@link EventAssembler} and {@link PartialEvent} see a parsed record. */
    public static final Assembly.Facts<AuditRecord> PARSED = new Assembly.Facts<>() {
        @Override
        public String host(AuditRecord record) {
            return record.host();
        }

        @Override
        public long serial(AuditRecord record) {
            return record.id().serial();
        }

        @Override
        public long epochMillis(AuditRecord record) {
            return record.id().epochMillis();
        }

        @Override
        public String type(AuditRecord record) {
            return record.type();
        }

        @Override
        public boolean standalone(AuditRecord record) {
            return isStandalone(record);
        }
    };

    /** True when an event holding {@code records} (in arrival order) needs no more records. */
    public static boolean isComplete(List<AuditRecord> records) {
        return isComplete(records, PARSED);
    }

    /** {@link #isComplete(List)} for records of any representation, seen through {@code facts}. */
    public static <R> boolean isComplete(List<R> records, Assembly.Facts<R> facts) {
        if (records.isEmpty()) {
            return false;
        }
        R last = records.get(records.size() - 1);
        String type = facts.type(last);
        if ("EOE".equals(type)) {
            return true;
        }
        if (records.size() == 1 && facts.standalone(last)) {
            return true;
        }
        if ("PROCTITLE".equals(type)) {
            for (int i = 0; i < records.size() - 1; i++) {
                if ("SYSCALL".equals(facts.type(records.get(i)))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * True for records that form an event on their own: user-space and daemon messages
     * (types 1100-1299 and 2100-2999, USER_AVC included), and records outside any event
     * context (serial 0, journald lines).
     */
    public static boolean isStandalone(AuditRecord record) {
        return isStandalone(record.id().serial(), record.typeNumber());
    }

    /** {@link #isStandalone(AuditRecord)} for a record of {@code serial} and type number {@code typeNumber}. */
    public static boolean isStandalone(long serial, int typeNumber) {
        if (serial == 0) {
            return true;
        }
        return (typeNumber >= 1100 && typeNumber <= 1299) || (typeNumber >= 2100 && typeNumber <= 2999);
    }

    /** True when an event last touched at {@code lastMillis} has waited past the timeout at {@code nowMillis}. */
    public static boolean isExpired(long lastMillis, long nowMillis, long timeoutMillis) {
        return nowMillis - lastMillis > timeoutMillis;
    }
}
