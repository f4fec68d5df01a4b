package io.avcwatch.schemas;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The AVC verdict: {@code avc:  denied  { ... }} or {@code avc:  granted  { ... }}. */
public enum AvcResult {
    @JsonProperty("denied") DENIED,
    @JsonProperty("granted") GRANTED
}
