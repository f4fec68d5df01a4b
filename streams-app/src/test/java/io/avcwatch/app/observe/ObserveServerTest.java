package io.avcwatch.app.observe;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP server on loopback without Kafka: metrics text, health codes, read-only, unknown paths. */
class ObserveServerTest {
    private final HttpClient client = HttpClient.newHttpClient();
    private PrometheusMeterRegistry registry;
    private ObserveServer server;

    @BeforeEach
    void start() throws Exception {
        registry = Registries.prometheus();
        server = ObserveServer.start(HttpSettings.loopback(0), registry);
    }

    @AfterEach
    void stop() {
        server.close();
        registry.close();
    }

    @Test
    void metricsAreThePrometheusTextOfTheRegistry() throws Exception {
        new PipelineMeters(registry).recordRead("node1");
        new PipelineMeters(registry).recordRead("node1");

        final HttpResponse<String> r = get("/metrics");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        assertThat(r.body()).contains("avcwatch_audit_records_total{host=\"node1\"} 2.0")
                .contains("jvm_memory_used_bytes");
    }

    @Test
    void healthIs503UntilTheCheckSaysUpAndCarriesItsDetails() throws Exception {
        assertThat(get("/health").statusCode()).isEqualTo(503);

        server.serveHealth(() -> new Health(true, Map.of("streams_state", "RUNNING")));
        final HttpResponse<String> up = get("/health");
        assertThat(up.statusCode()).isEqualTo(200);
        assertThat(up.body()).contains("\"status\":\"UP\"").contains("\"streams_state\":\"RUNNING\"");

        server.serveHealth(() -> new Health(false, Map.of("streams_state", "REBALANCING")));
        assertThat(get("/health").statusCode()).isEqualTo(503);
    }

    @Test
    void onlyGetAndHeadAreAnswered() throws Exception {
        final HttpResponse<String> post = client.send(HttpRequest.newBuilder(uri("/metrics"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
    }

    @Test
    void theApiIs503WithoutStreamsAndUnknownPathsAre404() throws Exception {
        assertThat(get("/api/alerts/recent").statusCode()).isEqualTo(503);
        assertThat(get("/nothing-here").statusCode()).isEqualTo(404);
    }

    @Test
    void itListensOnLoopbackByDefault() {
        assertThat(HttpSettings.loopback(0).bindHost()).isEqualTo("127.0.0.1");
        assertThat(server.advertisedAddress()).isEqualTo("127.0.0.1:" + server.port());
    }

    private HttpResponse<String> get(final String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(final String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }
}
