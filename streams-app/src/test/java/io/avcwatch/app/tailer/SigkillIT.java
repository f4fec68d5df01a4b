package io.avcwatch.app.tailer;

import static org.assertj.core.api.Assertions.assertThat;

import io.avcwatch.app.broker.EmbeddedBrokerExtension;
import io.avcwatch.tailer.TailerTopics;
import io.avcwatch.tailer.TopicAdmin;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code avcwatch tail} runs as a child JVM and is killed with SIGKILL ten times, each at a random
 * moment within 1.5 s of it starting to follow the file (mid-transaction, while catching up a backlog
 * or a rotation, while idle), while a writer keeps appending and rotating; after the last restart
 * every line is in Kafka exactly once.
 */
class SigkillIT {
    private static final String PREFIX = "kill.";
    @RegisterExtension
    static final EmbeddedBrokerExtension broker = EmbeddedBrokerExtension.plain();

    @TempDir
    Path dir;

    @Test
    void neitherLosesNorDuplicatesALineAcrossTenKills() throws Exception {
        final Properties client = new Properties();
        client.put("bootstrap.servers", broker.bootstrapServers());
        TopicAdmin.ensure(client, List.of(TailerTopics.raw(PREFIX), TailerTopics.checkpoints(PREFIX)));
        final Path log = dir.resolve("audit.log");
        final long seed = System.nanoTime();
        final Random random = new Random(seed);
        // 12,000 lines at 1,000 lines/s, rotated every 2 s.
        final int total = 12_000;
        try (AuditLogWriter writer = new AuditLogWriter(log, total, 10, 200)) {
            writer.writeOneTick();
            // The first tailer has no checkpoint and starts at the live file: let it take hold first.
            final Process first = startTailer(log, 0);
            try (RawTopicReader.CommittedOffsets committed =
                    new RawTopicReader.CommittedOffsets(broker.bootstrapServers(), TailerTopics.raw(PREFIX).name())) {
                Await.until("the first lines committed", Duration.ofSeconds(60), () -> committed.sum() >= 10);
            }
            first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            writer.start(10);
            for (int kill = 1; kill <= 10; kill++) {
                final Process tailer = startTailer(log, kill);
                final int n = kill;
                Await.until("tailer " + n + " to follow the file", Duration.ofSeconds(60),
                        () -> logOf(n).contains("Following "));
                final long moment = random.nextInt(1500);
                final boolean exited = tailer.waitFor(moment, TimeUnit.MILLISECONDS);
                assertThat(exited).as("tailer %d exited on its own (seed %d): %s", kill, seed, logOf(kill)).isFalse();
                tailer.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            final Process last = startTailer(log, 11);
            try {
                writer.finished().get(60, TimeUnit.SECONDS);
                final Map<String, List<byte[]>> read = RawTopicReader.readAll(broker.bootstrapServers(),
                        TailerTopics.raw(PREFIX).name(), total, Duration.ofSeconds(60));
                RawTopicReader.assertExactly(read, writer.written());
            } finally {
                last.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private Process startTailer(final Path log, final int n) throws IOException {
        final List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m",
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), "io.avcwatch.app.cli.Main", "tail",
                "--file", log.toString(), "--bootstrap", broker.bootstrapServers(),
                "--host", AuditLogWriter.DEFAULT_HOST, "--topic-prefix", PREFIX, "--poll-interval", "20"));
        final File out = dir.resolve("tailer-" + n + ".log").toFile();
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out).start();
    }

    private String logOf(final int n) {
        try {
            return Files.readString(dir.resolve("tailer-" + n + ".log"));
        } catch (IOException e) {
            return "";
        }
    }
}
