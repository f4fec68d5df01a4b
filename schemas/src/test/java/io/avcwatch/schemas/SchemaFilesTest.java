package io.avcwatch.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each schema file is a draft 2020-12 schema whose {@code $id} matches its file. */
class SchemaFilesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @ParameterizedTest
    @EnumSource(SchemaDocument.class)
    void schemaFileIsADraft202012SchemaWithMatchingId(final SchemaDocument document) throws IOException {
        final JsonNode schema;
        try (InputStream in = document.open()) {
            schema = MAPPER.readTree(in);
        }
        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("$id").asText()).isEqualTo(document.id());
        assertThat(schema.path("description").asText()).isNotBlank();

        final Set<ValidationMessage> problems = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"))
                .validate(schema);
        assertThat(problems).isEmpty();
    }

    /** The recipe schemas/README.md gives other modules: map the $id base onto the classpath. */
    @Test
    void readmeRecipeResolvesSchemasAndTheirReferencesFromTheClasspath() {
        final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(SchemaDocument.BASE_URI,
                        "classpath:" + SchemaDocument.RESOURCE_DIR)));
        final JsonSchema alertSchema = factory.getSchema(SchemaLocation.of(SchemaDocument.ALERT.id()),
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());

        assertThat(alertSchema.validate(Json.newMapper().valueToTree(SampleRecords.fullAlert()))).isEmpty();
        assertThat(alertSchema.validate(Json.toJson(SampleRecords.fullAlert()).replace("T1611", "escape"),
                InputFormat.JSON)).isNotEmpty();
    }
}
