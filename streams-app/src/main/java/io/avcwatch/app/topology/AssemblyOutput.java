package io.avcwatch.app.topology;

import io.avcwatch.parsers.AuditEvent;
import io.avcwatch.schemas.DeadLetter;
import io.avcwatch.schemas.SourcePosition;

/** What the assembly step forwards; it never leaves its task, so it needs no serde. */
sealed interface AssemblyOutput {

    /**
     * A complete event.
     *
     * @param source where its first record was read (the {@code audit.raw} headers), or null when unknown
     *               (an event restored from the state store after a restart)
     */
    record Assembled(AuditEvent event, SourcePosition source) implements AssemblyOutput {
    }

    /** A line that could not be parsed, on its way to {@code audit.deadletter}. */
    record Rejected(DeadLetter deadLetter) implements AssemblyOutput {
    }

    /** The finite input of this task ended ({@link EndOfInput}); every open event was completed before it. */
    record End() implements AssemblyOutput {
    }
}
