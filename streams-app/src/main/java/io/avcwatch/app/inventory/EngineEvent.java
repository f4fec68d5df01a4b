package io.avcwatch.app.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A container lifecycle event from the engine's {@code GET /events} stream.
 *
 * @param action {@code create}, {@code start}, {@code die} or {@code destroy}
 * @param containerId the container's full id ({@code Actor.ID})
 * @param time when the engine saw it ({@code timeNano}, else {@code time} in seconds)
 */
public record EngineEvent(String action, String containerId, Instant time) {

    /** The actions that change who holds a label; the {@code /events} filter asks for these only. */
    public static final Set<String> ACTIONS = Set.of("create", "start", "die", "destroy");

    public EngineEvent {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(containerId, "containerId");
        Objects.requireNonNull(time, "time");
    }

    /**
     * Reads one Engine API {@code EventMessage}; empty for other types and actions, and for messages
     * missing the container id. Podman's compatible API writes the same fields.
     */
    public static Optional<EngineEvent> from(final JsonNode message) {
        final String type = message.path("Type").asText("container");
        final String action = message.path("Action").asText(message.path("status").asText(""));
        final String id = message.path("Actor").path("ID").asText(message.path("id").asText(""));
        if (!type.equals("container") || !ACTIONS.contains(action) || id.isEmpty()) {
            return Optional.empty();
        }
        final long nanos = message.path("timeNano").asLong(0);
        final Instant time = nanos > 0
                ? Instant.ofEpochSecond(0, nanos)
                : Instant.ofEpochSecond(message.path("time").asLong(0));
        return Optional.of(new EngineEvent(action, id, time));
    }
}
