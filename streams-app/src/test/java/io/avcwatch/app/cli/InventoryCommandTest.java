package io.avcwatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import io.avcwatch.app.testing.ShippedSchemas;
import io.avcwatch.schemas.SchemaDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class InventoryCommandTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void dryRunPrintsSchemaValidRecordsStampedWithTheirChange() throws Exception {
        final Path file = fixture("rocky9.inspect.json");

        assertThat(run("inventory", "import", "--dry-run", "--host", "rocky9", file.toString())).isEqualTo(ExitCodes.OK);

        final List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(3);
        final JsonNode first = MAPPER.readTree(lines.get(0));
        assertThat(first.path("key").asText()).isEqualTo("rocky9|c170,c393");
        assertThat(first.path("timestamp").asText()).isEqualTo("2024-04-20T08:53:30.000000123Z");
        assertThat(first.path("value").path("containers").get(0).path("name").asText()).isEqualTo("eager_hopper");
        final JsonSchema schema = ShippedSchemas.of(SchemaDocument.CONTAINER_LABEL);
        for (final String line : lines) {
            assertThat(schema.validate(MAPPER.readTree(line).path("value"))).extracting(ValidationMessage::getMessage)
                    .isEmpty();
        }
        assertThat(err.toString()).contains("2 containers of host rocky9: 3 records printed");
    }

    @Test
    void hostComesFromTheInspectOutputWhenItNamesOne() throws Exception {
        final String withNode = text("rocky9.inspect.json")
                .replace("\"Driver\": \"overlay2\",", "\"Driver\": \"overlay2\", \"Node\": {\"Name\": \"swarm-3\"},");
        final Path file = Files.writeString(tmp.resolve("swarm.json"), withNode);

        assertThat(run("inventory", "import", "--dry-run", file.toString())).isEqualTo(ExitCodes.OK);

        assertThat(out.toString().lines()).hasSize(3).allMatch(l -> l.startsWith("{\"key\":\"swarm-3|"));
    }

    @Test
    void withoutAHostItIsAUserError() throws Exception {
        assertThat(run("inventory", "import", "--dry-run", fixture("rocky9.inspect.json").toString()))
                .isEqualTo(ExitCodes.USER_ERROR);
        assertThat(err.toString()).contains("pass --host NAME").doesNotContain("Exception");
    }

    @Test
    void rejectsAHostHoldingTheKeySeparator() throws Exception {
        assertThat(run("inventory", "import", "--dry-run", "--host", "a|b", fixture("rocky9.inspect.json").toString()))
                .isEqualTo(ExitCodes.USER_ERROR);
        assertThat(err.toString()).contains("--host must not contain '|'");
    }

    @Test
    void missingFileIsAUserError() {
        assertThat(run("inventory", "import", "--host", "h", tmp.resolve("nope.json").toString()))
                .isEqualTo(ExitCodes.USER_ERROR);
        assertThat(err.toString()).contains("cannot read").contains("nope.json");
    }

    @Test
    void namesSkippedObjects() throws Exception {
        assertThat(run("inventory", "import", "--dry-run", "--host", "fedora", fixture("podman-pod.inspect.json").toString()))
                .isEqualTo(ExitCodes.OK);
        assertThat(err.toString()).contains("skipped an object: no State: not a container")
                .contains("5 containers of host fedora");
    }

    @Test
    void missingEngineSocketIsAUserError() {
        assertThat(run("inventory", "docker", "--socket", tmp.resolve("docker.sock").toString()))
                .isEqualTo(ExitCodes.USER_ERROR);
        assertThat(err.toString()).contains("no docker socket at");
        assertThat(run("inventory", "podman", "--socket", tmp.resolve("podman.sock").toString()))
                .isEqualTo(ExitCodes.USER_ERROR);
        assertThat(err.toString()).contains("no podman socket at");
    }

    private int run(final String... args) {
        final CommandLine cl = AvcwatchCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    private Path fixture(final String name) throws IOException {
        return Files.writeString(tmp.resolve(name), text(name));
    }

    private static String text(final String name) throws IOException {
        try (InputStream in = InventoryCommandTest.class.getResourceAsStream("/inventory/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
