package io.avcwatch.app.tailer;

import static org.assertj.core.api.Assertions.assertThat;

import io.avcwatch.app.broker.EmbeddedBroker;
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
import org.junit.jupiter.api.io.TempDir;

/** The broker is stopped mid-stream and started again on the same data and port. */
class BrokerRestartIT {

    @TempDir
    Path dir;

    @Test
    void theTailerWaitsForTheBrokerAndShipsEveryLineExactlyOnce() throws Exception {
        final Path data = dir.resolve("kafka");
        EmbeddedBroker broker = EmbeddedBroker.start(data, 0);
        final String bootstrap = broker.bootstrapServers();
        final int port = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
        try {
            final Properties client = new Properties();
            client.put("bootstrap.servers", bootstrap);
            TopicAdmin.ensure(client, List.of(TailerTopics.raw(""), TailerTopics.checkpoints("")));
            final Path log = dir.resolve("audit.log");
            // 12,000 lines at 2,000 lines/s, rotated every second.
            final int total = 12_000;
            try (AuditLogWriter writer = new AuditLogWriter(log, total, 20, 100);
                 ExactlyOnceTailer tailer = new ExactlyOnceTailer(new ExactlyOnceTailer.Settings(log,
                         AuditLogWriter.DEFAULT_HOST, TailerTopics.raw("").name(), TailerTopics.checkpoints("").name(), client,
                         Duration.ofMillis(20)))) {
                new Thread(tailer, "tailer").start();
                writer.writeOneTick();
                Await.until("the first lines shipped", Duration.ofSeconds(30), () -> tailer.shippedLines() >= 20);
                writer.start(10);

                Await.until("3,000 lines written", Duration.ofSeconds(30), () -> writer.linesWritten() >= 3_000);
                broker.close();
                final long shippedWhileUp = tailer.shippedLines();
                Await.until("6,000 lines written", Duration.ofSeconds(30), () -> writer.linesWritten() >= 6_000);
                assertThat(tailer.shippedLines()).as("nothing commits while the broker is down")
                        .isLessThanOrEqualTo(shippedWhileUp);
                broker = EmbeddedBroker.start(data, port);

                writer.finished().get(60, TimeUnit.SECONDS);
                final Map<String, List<byte[]>> read = RawTopicReader.readAll(bootstrap, TailerTopics.raw("").name(), total,
                        Duration.ofSeconds(90));
                RawTopicReader.assertExactly(read, writer.written());
                assertThat(tailer.failure()).isNull();
            }
        } finally {
            broker.close();
        }
    }
}
