package io.avcwatch.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the code writes must satisfy the strict schema: a field missing from the schema fails here. */
class ProducedDocumentsTest {

    @Test
    void everyRecordBuiltInCodeValidatesAgainstItsStrictSchema() {
        for (final Map.Entry<Object, SchemaDocument> sample : SampleRecords.all().entrySet()) {
            final String json = Json.toJson(sample.getKey());
            assertThat(SchemaValidation.strict().errors(sample.getValue(), json))
                    .as("%s against %s", json, sample.getValue().fileName())
                    .isEmpty();
        }
    }

    @Test
    void strictModeRejectsAnUndeclaredProperty() {
        final String json = Json.toJson(SampleRecords.fullAlert()).replaceFirst("\\{", "{\"undeclared\":1,");
        assertThat(SchemaValidation.strict().errors(SchemaDocument.ALERT, json)).isNotEmpty();
        assertThat(SchemaValidation.published().errors(SchemaDocument.ALERT, json))
                .as("the published schema stays open for additive changes")
                .isEmpty();
    }
}
