package io.avcwatch.schemas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The example documents under {@code src/test/resources/{examples,invalid}/v1/<schema name>/}. */
final class Fixtures {

    /** The schemas this module owns (audit-event belongs to the parser), with the record each reads into. */
    static final Map<SchemaDocument, Class<?>> OWNED = Map.of(
            SchemaDocument.RAW_RECORD_HEADERS, RawRecordHeaders.class,
            SchemaDocument.AVC_DENIAL, AvcDenial.class,
            SchemaDocument.MAC_EVENT, MacEvent.class,
            SchemaDocument.CONTAINER_LABEL, ContainerLabel.class,
            SchemaDocument.ALERT, Alert.class,
            SchemaDocument.DEAD_LETTER, DeadLetter.class,
            SchemaDocument.TAILER_CHECKPOINT, TailerCheckpoint.class);

    /** One example file and the schema its directory names. */
    record Example(SchemaDocument schema, Path file) {
        String json() {
            try {
                return Files.readString(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String toString() {
            return schema.fileName().replace(".schema.json", "") + "/" + file.getFileName();
        }
    }

    private Fixtures() {
    }

    static Stream<Example> valid() {
        return scan("examples/v1");
    }

    static Stream<Example> invalid() {
        return scan("invalid/v1");
    }

    private static Stream<Example> scan(final String root) {
        final Path dir = resourceDir(root);
        try (Stream<Path> files = Files.walk(dir)) {
            final List<Example> examples = files.filter(p -> p.toString().endsWith(".json")).sorted()
                    .map(p -> new Example(schemaFor(p.getParent().getFileName().toString()), p)).toList();
            return examples.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SchemaDocument schemaFor(final String dirName) {
        for (final SchemaDocument schema : SchemaDocument.values()) {
            if (schema.fileName().equals(dirName + ".schema.json")) {
                return schema;
            }
        }
        throw new IllegalStateException("example directory " + dirName + " names no schema file");
    }

    private static Path resourceDir(final String name) {
        final URL url = Fixtures.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalStateException("missing test resource directory " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
