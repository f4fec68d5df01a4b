package io.avcwatch.app.topology;

import io.avcwatch.parsers.AuditEvent;
import io.avcwatch.schemas.DeadLetter;

/** What the assembly step forwards; it never leaves its sub-topology, so it needs no serde. */
sealed interface AssemblyOutput {

    /** A complete event. */
    record Assembled(AuditEvent event) implements AssemblyOutput {
    }

    /** A line that could not be parsed, on its way to {@code audit.deadletter}. */
    record Rejected(DeadLetter deadLetter) implements AssemblyOutput {
    }

    /** A clock tick for the correlation joins (see {@link CorrelationInput}); its timestamp is the estimate. */
    record Tick() implements AssemblyOutput {
    }
}
