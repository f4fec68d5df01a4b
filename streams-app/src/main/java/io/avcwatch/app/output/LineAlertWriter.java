package io.avcwatch.app.output;

import io.avcwatch.schemas.Alert;
import java.io.IOException;

/**
 * A format with one alert per line. {@link #line} never contains a line break, whatever the alert's
 * strings hold, so a consumer can split the output on {@code \n} (the framing tests check this).
 */
public non-sealed interface LineAlertWriter extends AlertWriter {

    /** The alert as one line, without the terminating newline. */
    String line(Alert alert);

    /** Writes the alert's line and a newline. */
    default void write(final Alert alert, final Appendable out) throws IOException {
        out.append(line(alert)).append('\n');
    }

    @Override
    default void writeAll(final Iterable<Alert> alerts, final Appendable out) throws IOException {
        for (Alert alert : alerts) {
            write(alert, out);
        }
    }
}
