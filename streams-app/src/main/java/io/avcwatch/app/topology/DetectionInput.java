package io.avcwatch.app.topology;

import io.avcwatch.schemas.AvcDenial;
import io.avcwatch.schemas.MacEvent;

/**
 * What the correlation step hands the detection step, in each host's arrival order; never leaves the task, so
 * it needs no serde.
 */
sealed interface DetectionInput {

    /** A correlated denial (also written to {@code avc.denials}). */
    record Denial(AvcDenial denial) implements DetectionInput {
    }

    /** A SELinux state change (also written to {@code avc.mac-events}). */
    record StateChange(MacEvent event) implements DetectionInput {
    }

    /** The finite input of this task ended ({@link EndOfInput}) and everything before it was handed over. */
    record End() implements DetectionInput {
    }
}
