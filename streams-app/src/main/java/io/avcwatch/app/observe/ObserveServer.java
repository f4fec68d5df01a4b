package io.avcwatch.app.observe;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.avcwatch.schemas.Json;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read-only HTTP server of {@code avcwatch streams} and {@code avcwatch tail} (the JDK's server: no
 * dependency). GET only:
 * <ul>
 *   <li>{@code /metrics}: Prometheus text format;
 *   <li>{@code /health}: 200 or 503 with a JSON object of what was checked;
 *   <li>{@code /api/alerts/recent?limit=N}: the N newest alerts (1-1000, default 50) across every instance;
 *   <li>{@code /api/containers/ID/denials}: {@link ContainerDenials} of one container, from its owner.
 * </ul>
 * {@code scope=local} answers from this instance's stores only (what instances ask each other). The API
 * starts answering once {@link #serveApi} is called; until then {@code /api} is 503 and health is "starting".
 */
public final class ObserveServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ObserveServer.class);
    private static final Pattern CONTAINER_DENIALS = Pattern.compile("/api/containers/([^/]{1,256})/denials");
    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = ApiViews.RECENT_ALERTS_PER_PARTITION;
    private static final String JSON = "application/json; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService executor;
    private final PrometheusMeterRegistry registry;
    private final String advertisedHost;
    private volatile Supplier<Health> health = () -> new Health(false, Map.of("status", "starting"));
    private volatile ClusterQueries queries;

    private ObserveServer(final HttpServer server, final ExecutorService executor,
            final PrometheusMeterRegistry registry, final String advertisedHost) {
        this.server = server;
        this.executor = executor;
        this.registry = registry;
        this.advertisedHost = advertisedHost;
    }

    /**
     * Binds and starts the server.
     *
     * @throws IOException when the address cannot be bound (port taken, unknown host)
     */
    public static ObserveServer start(final HttpSettings settings, final PrometheusMeterRegistry registry)
            throws IOException {
        final InetAddress bind = InetAddress.getByName(settings.bindHost());
        final HttpServer server = HttpServer.create(new InetSocketAddress(bind, settings.port()), 16);
        // Two threads: a scrape never waits behind a slow cross-instance query, and load stays bounded.
        final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
            final Thread t = new Thread(r, "avcwatch-http");
            t.setDaemon(true);
            return t;
        });
        final String advertised = settings.advertised() != null ? settings.advertised()
                : bind.isAnyLocalAddress() ? InetAddress.getLocalHost().getCanonicalHostName() : bind.getHostAddress();
        final ObserveServer observe = new ObserveServer(server, executor, registry, advertised);
        server.createContext("/", observe::handle);
        server.setExecutor(executor);
        server.start();
        LOG.info("HTTP API on http://{}:{}/ (metrics, health, api)", settings.bindHost(), observe.port());
        return observe;
    }

    /** The bound port (the chosen one when the settings said 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code host:port} other instances call: the value for {@code application.server}. */
    public String advertisedAddress() {
        return advertisedHost + ":" + port();
    }

    /** Where {@code /health} gets its answer from. */
    public void serveHealth(final Supplier<Health> check) {
        this.health = check;
    }

    /** Starts answering {@code /api}. */
    public void serveApi(final ClusterQueries clusterQueries) {
        this.queries = clusterQueries;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(final HttpExchange exchange) throws IOException {
        try (exchange) {
            final String method = exchange.getRequestMethod();
            if (!"GET".equals(method) && !"HEAD".equals(method)) {
                exchange.getResponseHeaders().add("Allow", "GET, HEAD");
                send(exchange, 405, JSON, error("read-only API: GET only"));
                return;
            }
            route(exchange, exchange.getRequestURI());
        } catch (RuntimeException e) {
            LOG.warn("HTTP {} failed", exchange.getRequestURI().getPath(), e);
        }
    }

    private void route(final HttpExchange exchange, final URI uri) throws IOException {
        final String path = uri.getRawPath();
        final Map<String, String> params = params(uri.getRawQuery());
        if (path.equals("/metrics")) {
            send(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape());
        } else if (path.equals("/health")) {
            final Health h = health.get();
            final Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", h.up() ? "UP" : "DOWN");
            body.putAll(h.details());
            send(exchange, h.status(), JSON, Json.toJson(body));
        } else if (path.startsWith("/api/")) {
            api(exchange, path, params);
        } else {
            send(exchange, 404, JSON, error("no such endpoint; try /metrics, /health, /api/alerts/recent,"
                    + " /api/containers/ID/denials"));
        }
    }

    private void api(final HttpExchange exchange, final String path, final Map<String, String> params)
            throws IOException {
        final ClusterQueries q = queries;
        if (q == null) {
            send(exchange, 503, JSON, error("interactive queries are not available (yet) on this process"));
            return;
        }
        final boolean localOnly = "local".equals(params.get("scope"));
        final Matcher container = CONTAINER_DENIALS.matcher(path);
        try {
            if (path.equals("/api/alerts/recent")) {
                final Integer limit = limit(params.get("limit"));
                if (limit == null) {
                    send(exchange, 400, JSON, error("limit must be a number from 1 to " + MAX_LIMIT));
                    return;
                }
                send(exchange, 200, JSON, Json.toJson(q.recentAlerts(limit, localOnly)));
            } else if (container.matches()) {
                final String id = URLDecoder.decode(container.group(1), StandardCharsets.UTF_8);
                final var denials = q.containerDenials(id, localOnly);
                if (denials.isPresent()) {
                    send(exchange, 200, JSON, Json.toJson(denials.get()));
                } else {
                    send(exchange, 404, JSON, error("no denials recorded for that container"));
                }
            } else {
                send(exchange, 404, JSON, error("no such endpoint"));
            }
        } catch (QueryUnavailableException e) {
            send(exchange, 503, JSON, error(e.getMessage()));
        }
    }

    private static Integer limit(final String text) {
        if (text == null) {
            return DEFAULT_LIMIT;
        }
        try {
            final int n = Integer.parseInt(text);
            return n >= 1 && n <= MAX_LIMIT ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Map<String, String> params(final String rawQuery) {
        final Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (final String pair : rawQuery.split("&")) {
            final int eq = pair.indexOf('=');
            final String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            final String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.putIfAbsent(name, value);
        }
        return params;
    }

    private static String error(final String message) {
        return Json.toJson(Map.of("error", message));
    }

    private static void send(final HttpExchange exchange, final int status, final String type, final String body)
            throws IOException {
        final byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        final boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
