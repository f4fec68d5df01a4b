package io.avcwatch.app.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Docker Engine stand-in: an HTTP/1.1 server on a unix domain socket that answers
 * {@code GET /containers/json}, {@code GET /containers/{id}/json} and a chunked {@code GET /events}
 * from recorded Engine API responses under {@code src/test/resources/inventory/engine/RECORDING/}:
 * {@code containers.json}, {@code inspect/*.json} (served in {@code index.txt} order per container id,
 * the last one repeating, so a container can be "created" first and "running" later) and
 * {@code events.jsonl}.
 * Every request line is kept so tests can check that only reads were sent.
 */
final class RecordedEngine implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path socket;
    private final ServerSocketChannel server;
    private final Thread acceptor;
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private volatile Recording recording;

    private RecordedEngine(final Path socket, final ServerSocketChannel server, final Recording recording) {
        this.socket = socket;
        this.server = server;
        this.recording = recording;
        this.acceptor = new Thread(this::acceptLoop, "recorded-engine");
        this.acceptor.setDaemon(true);
    }

    /** Serves {@code recording} on {@code socket} until closed. */
    static RecordedEngine serve(final Path socket, final String recording) throws IOException {
        final ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        final RecordedEngine engine = new RecordedEngine(socket, server, Recording.load(recording));
        engine.acceptor.start();
        return engine;
    }

    /** Every request line received so far ({@code GET /events?...}). */
    List<String> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** Switches to another recording, as if containers had changed while nobody watched. */
    void replay(final String name) {
        recording = Recording.load(name);
    }

    @Override
    public void close() throws IOException {
        server.close();
        Files.deleteIfExists(socket);
    }

    private void acceptLoop() {
        while (server.isOpen()) {
            try {
                final SocketChannel client = server.accept();
                final Thread handler = new Thread(() -> handle(client), "recorded-engine-conn");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void handle(final SocketChannel client) {
        try (client; InputStream in = Channels.newInputStream(client);
                OutputStream out = Channels.newOutputStream(client)) {
            final BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1));
            final String requestLine = reader.readLine();
            if (requestLine == null) {
                return;
            }
            for (String header = reader.readLine(); header != null && !header.isEmpty(); header = reader.readLine()) {
                // headers are not needed: every answer closes the connection
            }
            requests.add(requestLine);
            final String[] parts = requestLine.split(" ");
            final String method = parts[0];
            final String target = parts.length > 1 ? parts[1] : "/";
            if (!method.equals("GET")) {
                respond(out, 405, "{\"message\":\"read-only engine stand-in\"}");
            } else if (target.startsWith("/events")) {
                streamEvents(out);
            } else if (target.equals("/containers/json?all=1")) {
                respond(out, 200, recording.list());
            } else if (target.startsWith("/containers/") && target.endsWith("/json")) {
                final String id = target.substring("/containers/".length(), target.length() - "/json".length());
                final String body = recording.inspect(id);
                respond(out, body == null ? 404 : 200,
                        body == null ? "{\"message\":\"No such container: " + id + "\"}" : body);
            } else {
                respond(out, 404, "{\"message\":\"page not found\"}");
            }
        } catch (IOException e) {
            // the client hung up; nothing to answer
        }
    }

    private static void respond(final OutputStream out, final int status, final String body) throws IOException {
        final byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        final String head = "HTTP/1.1 " + status + " " + (status == 200 ? "OK" : "Error") + "\r\n"
                + "Api-Version: 1.47\r\nContent-Type: application/json\r\nServer: Docker/27.5.1 (linux)\r\n"
                + "Content-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(bytes);
        out.flush();
    }

    /** Docker sends each event as one chunk holding a JSON object and a newline. */
    private void streamEvents(final OutputStream out) throws IOException {
        out.write(("HTTP/1.1 200 OK\r\nApi-Version: 1.47\r\nContent-Type: application/json\r\n"
                + "Server: Docker/27.5.1 (linux)\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        for (final String event : recording.events()) {
            final byte[] chunk = (event + "\n").getBytes(StandardCharsets.UTF_8);
            out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(chunk);
            out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /**
     * The recorded answers of one engine state. {@code inspect/index.txt} lists the inspect files in
     * serving order; a line {@code 404 ID} makes that container's next inspect answer "No such container".
     */
    private static final class Recording {
        private static final String GONE = "404 ";

        private final String list;
        private final Map<String, Deque<Optional<String>>> inspects;
        private final List<String> events;

        private Recording(final String list, final Map<String, Deque<Optional<String>>> inspects, final List<String> events) {
            this.list = list;
            this.inspects = inspects;
            this.events = events;
        }

        static Recording load(final String name) {
            final String base = "engine/" + name + "/";
            final Map<String, Deque<Optional<String>>> inspects = new HashMap<>();
            for (final String line : InspectFixtures.text(base + "inspect/index.txt").strip().split("\\R")) {
                if (line.startsWith(GONE)) {
                    inspects.computeIfAbsent(line.substring(GONE.length()), k -> new ArrayDeque<>()).addLast(Optional.empty());
                } else {
                    final String body = InspectFixtures.text(base + "inspect/" + line);
                    inspects.computeIfAbsent(id(body), k -> new ArrayDeque<>()).addLast(Optional.of(body));
                }
            }
            final List<String> events = InspectFixtures.text(base + "events.jsonl").lines()
                    .filter(l -> !l.isBlank()).toList();
            return new Recording(InspectFixtures.text(base + "containers.json"), inspects, events);
        }

        String list() {
            return list;
        }

        List<String> events() {
            return events;
        }

        synchronized String inspect(final String id) {
            final Deque<Optional<String>> answers = inspects.get(id);
            if (answers == null) {
                return null;
            }
            return (answers.size() > 1 ? answers.removeFirst() : answers.peekFirst()).orElse(null);
        }

        private static String id(final String inspect) {
            try {
                final JsonNode node = MAPPER.readTree(inspect);
                return node.path("Id").asText();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
