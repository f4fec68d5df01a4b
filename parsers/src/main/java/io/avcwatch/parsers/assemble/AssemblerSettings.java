package io.avcwatch.parsers.assemble;

/**
 * Limits of the in-memory assembler.
 *
 * @param timeoutMillis an event without EOE is complete once event time has moved this far past
 *                      its newest record
 * @param maxInFlight   at most this many incomplete events are held; beyond it the oldest is
 *                      emitted as is
 */
public record AssemblerSettings(long timeoutMillis, int maxInFlight) {
    /** Two seconds of event time and 10,000 events: a kernel writes one event's records within milliseconds. */
    public static final AssemblerSettings DEFAULT = new AssemblerSettings(2_000, 10_000);

    /** Validates the limits. */
    public AssemblerSettings {
        if (timeoutMillis < 0 || maxInFlight < 1) {
            throw new IllegalArgumentException("timeoutMillis >= 0 and maxInFlight >= 1 required");
        }
    }
}
