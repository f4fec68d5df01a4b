package io.avcwatch.app.observe;

import java.util.Objects;

/**
 * Where the observability HTTP server listens and how other instances reach it.
 *
 * @param enabled    false: no server, no {@code /metrics}, no interactive queries from other instances
 * @param bindHost   the address to bind ({@code 127.0.0.1} by default: the API is unauthenticated)
 * @param port       the port; 0 picks a free one (tests)
 * @param advertised the host other instances call ({@code application.server}); null means the bind address, or
 *                   this machine's name when binding every interface
 */
public record HttpSettings(boolean enabled, String bindHost, int port, String advertised) {
    /** Loopback: nothing outside this machine reaches the API unless the operator says so. */
    public static final String DEFAULT_BIND = "127.0.0.1";

    public HttpSettings {
        Objects.requireNonNull(bindHost, "bindHost");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0-65535, was " + port);
        }
    }

    /** No server. */
    public static HttpSettings off() {
        return new HttpSettings(false, DEFAULT_BIND, 0, null);
    }

    /** A server on loopback at {@code port}. */
    public static HttpSettings loopback(final int port) {
        return new HttpSettings(true, DEFAULT_BIND, port, null);
    }
}
