package io.avcwatch.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The compatibility guard: v1 example documents must always validate and stay readable by the current
 * records (additive changes only within v1), and each schema must reject its wrong documents.
 */
class ExampleDocumentsTest {

    static Stream<Fixtures.Example> validExamples() {
        return Fixtures.valid();
    }

    static Stream<Fixtures.Example> invalidExamples() {
        return Fixtures.invalid();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validExamples")
    void exampleValidatesAgainstItsSchema(final Fixtures.Example example) {
        assertThat(SchemaValidation.published().errors(example.schema(), example.json())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validExamples")
    void exampleReadsIntoItsRecordAndWritesBackValid(final Fixtures.Example example) {
        final Class<?> type = Fixtures.OWNED.get(example.schema());
        assertThat(type).as("no record for %s", example.schema()).isNotNull();

        final Object read = Json.fromJson(example.json(), type);
        final String written = Json.toJson(read);

        assertThat(SchemaValidation.strict().errors(example.schema(), written)).isEmpty();
        assertThat(Json.fromJson(written, type)).isEqualTo(read);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidExamples")
    void wrongDocumentIsRejected(final Fixtures.Example example) {
        assertThat(SchemaValidation.published().errors(example.schema(), example.json())).isNotEmpty();
    }

    @Test
    void everyOwnedSchemaHasValidAndInvalidExamples() {
        final Set<SchemaDocument> withValid = Fixtures.valid().map(Fixtures.Example::schema).collect(Collectors.toSet());
        final Set<SchemaDocument> withInvalid =
                Fixtures.invalid().map(Fixtures.Example::schema).collect(Collectors.toSet());
        assertThat(withValid).containsAll(Fixtures.OWNED.keySet());
        assertThat(withInvalid).containsAll(Fixtures.OWNED.keySet());
    }

    @Test
    void alertExamplesCarryTheDeterministicId() {
        Fixtures.valid().filter(e -> e.schema() == SchemaDocument.ALERT).forEach(example -> {
            final Alert alert = Json.fromJson(example.json(), Alert.class);
            assertThat(alert.alertId()).as("%s", example)
                    .isEqualTo(Alert.idFor(alert.rule(), alert.host(), alert.event().timestamp(), alert.event().serial()));
        });
    }
}
