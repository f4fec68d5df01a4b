package io.avcwatch.app.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.avcwatch.schemas.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The compose files are valid Compose (checked against the Compose Specification schema, no engine
 * needed), create exactly the topics {@link Topics} describes, and run avcwatch confined.
 */
class DeployComposeTest {

    private static final String BASE = "compose.yaml";
    private static final String CLUSTER = "compose.cluster.yaml";
    private static final List<String> AVCWATCH_SERVICES = List.of("streams", "tailer");
    private static final Pattern CREATE_CALL = Pattern.compile(
            "--topic (\\S+) --partitions (\\d+) --replication-factor (\\d+)((?: --config \\S+=\\S+)+)");
    private static final Pattern CONFIG_ARG = Pattern.compile("--config (\\S+?)=(\\S+)");

    @ParameterizedTest
    @ValueSource(strings = {BASE, CLUSTER})
    void isValidAgainstTheComposeSpecification(final String file) {
        assertThat(ComposeFile.load(file).violations()).isEmpty();
    }

    @Test
    void theSchemaRejectsWhatComposeWouldReject() {
        final ObjectNode typo = ComposeFile.load(BASE).mutableCopy();
        ((ObjectNode) typo.path("services").path("streams")).put("read_onyl", true);
        final ObjectNode wrongType = ComposeFile.load(BASE).mutableCopy();
        ((ObjectNode) wrongType.path("services").path("streams")).put("read_only", "yes");
        final ObjectNode topLevelName = ComposeFile.load(BASE).mutableCopy();
        topLevelName.put("name", "avcwatch");

        assertThat(new ComposeFile(typo).violations()).isNotEmpty();
        assertThat(new ComposeFile(wrongType).violations()).isNotEmpty();
        assertThat(new ComposeFile(topLevelName).violations()).as("Compose 1.x has no top-level name").isNotEmpty();
    }

    @Test
    void kafkaInitCreatesEveryTopicAsTopicsDescribesIt(@TempDir final Path bin) throws Exception {
        final JsonNode init = ComposeFile.load(BASE).service("kafka-init");
        final List<Created> created = runInitScript(init, env(init), bin);

        assertThat(created).extracting(Created::name).doesNotHaveDuplicates();
        assertThat(created).containsExactlyInAnyOrderElementsOf(Topics.all().stream()
                .map(t -> new Created(t.name(Topics.NO_PREFIX), t.defaultPartitions(), 1, t.configs()))
                .toList());
    }

    @Test
    void theClusterOverrideReplicatesEveryTopicThreeTimes(@TempDir final Path bin) throws Exception {
        final Map<String, String> env = env(ComposeFile.load(BASE).service("kafka-init"));
        env.putAll(env(ComposeFile.load(CLUSTER).service("kafka-init")));
        final List<Created> created = runInitScript(ComposeFile.load(BASE).service("kafka-init"), env, bin);

        assertThat(created).hasSize(Topics.all().size()).allSatisfy(t -> assertThat(t.replicas()).isEqualTo(3));
        assertThat(env.get("BOOTSTRAP").split(",")).hasSize(3);
    }

    @Test
    void theClusterHasThreeVotersWhoAgree() {
        final ComposeFile cluster = ComposeFile.load(CLUSTER);
        final Set<String> voters = StreamSupport.stream(cluster.tree().path("services").spliterator(), false)
                .map(s -> s.path("environment").path("KAFKA_CONTROLLER_QUORUM_VOTERS").asText())
                .filter(v -> !v.isEmpty()).collect(Collectors.toSet());
        assertThat(voters).containsExactly("1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093");
        for (int node = 1; node <= 3; node++) {
            final JsonNode env = cluster.service("kafka-" + node).path("environment");
            assertThat(env.path("KAFKA_NODE_ID").asInt()).isEqualTo(node);
            assertThat(env.path("KAFKA_ADVERTISED_LISTENERS").asText()).isEqualTo("PLAINTEXT://kafka-" + node + ":9092");
            assertThat(env.path("KAFKA_MIN_INSYNC_REPLICAS").asInt()).isEqualTo(2);
        }
    }

    @Test
    void avcwatchServicesBuildFromTheRepositorysDockerfiles() {
        final ComposeFile compose = ComposeFile.load(BASE);
        for (String name : AVCWATCH_SERVICES) {
            final JsonNode build = compose.service(name).path("build");
            final Path context = RepoFiles.path("docker").resolve(build.path("context").asText()).normalize();
            assertThat(context).isEqualTo(RepoFiles.root());
            assertThat(context.resolve(build.path("dockerfile").asText())).isRegularFile();
        }
    }

    @Test
    void avcwatchServicesRunReadOnlyWithoutCapabilitiesOrPrivilege() {
        final ComposeFile compose = ComposeFile.load(BASE);
        for (String name : AVCWATCH_SERVICES) {
            final JsonNode service = compose.service(name);
            assertThat(service.path("read_only").asBoolean()).as(name).isTrue();
            assertThat(texts(service.path("tmpfs"))).as(name).contains("/tmp");
            assertThat(texts(service.path("cap_drop"))).as(name).containsExactly("ALL");
            assertThat(texts(service.path("cap_add"))).as(name).isEmpty();
            assertThat(texts(service.path("security_opt"))).as(name)
                    .contains("no-new-privileges:true").noneMatch(o -> o.contains("disable") || o.contains("spc_t"));
            assertThat(service.path("privileged").asBoolean(false)).as(name).isFalse();
            assertThat(service.has("user")).as("%s keeps the image's non-root USER", name).isFalse();
        }
    }

