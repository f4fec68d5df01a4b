package io.avcwatch.app.cli;

import io.avcwatch.app.observe.HttpSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The observability HTTP options {@code streams} and {@code tail} share (a picocli mixin). Each command
 * has its own default port, so both run on one host without a clash.
 */
public final class HttpOptions {

    @Option(names = "--http-port", paramLabel = "PORT|off",
            description = "Port of the read-only HTTP API (/metrics, /health, /api/...): a number, 0 for any free"
                    + " port, or off (default: 9470 for streams, 9471 for tail).")
    private String port;

    @Option(names = "--http-bind", paramLabel = "ADDRESS", defaultValue = HttpSettings.DEFAULT_BIND,
            description = "Address the HTTP API listens on (default: ${DEFAULT-VALUE}; the API has no"
                    + " authentication, so widen it only behind a firewall or proxy).")
    private String bind;

    @Option(names = "--http-advertise", paramLabel = "HOST",
            description = "Host name other streams instances use to reach this one's API (application.server;"
                    + " default: the bind address, or this machine's name when binding 0.0.0.0).")
    private String advertise;

    /** Whether the user chose the port (a taken default port is not an error; a chosen one is). */
    boolean portChosen() {
        return port != null;
    }

    /**
     * The settings, with {@code defaultPort} when none was given.
     *
     * @throws UserException for a port that is neither a number from 0 to 65535 nor {@code off}
     */
    HttpSettings settings(final int defaultPort) {
        if (port == null) {
            return new HttpSettings(true, bind, defaultPort, advertise);
        }
        if (port.strip().toLowerCase(Locale.ROOT).equals("off")) {
            return new HttpSettings(false, bind, 0, advertise);
        }
        try {
            final int n = Integer.parseInt(port.strip());
            if (n >= 0 && n <= 65_535) {
                return new HttpSettings(true, bind, n, advertise);
            }
        } catch (NumberFormatException e) {
            // falls through to the user error below
        }
        throw new UserException("--http-port must be a port number (0-65535) or off, was: " + port);
    }

    /** Opens something that serves HTTP with the given settings. */
    @FunctionalInterface
    interface Opener<T> {
        T open(HttpSettings settings) throws IOException;
    }

    /**
     * Opens with these settings. A default port that is taken (another avcwatch on this host, a test) only
     * costs the HTTP API, with a warning on {@code err}; a port the user chose that cannot be bound is a user
     * error.
     */
    <T> T open(final int defaultPort, final PrintWriter err, final Opener<T> opener) {
        final HttpSettings settings = settings(defaultPort);
        try {
            return opener.open(settings);
        } catch (IOException e) {
            if (portChosen() || !settings.enabled()) {
                throw new UserException("cannot serve HTTP on " + settings.bindHost() + ":" + settings.port()
                        + ": " + e.getMessage() + " (choose another --http-port, or off)", e);
            }
            err.println("avcwatch: warning: HTTP API off: cannot listen on " + settings.bindHost() + ":"
                    + settings.port() + " (" + e.getMessage() + "); set --http-port");
            err.flush();
            try {
                return opener.open(new HttpSettings(false, settings.bindHost(), 0, settings.advertised()));
            } catch (IOException impossible) {
                throw new IllegalStateException("opening without HTTP cannot fail", impossible);
            }
        }
    }
}
