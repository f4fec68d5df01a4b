package io.avcwatch.app.testing;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import io.avcwatch.schemas.SchemaDocument;

/** The JSON Schemas shipped in the schemas jar, with their {@code $ref}s resolved from that jar. */
public final class ShippedSchemas {
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaLoaders(loaders -> loaders.add(iri -> {
                final String uri = iri.toString();
                if (!uri.startsWith(SchemaDocument.BASE_URI)) {
                    return null;
                }
                final String resource = SchemaDocument.RESOURCE_DIR + uri.substring(SchemaDocument.BASE_URI.length());
                return () -> SchemaDocument.class.getClassLoader().getResourceAsStream(resource);
            })));

    private ShippedSchemas() {
    }

    /** The schema of {@code document}, with format assertions on. */
    public static JsonSchema of(final SchemaDocument document) {
        return FACTORY.getSchema(SchemaLocation.of(document.id()),
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
    }
}
