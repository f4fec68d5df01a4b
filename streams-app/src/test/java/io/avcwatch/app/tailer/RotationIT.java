package io.avcwatch.app.tailer;

import static org.assertj.core.api.Assertions.assertThat;

import io.avcwatch.app.broker.EmbeddedBrokerExtension;
import io.avcwatch.tailer.ExactlyOnceTailer;
import io.avcwatch.tailer.TailerTopics;
import io.avcwatch.tailer.TopicAdmin;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A writer appends at a steady rate and rotates the log 20 times while the tailer follows it. */
class RotationIT {
    @RegisterExtension
    static final EmbeddedBrokerExtension broker = EmbeddedBrokerExtension.plain();

    @TempDir
    Path dir;

    @Test
    void shipsEveryLineExactlyOnceThroughTwentyRotations() throws Exception {
        final Properties client = new Properties();
        client.put("bootstrap.servers", broker.bootstrapServers());
        final String prefix = "rotation.";
        TopicAdmin.ensure(client, List.of(TailerTopics.raw(prefix), TailerTopics.checkpoints(prefix)));
        final Path log = dir.resolve("audit.log");
        // 21,000 lines, 50 every 10 ms (5,000 lines/s), rotated every 20 ticks: 20 rotations.
        final int total = 21_000;
        try (AuditLogWriter writer = new AuditLogWriter(log, total, 50, 20);
             ExactlyOnceTailer tailer = new ExactlyOnceTailer(new ExactlyOnceTailer.Settings(log,
                     AuditLogWriter.DEFAULT_HOST, TailerTopics.raw(prefix).name(), TailerTopics.checkpoints(prefix).name(),
                     client, Duration.ofMillis(20)))) {
            final Thread tailing = new Thread(tailer, "tailer");
            tailing.start();
            writer.writeOneTick();
            Await.until("the tailer to ship the first lines", Duration.ofSeconds(30), () -> tailer.shippedLines() >= 50);
            writer.start(10);
            writer.finished().get(60, TimeUnit.SECONDS);
            assertThat(writer.rotations()).isEqualTo(20);

            final Map<String, List<byte[]>> read = RawTopicReader.readAll(broker.bootstrapServers(),
                    TailerTopics.raw(prefix).name(), total, Duration.ofSeconds(60));
            RawTopicReader.assertExactly(read, writer.written());
            assertThat(tailer.failure()).isNull();
        }
    }
}
