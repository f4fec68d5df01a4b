package io.avcwatch.app.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.avcwatch.parsers.selinux.CategorySet;
import io.avcwatch.schemas.ContainerInstance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineWatcherTest {

    private static final Instant NOW = Instant.parse("2025-12-05T23:00:00Z");
    private static final String HOST = "node-alpha1";

    @TempDir
    Path tmp;

    private RecordedEngine engine;

    @AfterEach
    void stopEngine() throws IOException {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void followsTheEngineAcrossAnOutageAndARestart() throws Exception {
        final Path socket = tmp.resolve("docker.sock");
        final List<LabelVersion> published = new ArrayList<>();
        final List<Duration> pauses = new ArrayList<>();
        final EngineWatcher[] watcher = new EngineWatcher[1];
        final EngineWatcher.Pause script = wait -> {
            pauses.add(wait);
            switch (pauses.size()) {
                case 1 -> engine = serve(socket, "live");       // the socket appears after a failed attempt
                case 2 -> engine.replay("after-restart");        // web-8 removed while the stream was down
                default -> watcher[0].stop();
            }
        };
        try (EngineApi api = EngineApi.overSocket(socket)) {
            watcher[0] = new EngineWatcher(api, "docker", HOST, published::add, Clock.fixed(NOW, ZoneOffset.UTC),
                    script, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofDays(7));
            watcher[0].run();
        }

        assertThat(pauses).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1));
        final String labelDisabled = HOST + "|" + CategorySet.of(1022, 1023);
        assertThat(published).extracting(LabelVersion::key, LabelVersion::validFrom).containsExactly(
                // first read of the engine
                tuple(HOST + "|c38,c390", at("2025-12-05T21:50:19.000000123Z")),
                tuple(HOST + "|c211,c331", at("2025-12-05T21:50:22.000000123Z")),
                tuple(HOST + "|c134,c771", at("2025-12-05T21:50:23.000000123Z")),
                tuple(labelDisabled, at("2025-12-05T21:50:24.000000123Z")),
                // events: web-9 started, etl-job died, etl-job-2 reused its pair, debug-tools died and was gone
                tuple(HOST + "|c5,c77", at("2025-12-05T22:00:00.400000321Z")),
                tuple(HOST + "|c211,c331", at("2025-12-05T22:05:00.100Z")),
                tuple(HOST + "|c211,c331", at("2025-12-05T22:06:00.200Z")),
                tuple(HOST + "|c134,c771", at("2025-12-05T22:07:00Z")),
                // the re-read after the reconnect closes web-8, removed meanwhile
                tuple(HOST + "|c38,c390", NOW));

        final List<ContainerInstance> reused = published.get(6).label().containers();
        assertThat(reused).extracting(ContainerInstance::name, ContainerInstance::finishedAt).containsExactly(
                tuple("etl-job", at("2025-12-05T22:05:00.100Z")), tuple("etl-job-2", null));
        assertThat(reused).extracting(ContainerInstance::engine).containsOnly("docker");
        assertThat(published.get(6).label().holdersAt(at("2025-12-05T22:00:00Z")))
                .extracting(ContainerInstance::name).containsExactly("etl-job");
    }

    @Test
    void sendsOnlyReadRequests() throws Exception {
        final Path socket = tmp.resolve("docker.sock");
        engine = serve(socket, "live");
        try (EngineApi api = EngineApi.overSocket(socket)) {
            final EngineWatcher watcher = new EngineWatcher(api, "docker", HOST, v -> { }, Clock.fixed(NOW, ZoneOffset.UTC),
                    wait -> { }, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofDays(7));
            watcher.session();
        }

        final List<String> requests = engine.requests();
        assertThat(requests).allMatch(r -> r.startsWith("GET ") && r.endsWith(" HTTP/1.1"));
        assertThat(requests.get(0)).isEqualTo("GET /containers/json?all=1 HTTP/1.1");
        assertThat(requests).filteredOn(r -> r.startsWith("GET /events"))
                .singleElement().satisfies(r -> assertThat(r)
                        .contains("since=" + NOW.getEpochSecond())
                        .contains("filters=%7B%22type%22%3A%5B%22container%22%5D"));
        assertThat(requests).filteredOn(r -> r.startsWith("GET /containers/") && r.contains("/json "))
                .as("4 listed, then web-9 x2, etl-job, etl-job-2 x2, debug-tools on events").hasSize(10);
    }

    @Test
    void unreachableSocketIsAnEngineException() {
        try (EngineApi api = EngineApi.overSocket(tmp.resolve("missing.sock"))) {
            org.assertj.core.api.Assertions.assertThatThrownBy(api::containerIds)
                    .isInstanceOf(EngineException.class)
                    .hasMessageContaining("missing.sock");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RecordedEngine serve(final Path socket, final String recording) {
        try {
            return RecordedEngine.serve(socket, recording);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Instant at(final String text) {
        return Instant.parse(text);
    }
}
