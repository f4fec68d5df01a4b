package io.avcwatch.app.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import io.avcwatch.app.inventory.LabelVersion;
import io.avcwatch.app.testing.ShippedSchemas;
import io.avcwatch.schemas.Json;
import io.avcwatch.schemas.SchemaDocument;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every message the topology writes, on every output topic, validates against the schema file shipped for
 * that topic: the demo scenario plus a line that can only be dead-lettered.
 */
class TopologyOutputSchemaTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path stateDir;

    @Test
    void everyOutputMessageOfTheDemoValidatesAgainstItsTopicSchema() throws Exception {
        final List<String> events;
        final List<String> denials;
        final List<String> macEvents;
        final List<String> alerts;
        final List<String> deadLetters;
        try (TopologyHarness topo = new TopologyHarness(stateDir)) {
            for (final String host : DemoScenario.HOSTS) {
                for (final LabelVersion version : DemoScenario.labels(host)) {
                    topo.containers.pipeInput(new TestRecord<>(version.key(), version.label(), version.validFrom()));
                }
                topo.ship(host, DemoScenario.log(host).toArray(String[]::new));
            }
            topo.ship("node-alpha1", "type=AVC msg=audit(1764971443.672:9");
            topo.idle();
            events = topo.events.readValuesToList();
            denials = json(topo.denials.readValuesToList());
            macEvents = json(topo.macEvents.readValuesToList());
            alerts = json(topo.alerts.readValuesToList());
            deadLetters = json(topo.deadLetters.readValuesToList());
        }

        assertThat(events).isNotEmpty();
        assertThat(denials).isNotEmpty();
        assertThat(macEvents).isNotEmpty();
        assertThat(alerts).isNotEmpty();
        assertThat(deadLetters).isNotEmpty();
        assertValid(SchemaDocument.AUDIT_EVENT, events);
        assertValid(SchemaDocument.AVC_DENIAL, denials);
        assertValid(SchemaDocument.MAC_EVENT, macEvents);
        assertValid(SchemaDocument.ALERT, alerts);
        assertValid(SchemaDocument.DEAD_LETTER, deadLetters);
    }

    private static List<String> json(final List<?> values) {
        return values.stream().map(Json::toJson).collect(Collectors.toList());
    }

    private static void assertValid(final SchemaDocument document, final List<String> messages) throws Exception {
        final JsonSchema schema = ShippedSchemas.of(document);
        for (final String message : messages) {
            final JsonNode node = MAPPER.readTree(message);
            final Set<ValidationMessage> errors = schema.validate(node);
            assertThat(errors).as("%s message %s", document, message).isEmpty();
        }
    }
}
