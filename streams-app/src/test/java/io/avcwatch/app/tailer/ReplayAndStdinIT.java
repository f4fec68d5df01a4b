package io.avcwatch.app.tailer;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.avcwatch.app.broker.EmbeddedBrokerExtension;
import io.avcwatch.app.cli.AvcwatchCommand;
import io.avcwatch.app.cli.ExitCodes;
import io.avcwatch.schemas.RawRecordHeaders;
import io.avcwatch.tailer.TailerTopics;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code avcwatch replay} and {@code avcwatch tail --stdin} against the embedded broker. */
class ReplayAndStdinIT {
    @RegisterExtension
    static final EmbeddedBrokerExtension broker = EmbeddedBrokerExtension.plain();

    @TempDir
    Path dir;

    @Test
    void replaysARotatedSetOldestFirstWithEventTimesAsTimestamps() throws Exception {
        Files.writeString(dir.resolve("audit.log"), line(4) + "\n");
        Files.writeString(dir.resolve("audit.log.1"), line(3) + "\n");
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(dir.resolve("audit.log.2.gz")))) {
            gz.write((line(1) + "\n" + line(2) + "\n").getBytes(UTF_8));
        }
        final StringWriter out = new StringWriter();
        final var cl = AvcwatchCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        final int rc = cl.execute("replay", "--bootstrap", broker.bootstrapServers(), "--topic-prefix", "replay.",
                "--host", "h", dir.resolve("audit.log").toString(), dir.resolve("audit.log.2.gz").toString(),
                dir.resolve("audit.log.1").toString());
        assertThat(rc).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("shipped 4 lines from 3 files");

        final List<ConsumerRecord<byte[], byte[]>> records = read(TailerTopics.raw("replay.").name(), 4);
        assertThat(records).extracting(r -> new String(r.value(), UTF_8))
                .containsExactly(line(1), line(2), line(3), line(4));
        assertThat(records).extracting(ConsumerRecord::timestamp)
                .containsExactly(1_714_000_001_000L, 1_714_000_002_000L, 1_714_000_003_000L, 1_714_000_004_000L);
        assertThat(new String(records.get(0).headers().lastHeader(RawRecordHeaders.SOURCE_PATH).value(), UTF_8))
                .endsWith("audit.log.2.gz");
    }

    @Test
    void shipsThePluginStreamFromStdin() throws Exception {
        final String input = line(7) + "\n" + "type=EOE msg=audit(1714000008.000:8): \n" + line(9);
        final InputStream saved = System.in;
        final int rc;
        try {
            System.setIn(new ByteArrayInputStream(input.getBytes(UTF_8)));
            rc = AvcwatchCommand.commandLine().execute("tail", "--stdin", "--bootstrap", broker.bootstrapServers(),
                    "--topic-prefix", "stdin.", "--host", "h");
        } finally {
            System.setIn(saved);
        }
        assertThat(rc).isEqualTo(ExitCodes.OK);
        final List<ConsumerRecord<byte[], byte[]>> records = read(TailerTopics.raw("stdin.").name(), 3);
        assertThat(records).extracting(r -> new String(r.value(), UTF_8))
                .containsExactly(line(7), "type=EOE msg=audit(1714000008.000:8): ", line(9));
        assertThat(records.get(0).headers().lastHeader(RawRecordHeaders.SOURCE_PATH)).isNull();
        assertThat(new String(records.get(1).headers().lastHeader(RawRecordHeaders.SOURCE_OFFSET).value(), UTF_8))
                .isEqualTo(Integer.toString(line(7).length() + 1));
    }

    private static String line(final int n) {
        return "node=h type=AVC msg=audit(" + (1_714_000_000 + n) + ".000:" + n + "): avc:  denied  { read } for  pid=" + n;
    }

    private static List<ConsumerRecord<byte[], byte[]>> read(final String topic, final int expected) {
        final Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        final List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
            final List<TopicPartition> parts = consumer.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).collect(Collectors.toList());
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            final Instant deadline = Instant.now().plusSeconds(30);
            while (out.size() < expected && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }
}
