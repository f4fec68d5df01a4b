package io.avcwatch.app.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.avcwatch.app.cli.StreamsCommand;
import io.avcwatch.app.cli.TailCommand;
import io.avcwatch.app.deploy.Dockerfile.Instruction;
import io.avcwatch.app.deploy.Dockerfile.Stage;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Dockerfiles keep their promises without a Docker engine: built from the Maven artifacts the
 * project produces, JRE base, non-root, the real jar and main class, nothing copied that the build
 * context does not hold.
 */
class DeployDockerfileTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(password|passwd|secret|token|sasl_jaas|api_?key).*");
    private static final String BUILD_STAGE = "build";
    private static final String CONTEXT_SRC = "/src/";

    private static Dockerfile dockerfile(final String image) {
        return Dockerfile.parse(RepoFiles.read("docker/" + image + "/Dockerfile"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"streams-app", "tailer"})
    void buildsWithMavenAndRunsOnAJreOnly(final String image) {
        final Dockerfile file = dockerfile(image);
        final Stage build = file.stage(BUILD_STAGE);
        assertThat(build.image()).startsWith("maven:").contains("temurin-17");
        assertThat(build.all("RUN")).extracting(Instruction::arguments)
                .anySatisfy(run -> assertThat(run).contains("mvn ").contains(" package").contains("-pl streams-app -am"));
        assertThat(file.finalStage().image()).matches("eclipse-temurin:17-jre(-.*)?");
        assertThat(file.stages()).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"streams-app", "tailer"})
    void runsAsAFixedNonRootUser(final String image) {
        final String user = dockerfile(image).finalStage().last("USER")
                .orElseThrow(() -> new AssertionError(image + " has no USER")).arguments();
        assertThat(user).matches("\\d+(:\\d+)?");
        assertThat(Integer.parseInt(user.split(":")[0])).isPositive();
        assertThat(user.split(":")).allSatisfy(id -> assertThat(Integer.parseInt(id)).isNotZero());
    }

    @ParameterizedTest
    @ValueSource(strings = {"streams-app", "tailer"})
    void copiesOnlyWhatTheMavenBuildProduces(final String image) {
        final MavenArtifacts artifacts = MavenArtifacts.fromPom();
        final List<String> fromBuild = new ArrayList<>();
        for (Instruction copy : dockerfile(image).finalStage().all("COPY")) {
            final List<String> words = List.of(copy.arguments().split(" "));
            if (words.get(0).equals("--from=" + BUILD_STAGE)) {
                fromBuild.add(words.get(1));
            } else {
                assertThat(words.get(0)).as("line %d copies from the context", copy.line()).doesNotStartWith("--from");
                assertThat(RepoFiles.path(words.get(0))).as("COPY source on line %d", copy.line()).exists();
            }
        }
        assertThat(fromBuild).containsExactlyInAnyOrder(CONTEXT_SRC + artifacts.libDir(), CONTEXT_SRC + artifacts.jar());
    }

    @ParameterizedTest
    @ValueSource(strings = {"streams-app", "tailer"})
    void entrypointRunsTheRealJarWithItsLibBeside(final String image) throws Exception {
        final MavenArtifacts artifacts = MavenArtifacts.fromPom();
        final Stage runtime = dockerfile(image).finalStage();
        final List<String> entrypoint = execForm(runtime.last("ENTRYPOINT").orElseThrow());
        assertThat(entrypoint).hasSize(3).startsWith("java", "-jar");
        final String jarInImage = entrypoint.get(2);
        final String dir = jarInImage.substring(0, jarInImage.lastIndexOf('/') + 1);
        assertThat(runtime.all("COPY")).extracting(Instruction::arguments)
                .contains("--from=build " + CONTEXT_SRC + artifacts.jar() + " " + jarInImage,
                        "--from=build " + CONTEXT_SRC + artifacts.libDir() + " " + dir + artifacts.classpathPrefix());

        final Method main = Class.forName(artifacts.mainClass()).getMethod("main", String[].class);
        assertThat(Modifier.isStatic(main.getModifiers())).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"streams-app", "tailer"})
    void theBuildStageIsTheSameInBothImages(final String image) {
        // Same instructions, so BuildKit builds the jar once for both images.
        final Stage build = dockerfile(image).stage(BUILD_STAGE);
        final Stage reference = dockerfile("streams-app").stage(BUILD_STAGE);
        assertThat(build.image()).isEqualTo(reference.image());
        assertThat(build.instructions()).extracting(Instruction::keyword, Instruction::arguments)
                .isEqualTo(reference.instructions().stream()
                        .map(i -> tuple(i.keyword(), i.arguments())).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"streams-app", "tailer"})
    void theBuildContextHoldsEverySourceTheBuildStageCopies(final String image) throws Exception {
        final List<String> kept = Files.readAllLines(RepoFiles.path("docker/" + image + "/Dockerfile.dockerignore"))
                .stream().filter(l -> l.startsWith("!")).map(l -> l.substring(1)).toList();
        final List<Instruction> copies = new ArrayList<>(dockerfile(image).stage(BUILD_STAGE).all("COPY"));
        copies.addAll(dockerfile(image).finalStage().all("COPY").stream()
                .filter(c -> !c.arguments().startsWith("--from")).toList());
        assertThat(copies).isNotEmpty().allSatisfy(copy -> {
            final String source = copy.arguments().split(" ")[0];
            assertThat(RepoFiles.path(source)).exists();
            assertThat(kept).as("dockerignore keeps %s", source).anyMatch(k -> k.startsWith(source));
        });
        assertThat(kept).allSatisfy(k -> assertThat(RepoFiles.path(k)).as("kept path").exists());
    }

    @ParameterizedTest
    @ValueSource(strings = {"streams-app", "tailer"})
    void hasAHealthcheckAndBakesInNoSecrets(final String image) throws JsonProcessingException {
        final Stage runtime = dockerfile(image).finalStage();
        final String health = runtime.last("HEALTHCHECK").orElseThrow().arguments();
        final String script = health.substring(health.indexOf("CMD ") + 4);
        final String inImage = execForm(script).get(0);
        assertThat(runtime.all("COPY")).extracting(Instruction::arguments)
                .anySatisfy(copy -> assertThat(copy).endsWith(" " + inImage));
        assertThat(RepoFiles.path("docker/healthcheck.sh")).isExecutable();
        // the healthcheck asks the API on the port the image's command listens on by default
        final int apiPort = image.equals("tailer") ? TailCommand.DEFAULT_HTTP_PORT : StreamsCommand.DEFAULT_HTTP_PORT;
        assertThat(runtime.all("ENV")).extracting(Instruction::arguments)
                .anySatisfy(env -> assertThat(env).contains("AVCWATCH_HTTP_PORT=" + apiPort));

        final List<Instruction> settings = new ArrayList<>(runtime.all("ENV"));
        settings.addAll(runtime.all("ARG"));
        dockerfile(image).stage(BUILD_STAGE).all("ARG").forEach(settings::add);
        assertThat(settings).extracting(Instruction::arguments).noneMatch(s -> SECRET_NAME.matcher(s).matches());
    }

    @ParameterizedTest
    @ValueSource(strings = {"streams-app:streams", "tailer:tail"})
    void defaultCommandIsTheImagesRole(final String imageAndCommand) throws JsonProcessingException {
        final String[] parts = imageAndCommand.split(":");
        final List<String> cmd = execForm(dockerfile(parts[0]).finalStage().last("CMD").orElseThrow());
        assertThat(cmd.get(0)).isEqualTo(parts[1]);
        assertThat(cmd).contains("--bootstrap");
    }

    @ParameterizedTest
    @ValueSource(strings = {"FROM a AS b\nRUN x \\\n  # comment inside\n  y\nUSER 1", "ARG V=1\nFROM a:${V} AS b\nUSER 1"})
    void parserJoinsContinuationsAndNamesStages(final String text) {
        final Dockerfile file = Dockerfile.parse(text);
        assertThat(file.stage("b").last("USER")).map(Instruction::arguments).contains("1");
    }

    private static List<String> execForm(final Instruction instruction) throws JsonProcessingException {
        return execForm(instruction.arguments());
    }

    private static List<String> execForm(final String json) throws JsonProcessingException {
        return JSON.readValue(json, new TypeReference<List<String>>() { });
    }
}