    @Test
    void everyServiceDropsCapabilitiesAndPublishesOnlyOnLoopback() {
        final JsonNode services = ComposeFile.load(BASE).tree().path("services");
        services.fields().forEachRemaining(entry -> {
            final JsonNode service = entry.getValue();
            assertThat(texts(service.path("cap_drop"))).as(entry.getKey()).containsExactly("ALL");
            assertThat(texts(service.path("security_opt"))).as(entry.getKey()).contains("no-new-privileges:true");
            assertThat(texts(service.path("ports"))).as(entry.getKey()).allMatch(p -> p.startsWith("127.0.0.1:"));
            assertThat(texts(service.path("volumes"))).as(entry.getKey())
                    .noneMatch(v -> v.contains("docker.sock") || v.contains("podman.sock"));
        });
    }

    @Test
    void theTailerReadsTheAuditLogReadOnlyThroughAGroupAndIsOptIn() {
        final JsonNode tailer = ComposeFile.load(BASE).service("tailer");
        assertThat(texts(tailer.path("volumes"))).containsExactly("/var/log/audit:/var/log/audit:ro");
        assertThat(texts(tailer.path("group_add"))).singleElement()
                .satisfies(gid -> assertThat(ComposeFile.withDefaults(gid)).matches("[1-9]\\d*"));
        assertThat(texts(tailer.path("security_opt"))).anyMatch(o -> o.startsWith("label=type:"));
        assertThat(texts(tailer.path("profiles"))).containsExactly("tailer");
        final List<String> command = texts(tailer.path("command"));
        assertThat(command.subList(0, 3)).containsExactly("tail", "--file", "/var/log/audit/audit.log");
        assertThat(ComposeFile.withDefaults(String.join(" ", command))).doesNotContain("${");
    }

    @Test
    void noSecretIsWrittenIntoTheComposeFiles() {
        final Pattern secret = Pattern.compile("(?i)(password|secret|token|sasl\\.jaas|api_?key)");
        for (String file : List.of(BASE, CLUSTER)) {
            assertThat(secret.matcher(ComposeFile.load(file).tree().toString()).find()).as(file).isFalse();
        }
    }

    @Test
    void defaultsResolveLikeCompose() {
        assertThat(ComposeFile.withDefaults("a ${X:-b} ${Y-c} ${Z} $${SHELL}")).isEqualTo("a b c  ${SHELL}");
    }

    /** One {@code kafka-topics.sh --create} the init script made. */
    private record Created(String name, int partitions, int replicas, Map<String, String> configs) {
    }

    /**
     * Runs kafka-init's real script under bash with a stand-in {@code kafka-topics.sh} that records its
     * arguments, so what is checked is what the container would execute.
     */
    private static List<Created> runInitScript(final JsonNode init, final Map<String, String> env, final Path bin)
            throws IOException, InterruptedException {
        final List<String> entrypoint = texts(init.path("entrypoint"));
        assertThat(entrypoint).containsExactly("/bin/bash", "-euc");
        final String script = ComposeFile.withDefaults(texts(init.path("command")).get(0))
                .replace("/opt/kafka/bin/", bin + "/");
        final Path log = bin.resolve("calls.log");
        final Path stub = bin.resolve("kafka-topics.sh");
        Files.writeString(stub, "#!/bin/sh\necho \"$*\" >> '" + log + "'\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(stub, PosixFilePermissions.fromString("rwx------"));

        final ProcessBuilder pb = new ProcessBuilder("bash", "-euc", script).redirectErrorStream(true);
        pb.environment().putAll(env);
        final Process process = pb.start();
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();

        final List<Created> created = new ArrayList<>();
        for (String call : Files.readAllLines(log)) {
            assertThat(call).startsWith("--bootstrap-server " + env.get("BOOTSTRAP") + " ");
            if (call.contains("--create")) {
                assertThat(call).contains("--if-not-exists");
                final Matcher m = CREATE_CALL.matcher(call);
                assertThat(m.find()).as(call).isTrue();
                final Map<String, String> configs = new HashMap<>();
                final Matcher config = CONFIG_ARG.matcher(m.group(4));
                while (config.find()) {
                    assertThat(configs.put(config.group(1), config.group(2))).as(call).isNull();
                }
                created.add(new Created(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                        Map.copyOf(configs)));
            }
        }
        return created;
    }

    private static Map<String, String> env(final JsonNode service) {
        final Map<String, String> env = new TreeMap<>();
        service.path("environment").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        return env;
    }

    private static List<String> texts(final JsonNode node) {
        if (node.isTextual()) {
            return List.of(node.asText());
        }
        return StreamSupport.stream(node.spliterator(), false).map(JsonNode::asText).toList();
    }
}
