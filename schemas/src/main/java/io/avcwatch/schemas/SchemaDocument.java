package io.avcwatch.schemas;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.FileNotFoundException;

/**
 * The versioned JSON Schema (draft 2020-12) files shipped in this module, one per topic value plus the
 * shared definitions. Their {@code $id}s live under {@value #BASE_URI}; the files are classpath resources
 * under {@value #RESOURCE_DIR}, so a validator can map one onto the other.
 */
public enum SchemaDocument {
    COMMON("common"),
    RAW_RECORD_HEADERS("raw-record-headers"),
    AUDIT_EVENT("audit-event"),
    AVC_DENIAL("avc-denial"),
    MAC_EVENT("mac-event"),
    CONTAINER_LABEL("container-label"),
    ALERT("alert"),
    DEAD_LETTER("dead-letter"),
    TAILER_CHECKPOINT("tailer-checkpoint");

    /** Base of every v1 {@code $id}. */
    public static final String BASE_URI = "https://avcwatch.io/schemas/v1/";
    /** Classpath directory of the v1 files (no leading slash). */
    public static final String RESOURCE_DIR = "io/avcwatch/schemas/v1/";

    private final String baseName;

    SchemaDocument(final String baseName) {
        this.baseName = baseName;
    }

    /** The file name, {@code avc-denial.schema.json}. */
    public String fileName() {
        return baseName + ".schema.json";
    }

    /** The schema's {@code $id}, {@code https://avcwatch.io/schemas/v1/avc-denial.schema.json}. */
    public String id() {
        return BASE_URI + fileName();
    }

    /** The classpath resource name, {@code io/avcwatch/schemas/v1/avc-denial.schema.json}. */
    public String resourcePath() {
        return RESOURCE_DIR + fileName();
    }

    /** Opens the schema file; the caller closes the stream. */
    public InputStream open() {
        final InputStream in = SchemaDocument.class.getClassLoader().getResourceAsStream(resourcePath());
        if (in == null) {
            throw new UncheckedIOException(new FileNotFoundException("classpath:" + resourcePath()));
        }
        return in;
    }
}
