package io.avcwatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ParseCommandTest {
    private static final String BASE = "https://avcwatch.io/schemas/v1/";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static JsonSchema auditEventSchema;

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void loadSchema() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, builder -> builder
                .schemaLoaders(loaders -> loaders.add(iri -> {
                    String uri = iri.toString();
                    if (!uri.startsWith(BASE)) {
                        return null;
                    }
                    String resource = "io/avcwatch/schemas/v1/" + uri.substring(BASE.length());
                    return () -> ParseCommandTest.class.getClassLoader().getResourceAsStream(resource);
                })));
        auditEventSchema = factory.getSchema(SchemaLocation.of(BASE + "audit-event.schema.json"),
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
    }

    private int run(String... args) {
        CommandLine cl = AvcwatchCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    /** Runs as Main does: stdout as a StandardOutput whose byte view is {@code bytes}. */
    private int runOnStandardOutput(OutputStream bytes, String... args) {
        CommandLine cl = AvcwatchCommand.commandLine();
        cl.setOut(new StandardOutput(new PrintWriter(out), bytes));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    private static OutputStream failingWith(String message) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException(message);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException(message);
            }
        };
    }

    private Path log(String... lines) throws Exception {
        return Files.writeString(tmp.resolve("audit.log"), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    @Test
    void printsOneValidEventPerLine() throws Exception {
        Path file = log(
                "node=h1 type=AVC msg=audit(1713603292.240:1088): avc:  denied  { read write } for  pid=9235 comm=\"date\""
                        + " path=\"/dev/null\" scontext=system_u:system_r:container_t:s0:c24,c709"
                        + " tcontext=system_u:object_r:container_file_t:s0:c709,c24 tclass=chr_file permissive=0",
                "node=h1 type=SYSCALL msg=audit(1713603292.240:1088): arch=c000003e syscall=257 success=no exit=-13"
                        + " comm=\"date\" exe=2F7573722F62696E2F6461746520782079 key=(null)\u001dARCH=x86_64 SYSCALL=openat",
                "node=h1 type=EOE msg=audit(1713603292.240:1088): ",
                "type=USER_AVC msg=audit(1713603293.000:7): pid=1 uid=0 auid=4294967295 msg='avc:  denied  { status }"
                        + " for auid=n/a cmdline=\"/usr/bin/a --b\" scontext=a:b:c tcontext=x:y:z:s0 tclass=service'",
                "this is not audit");
        assertThat(run("parse", file.toString())).isEqualTo(ExitCodes.OK);
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(2);
        for (String line : lines) {
            Set<ValidationMessage> problems = auditEventSchema.validate(MAPPER.readTree(line));
            assertThat(problems).as(line).isEmpty();
        }
        JsonNode avcEvent = MAPPER.readTree(lines.get(0));
        assertThat(avcEvent.path("node").asText()).isEqualTo("h1");
        assertThat(avcEvent.path("serial").asLong()).isEqualTo(1088);
        assertThat(avcEvent.path("timestamp").asText()).isEqualTo("1713603292.240");
        JsonNode avc = avcEvent.path("records").get(0).path("avc");
        assertThat(avc.path("perms").toString()).isEqualTo("[\"read\",\"write\"]");
        assertThat(avc.path("tcontext").path("categories").asText()).isEqualTo("c24,c709");
        assertThat(avc.path("permissive").asBoolean(true)).isFalse();
        JsonNode syscall = avcEvent.path("records").get(1);
        assertThat(syscall.path("fields").path("exe").asText()).isEqualTo("/usr/bin/date x y");
        assertThat(syscall.path("enriched").path("SYSCALL").asText()).isEqualTo("openat");
        JsonNode userAvc = MAPPER.readTree(lines.get(1)).path("records").get(0);
        assertThat(userAvc.path("fields").path("cmdline").asText()).isEqualTo("/usr/bin/a --b");
        assertThat(userAvc.path("fields").path("auid#2").asText()).isEqualTo("n/a");
        assertThat(err.toString()).contains("line 5: NOT_AUDIT").contains("this is not audit")
                .contains("5 lines, 4 records, 2 events, 1 unreadable");
    }

    @Test
    void lostEventsArePrintedInNodeOrder() throws Exception {
        // serial gaps on three nodes, named out of order: the summary must not depend on hash order
        Path file = log(
                "node=zeta type=LOGIN msg=audit(1.000:1): pid=1", "node=zeta type=LOGIN msg=audit(1.001:5): pid=1",
                "node=alpha type=LOGIN msg=audit(1.000:1): pid=1", "node=alpha type=LOGIN msg=audit(1.001:3): pid=1",
                "node=mid type=LOGIN msg=audit(1.000:1): pid=1", "node=mid type=LOGIN msg=audit(1.001:4): pid=1");
        assertThat(run("parse", file.toString())).isEqualTo(ExitCodes.OK);
        assertThat(err.toString()).contains("lost events {alpha=1, mid=2, zeta=3}");
    }

    @Test
    void rawFieldsPrintsAuparsesView() throws Exception {
        Path file = log("node=h1 type=AVC msg=audit(1.000:2): avc:  denied  { read write } for  pid=1 comm=\"a b\""
                + " tclass=file");
        assertThat(run("parse", "--raw-fields", "--quiet", file.toString())).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).isEqualTo("{\"node\":\"h1\",\"serial\":2,\"timestamp\":\"1.000\",\"records\":[{\"type\":"
                + "\"AVC\",\"fields\":{\"node\":\"h1\",\"type\":\"AVC\",\"seresult\":\"denied\",\"seperms\":\"read,write\","
                + "\"pid\":\"1\",\"comm\":\"\\\"a b\\\"\",\"tclass\":\"file\"}}]}\n");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void missingFileIsAUserError() {
        assertThat(run("parse", tmp.resolve("nope.log").toString())).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(err.toString()).contains("cannot read").doesNotContain("Exception");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void everyDemoEventValidatesAgainstTheSchema() throws Exception {
        Path demo = Path.of("../examples/demo/node-alpha1.audit.log");
        assertThat(run("parse", "--quiet", demo.toString())).isEqualTo(ExitCodes.OK);
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSizeGreaterThan(5);
        for (String line : lines) {
            assertThat(auditEventSchema.validate(MAPPER.readTree(line))).as(line).isEmpty();
        }
    }

    @Test
    void standardOutputGetsTheSameBytesAsAWriter() throws Exception {
        Path demo = Path.of("../examples/demo/node-alpha1.audit.log");
        assertThat(run("parse", "--quiet", demo.toString())).isEqualTo(ExitCodes.OK);
        String viaWriter = out.toString();
        out.getBuffer().setLength(0);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        assertThat(runOnStandardOutput(bytes, "parse", "--quiet", demo.toString())).isEqualTo(ExitCodes.OK);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(viaWriter).isNotEmpty();
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aClosedPipeEndsTheRunQuietly() throws Exception {
        Path demo = Path.of("../examples/demo/node-alpha1.audit.log");
        assertThat(runOnStandardOutput(failingWith("Broken pipe"), "parse", demo.toString())).isEqualTo(ExitCodes.OK);
        assertThat(err.toString()).doesNotContain("Exception").doesNotContain("error");
    }

    @Test
    void anOutputThatFailsIsAOneLineError() throws Exception {
        Path demo = Path.of("../examples/demo/node-alpha1.audit.log");
        assertThat(runOnStandardOutput(failingWith("No space left on device"), "parse", "--quiet", demo.toString()))
                .isEqualTo(ExitCodes.USER_ERROR);
        assertThat(err.toString()).contains("cannot write the output: No space left on device")
                .doesNotContain("Exception");
    }

    @Test
    void anUnreadableGzipIsAUserError() throws Exception {
        Path bad = Files.writeString(tmp.resolve("bad.log.gz"), "not gzip", StandardCharsets.UTF_8);
        assertThat(run("parse", bad.toString())).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(err.toString()).contains("cannot read " + bad + ": Not in GZIP format").doesNotContain("Exception");
    }
}
