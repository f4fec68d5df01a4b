package io.avcwatch.app.inventory;

import java.util.Objects;

/** The outcome of reading one inspect object: the container's facts, or why it was skipped. */
public sealed interface InspectResult {

    /** A container object that yielded its facts. */
    record Parsed(ContainerFacts facts) implements InspectResult {
        public Parsed {
            Objects.requireNonNull(facts, "facts");
        }
    }

    /**
     * Input that is not a usable container object (not JSON, an image's inspect, a bad timestamp).
     *
     * @param reason one line saying what is wrong
     * @param raw the offending input, verbatim
     */
    record Rejected(String reason, String raw) implements InspectResult {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(raw, "raw");
        }
    }
}
