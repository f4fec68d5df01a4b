package io.avcwatch.app.observe;

import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code GET /health} answers: 200 when {@code up}, else 503, with the details as a JSON object.
 *
 * @param up      whether the process does its job right now
 * @param details what was checked ({@code streams_state}, {@code kafka_connected}, ...)
 */
public record Health(boolean up, Map<String, Object> details) {

    public Health {
        details = java.util.Collections.unmodifiableMap(new TreeMap<>(details));
    }

    /** The HTTP status for this health. */
    public int status() {
        return up ? 200 : 503;
    }
}
