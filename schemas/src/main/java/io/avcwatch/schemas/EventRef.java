package io.avcwatch.schemas;

import java.time.Instant;
import java.util.Objects;

/**
 * Identifies one audit event: the serial and time of {@code msg=audit(SECONDS.MILLIS:SERIAL)}.
 *
 * @param serial    the event serial number (per node, per boot)
 * @param timestamp the time exactly as audit prints it, {@code SECONDS.MILLIS} (e.g. {@code 1713603292.240})
 * @param time      the same instant in ISO-8601 UTC, for humans and SIEMs
 */
public record EventRef(long serial, String timestamp, Instant time) {

    public EventRef {
        Objects.requireNonNull(timestamp, "timestamp");
    }

    /** The reference for an event at {@code epochMillis} with {@code serial}. */
    public static EventRef of(final long epochMillis, final long serial) {
        return new EventRef(serial, auditTimestamp(epochMillis), Instant.ofEpochMilli(epochMillis));
    }

    /** Formats epoch milliseconds the way audit does: seconds, a dot, three digits of milliseconds. */
    public static String auditTimestamp(final long epochMillis) {
        final long seconds = Math.floorDiv(epochMillis, 1000L);
        final long millis = Math.floorMod(epochMillis, 1000L);
        return seconds + "." + (millis < 10 ? "00" : millis < 100 ? "0" : "") + millis;
    }
}
