package io.avcwatch.app.output;

import io.avcwatch.schemas.Alert;

/** The alert exactly as on the {@code avc.alerts} topic (DESIGN.md's contract), one JSON document per line. */
public final class JsonlAlertWriter implements LineAlertWriter {
    @Override
    public String line(final Alert alert) {
        return SafeJson.line(SafeJson.tree(alert));
    }
}
