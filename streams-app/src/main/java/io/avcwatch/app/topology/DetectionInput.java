package io.avcwatch.app.topology;

import io.avcwatch.schemas.AvcDenial;
import io.avcwatch.schemas.MacEvent;

/** What the detection step reads, in event-time order per host; never leaves its sub-topology. */
sealed interface DetectionInput {

    /** A correlated denial from {@code avc.denials}. */
    record Denial(AvcDenial denial) implements DetectionInput {
    }

    /** A SELinux state change from {@code avc.mac-events}. */
    record StateChange(MacEvent event) implements DetectionInput {
    }
}
