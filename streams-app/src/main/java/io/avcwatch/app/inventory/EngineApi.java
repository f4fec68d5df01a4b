package io.avcwatch.app.inventory;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The read-only part of the Docker Engine API that the inventory needs, over a unix socket. Podman
 * serves the same calls on its Docker-compatible socket.
 *
 * <p>Only {@code GET} requests are ever sent: {@code /containers/json?all=1},
 * {@code /containers/{id}/json} and the streamed {@code /events}. Paths carry no API version, so the
 * engine answers with its own (every Docker since 1.25 and Podman's compat layer accept that).
 */
public final class EngineApi implements Closeable {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String EVENT_FILTER = "{\"type\":[\"container\"],\"event\":[\"create\",\"start\",\"die\",\"destroy\"]}";

    private final Path socket;
    private final DockerHttpClient http;

    private EngineApi(final Path socket, final DockerHttpClient http) {
        this.socket = socket;
        this.http = http;
    }

    /** A client for the engine listening on {@code socket}; connects lazily, per request. */
    public static EngineApi overSocket(final Path socket) {
        final DockerHttpClient http = new ZerodepDockerHttpClient.Builder()
                .dockerHost(URI.create("unix://" + socket.toAbsolutePath()))
                .connectionTimeout(Duration.ofSeconds(5))
                .maxConnections(4)
                .build();
        return new EngineApi(socket, http);
    }

    /** Ids of every container the engine knows, running or not. */
    public List<String> containerIds() throws EngineException {
        final JsonNode list = getJson("/containers/json?all=1");
        if (!list.isArray()) {
            throw new EngineException("GET /containers/json did not return an array");
        }
        final List<String> ids = new ArrayList<>();
        list.forEach(c -> ids.add(c.path("Id").asText(c.path("ID").asText(""))));
        ids.removeIf(String::isEmpty);
        return List.copyOf(ids);
    }

    /** The raw inspect JSON of one container; empty when the engine no longer knows it (404). */
    public Optional<String> inspect(final String containerId) throws EngineException {
        final String path = "/containers/" + URLEncoder.encode(containerId, StandardCharsets.UTF_8) + "/json";
        try (DockerHttpClient.Response response = get(path)) {
            if (response.getStatusCode() == 404) {
                return Optional.empty();
            }
            return Optional.of(new String(body(path, response), StandardCharsets.UTF_8));
        }
    }

    /**
     * Follows container lifecycle events from {@code since} on (the engine replays what it still
     * remembers, so a reconnect misses nothing it kept). Close the stream to stop waiting.
     */
    public EventStream events(final Instant since) throws EngineException {
        final String path = "/events?since=" + since.getEpochSecond()
                + "&filters=" + URLEncoder.encode(EVENT_FILTER, StandardCharsets.UTF_8);
        final DockerHttpClient.Response response = get(path);
        if (response.getStatusCode() != 200) {
            response.close();
            throw new EngineException("GET /events answered HTTP " + response.getStatusCode());
        }
        try {
            return new EventStream(response, MAPPER.createParser(response.getBody()));
        } catch (IOException e) {
            response.close();
            throw new EngineException("cannot read /events from " + socket + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        http.close();
    }

    /** A live {@code /events} response read one message at a time. */
    public static final class EventStream implements Closeable {
        private final DockerHttpClient.Response response;
        private final JsonParser parser;

        private EventStream(final DockerHttpClient.Response response, final JsonParser parser) {
            this.response = response;
            this.parser = parser;
        }

        /**
         * Blocks for the next lifecycle event; empty when the engine ended the stream. Messages of
         * other kinds are skipped.
         */
        public Optional<EngineEvent> next() throws EngineException {
            try {
                while (parser.nextToken() != null) {
                    final Optional<EngineEvent> event = EngineEvent.from(MAPPER.readTree(parser));
                    if (event.isPresent()) {
                        return event;
                    }
                }
                return Optional.empty();
            } catch (IOException e) {
                throw new EngineException("event stream broke: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            try {
                parser.close();
            } catch (IOException ignored) {
                // the response below releases the connection either way
            }
            response.close();
        }
    }

    private JsonNode getJson(final String path) throws EngineException {
        try (DockerHttpClient.Response response = get(path)) {
            return MAPPER.readTree(body(path, response));
        } catch (IOException e) {
            throw new EngineException("GET " + path + " returned malformed JSON: " + e.getMessage(), e);
        }
    }

    private DockerHttpClient.Response get(final String path) throws EngineException {
        final DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET)
                .path(path)
                .build();
        try {
            return http.execute(request);
        } catch (RuntimeException e) {
            // the transport wraps socket errors (missing socket, refused, reset) in unchecked exceptions
            throw new EngineException("cannot reach the engine at " + socket + ": " + rootMessage(e), e);
        }
    }

    private byte[] body(final String path, final DockerHttpClient.Response response) throws EngineException {
        try (InputStream in = response.getBody()) {
            final byte[] bytes = in.readAllBytes();
            if (response.getStatusCode() != 200) {
                throw new EngineException("GET " + path + " answered HTTP " + response.getStatusCode() + ": "
                        + new String(bytes, StandardCharsets.UTF_8).strip());
            }
            return bytes;
        } catch (IOException e) {
            throw new EngineException("GET " + path + " failed: " + e.getMessage(), e);
        }
    }

    private static String rootMessage(final Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
