package io.avcwatch.app.inventory;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code docker inspect} and {@code podman inspect} output into {@link ContainerFacts}.
 *
 * <p>Accepts one JSON array, several arrays one after another (inspect runs appended to one file), or
 * JSON lines of objects. Docker writes {@code Name} with a leading slash and the image reference in
 * {@code Config.Image}; podman writes the bare name, {@code ImageName}, old versions {@code ID}, and
 * timestamps with the host's UTC offset. Never throws on input: every problem is a
 * {@link InspectResult.Rejected} carrying the raw text.
 */
public final class InspectParser {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectReader TREE_READER = MAPPER.readerFor(JsonNode.class);

    /** Go's zero {@code time.Time} ({@code 0001-01-01T00:00:00Z}) and anything as old: "never". */
    private static final Instant GO_ZERO_TIME_LIMIT = Instant.parse("0002-01-01T00:00:00Z");

    private static final List<String> PODMAN_ONLY_FIELDS =
            List.of("ImageName", "OCIRuntime", "ConmonPidFile", "IsInfra", "Pod");

    /** Parses a whole inspect file: one result per container object, in input order. */
    public List<InspectResult> parse(final String text) {
        try (JsonParser roots = MAPPER.createParser(text)) {
            final List<InspectResult> results = new ArrayList<>();
            while (roots.nextToken() != null) {
                addRoot(MAPPER.readTree(roots), results);
            }
            return List.copyOf(results);
        } catch (IOException | RuntimeException damaged) {
            // A JSON-lines file with a damaged line still yields its good lines; a damaged array does not.
            if (text.stripLeading().startsWith("[")) {
                return List.of(new InspectResult.Rejected("not valid JSON: " + oneLine(damaged), text));
            }
            return parseLines(text);
        }
    }

    /** Parses one inspect object, as served by the engine's {@code GET /containers/{id}/json}. */
    public InspectResult parseObject(final String json) {
        try {
            return parseObject(TREE_READER.<JsonNode>readValue(json));
        } catch (IOException | RuntimeException damaged) {
            return new InspectResult.Rejected("not valid JSON: " + oneLine(damaged), json);
        }
    }

    /** Parses one already-read inspect object. */
    public InspectResult parseObject(final JsonNode node) {
        if (node == null || !node.isObject()) {
            return rejected("not a JSON object", node);
        }
        final String id = firstText(node, "Id", "ID");
        if (id.isEmpty()) {
            return rejected("no Id: not a container object", node);
        }
        if (!node.path("State").isObject()) {
            return rejected("no State: not a container (an image or volume inspect?)", node);
        }
        try {
            return new InspectResult.Parsed(facts(id, node));
        } catch (BadField bad) {
            return rejected(bad.getMessage(), node);
        }
    }

    private void addRoot(final JsonNode root, final List<InspectResult> results) {
        if (root.isArray()) {
            root.forEach(element -> results.add(parseObject(element)));
        } else {
            results.add(parseObject(root));
        }
    }

    private List<InspectResult> parseLines(final String text) {
        final List<InspectResult> results = new ArrayList<>();
        for (final String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                addRoot(TREE_READER.readValue(line), results);
            } catch (IOException | RuntimeException damaged) {
                results.add(new InspectResult.Rejected("not valid JSON: " + oneLine(damaged), line));
            }
        }
        return List.copyOf(results);
    }

    private static ContainerFacts facts(final String id, final JsonNode node) {
        final JsonNode state = node.path("State");
        final JsonNode host = node.path("HostConfig");
        final Optional<Instant> started = time(state, "StartedAt");
        // FinishedAt before StartedAt belongs to an earlier run: the current one has not finished.
        final Optional<Instant> finished = time(state, "FinishedAt")
                .filter(f -> started.isEmpty() || !f.isBefore(started.get()));
        return new ContainerFacts(
                engine(node),
                id,
                stripSlash(node.path("Name").asText("")),
                firstText(node.path("Config"), "Image").isEmpty()
                        ? firstText(node, "ImageName", "Image")
                        : firstText(node.path("Config"), "Image"),
                node.path("ProcessLabel").asText(""),
                node.path("MountLabel").asText(""),
                started,
                finished,
                host.path("Privileged").asBoolean(false),
                texts(host.path("SecurityOpt")),
                host.path("PidMode").asText(""),
                host.path("NetworkMode").asText(""),
                mounts(node.path("Mounts")),
                Optional.of(node.path("Pod").asText("")).filter(p -> !p.isEmpty()),
                Optional.of(node.path("Node").path("Name").asText("")).filter(n -> !n.isEmpty()),
                host.path("IpcMode").asText(""));
    }

    /** Podman writes fields Docker never does; Docker alone prefixes names with a slash. */
    private static String engine(final JsonNode node) {
        for (final String podmanOnly : PODMAN_ONLY_FIELDS) {
            if (node.has(podmanOnly)) {
                return "podman";
            }
        }
        return node.path("Name").asText("").startsWith("/") ? "docker" : "";
    }

    private static Optional<Instant> time(final JsonNode parent, final String field) {
        final JsonNode value = parent.path(field);
        if (value.isMissingNode() || value.isNull() || value.asText("").isEmpty()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw new BadField(field + ": not an RFC 3339 time: " + value);
        }
        try {
            final Instant instant = OffsetDateTime.parse(value.asText()).toInstant();
            return instant.isBefore(GO_ZERO_TIME_LIMIT) ? Optional.empty() : Optional.of(instant);
        } catch (DateTimeParseException e) {
            throw new BadField(field + ": not an RFC 3339 time: " + value.asText());
        }
    }

    private static List<ContainerFacts.Mount> mounts(final JsonNode mounts) {
        final List<ContainerFacts.Mount> result = new ArrayList<>();
        for (final JsonNode m : mounts) {
            result.add(new ContainerFacts.Mount(
                    m.path("Type").asText(""),
                    m.path("Source").asText(""),
                    m.path("Destination").asText(""),
                    m.path("RW").asBoolean(false)));
        }
        return result;
    }

    private static List<String> texts(final JsonNode array) {
        final List<String> result = new ArrayList<>();
        array.forEach(element -> result.add(element.asText("")));
        return result;
    }

    private static String firstText(final JsonNode node, final String... fields) {
        for (final String field : fields) {
            final String text = node.path(field).asText("");
            if (!text.isEmpty()) {
                return text;
            }
        }
        return "";
    }

    private static String stripSlash(final String name) {
        return name.startsWith("/") ? name.substring(1) : name;
    }

    private static InspectResult.Rejected rejected(final String reason, final JsonNode node) {
        return new InspectResult.Rejected(reason, node == null ? "" : node.toString());
    }

    private static String oneLine(final Exception e) {
        final String message = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
        final String text = message == null ? e.getClass().getSimpleName() : message;
        return text.lines().findFirst().orElse(text);
    }

    /** A field of a container object that cannot be read; becomes a {@link InspectResult.Rejected}. */
    private static final class BadField extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadField(final String message) {
            super(message, null, false, false);
        }
    }
}
