package io.avcwatch.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates documents against the schema files on the classpath, with format assertions on.
 *
 * <p>{@link #published()} uses the files as shipped (open objects: consumers accept additive fields).
 * {@link #strict()} closes every object schema ({@code additionalProperties: false}) so that a property
 * the code writes but the schema does not declare fails the test: code and schema cannot drift.
 */
final class SchemaValidation {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final SchemaValidation PUBLISHED = new SchemaValidation(false);
    private static final SchemaValidation STRICT = new SchemaValidation(true);

    private final JsonSchemaFactory factory;
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();
    private final Map<SchemaDocument, JsonSchema> schemas = new ConcurrentHashMap<>();

    private SchemaValidation(final boolean strict) {
        this.factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, builder -> builder
                .schemaLoaders(loaders -> loaders.add(iri -> {
                    final String uri = iri.toString();
                    if (!uri.startsWith(SchemaDocument.BASE_URI)) {
                        return null;
                    }
                    final byte[] bytes = load(uri.substring(SchemaDocument.BASE_URI.length()), strict);
                    return () -> new ByteArrayInputStream(bytes);
                })));
    }

    static SchemaValidation published() {
        return PUBLISHED;
    }

    static SchemaValidation strict() {
        return STRICT;
    }

    /** The validation messages for {@code document}; empty when it is valid. */
    List<String> errors(final SchemaDocument schema, final JsonNode document) {
        final JsonSchema compiled = schemas.computeIfAbsent(schema,
                s -> factory.getSchema(SchemaLocation.of(s.id()), config));
        return compiled.validate(document).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    List<String> errors(final SchemaDocument schema, final String json) {
        try {
            return errors(schema, MAPPER.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] load(final String fileName, final boolean strict) {
        final String resource = SchemaDocument.RESOURCE_DIR + fileName;
        try (InputStream in = SchemaValidation.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no schema file classpath:" + resource);
            }
            final JsonNode tree = MAPPER.readTree(in);
            if (strict) {
                close(tree);
            }
            return MAPPER.writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds additionalProperties:false to every object schema that lists its properties and sets no policy. */
    private static void close(final JsonNode node) {
        if (node instanceof ObjectNode object) {
            final JsonNode type = object.get("type");
            final boolean objectType = type != null
                    && (type.asText().equals("object") || type.isArray() && type.toString().contains("\"object\""));
            if (objectType && object.has("properties") && !object.has("additionalProperties")) {
                object.put("additionalProperties", false);
            }
        }
        node.forEach(SchemaValidation::close);
    }
}
