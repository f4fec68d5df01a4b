package io.avcwatch.schemas;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/** Alert severity, most severe first; the JSON form is the lower-case name. */
public enum Severity {
    @JsonProperty("critical") CRITICAL,
    @JsonProperty("high") HIGH,
    @JsonProperty("medium") MEDIUM,
    @JsonProperty("low") LOW,
    @JsonProperty("info") INFO;

    private final String label = name().toLowerCase(Locale.ROOT);

    /** The JSON and CLI spelling, e.g. {@code high}. */
    public String label() {
        return label;
    }
}
