package io.avcwatch.app.observe;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Asks another instance of the application for what its local stores hold, over its read-only API with
 * {@code scope=local} (so the other instance never forwards in turn).
 */
final class RemoteInstances {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** The body of {@code GET path?scope=local&query} on {@code owner}; empty on 404. */
    Optional<String> get(final HostInfo owner, final String path, final String query) {
        final URI uri = URI.create("http://" + owner.host() + ":" + owner.port() + path + "?scope=local"
                + (query.isEmpty() ? "" : "&" + query));
        final HttpRequest request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build();
        try {
            final HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404) {
                return Optional.empty();
            }
            if (response.statusCode() != 200) {
                throw new QueryUnavailableException("instance " + owner.host() + ":" + owner.port()
                        + " answered " + response.statusCode(), null);
            }
            return Optional.of(response.body());
        } catch (IOException e) {
            throw new QueryUnavailableException("instance " + owner.host() + ":" + owner.port()
                    + " unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QueryUnavailableException("interrupted while asking " + owner.host() + ":" + owner.port(), e);
        }
    }

    /** One path segment, percent-encoded. */
    static String segment(final String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
