package io.avcwatch.schemas;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a raw line is carried in JSON: as text when it is valid UTF-8, else as base64 of the bytes. */
public enum LineEncoding {
    @JsonProperty("utf-8") UTF_8,
    @JsonProperty("base64") BASE64
}
