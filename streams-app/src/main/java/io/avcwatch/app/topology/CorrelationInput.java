package io.avcwatch.app.topology;

import io.avcwatch.schemas.AvcDenial;

/**
 * The value on the first correlation repartition topic: a denial on its way to {@code avc.denials}, or (no
 * denial) a clock tick.
 *
 * <p>Ticks exist because a stream–table join with a grace period releases a buffered denial only when a later
 * record on the same partition moves its stream time past the denial plus the grace. Without ticks the last
 * denials before a quiet period (or at the end of a replay) would wait for the next denial, possibly forever.
 * The assembly step sends a tick to every partition from its wall-clock punctuation, stamped with the event
 * time it estimates now (last event time seen plus wall-clock time since), and ticks are dropped after the
 * join.
 *
 * @param denial the denial, or {@code null} for a tick
 */
public record CorrelationInput(AvcDenial denial) {

    /** The key ticks travel under: never a label key, which always holds {@code host|}. */
    public static final String TICK_KEY = "";

    /** A clock tick (its timestamp is the record timestamp). */
    public static CorrelationInput tick() {
        return new CorrelationInput(null);
    }

    /** A denial to correlate. */
    public static CorrelationInput of(final AvcDenial denial) {
        return new CorrelationInput(java.util.Objects.requireNonNull(denial, "denial"));
    }

    /** False for a tick. */
    public boolean hasDenial() {
        return denial != null;
    }
}
