package io.avcwatch.app.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.avcwatch.app.broker.EmbeddedBrokerExtension;
import io.avcwatch.app.cli.AvcwatchCommand;
import io.avcwatch.app.cli.ExitCodes;
import io.avcwatch.app.streams.StreamsRunner;
import io.avcwatch.parsers.RecordHeader;
import io.avcwatch.schemas.AvcDenial;
import io.avcwatch.schemas.Topic;
import io.avcwatch.schemas.Topics;
import io.avcwatch.tailer.ExactlyOnceTailer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo scenario end to end on a real broker with exactly-once: the demo logs followed by the tailer
 * ({@link ExactlyOnceTailer}, what {@code avcwatch tail} runs), the inspect files published by
 * {@code avcwatch inventory import},
 * the topology run with {@code exactly_once_v2}, and {@code avc.denials} read with {@code read_committed}
 * against the container ids of {@code examples/demo/expected.json}.
 */
class DemoScenarioIT {
    private static final Duration DEADLINE = Duration.ofSeconds(90);

    @RegisterExtension
    static final EmbeddedBrokerExtension broker = EmbeddedBrokerExtension.withLiveTopics();

    @TempDir
    Path stateDir;

    @Test
    void everyDemoDenialNamesTheExpectedContainer() throws Exception {
        int avcRecords = 0;
        final List<ExactlyOnceTailer> tailers = new ArrayList<>();
        for (final String host : DemoScenario.HOSTS) {
            final int imported = AvcwatchCommand.commandLine().execute("inventory", "import",
                    DemoScenario.inspectFile(host).toString(), "--host", host,
                    "--bootstrap", broker.bootstrapServers());
            assertThat(imported).isEqualTo(ExitCodes.OK);
            avcRecords += (int) DemoScenario.log(host).stream().map(RecordHeader::scan)
                    .filter(h -> h != null && "AVC".equals(h.type())).count();
            final ExactlyOnceTailer tailer = new ExactlyOnceTailer(new ExactlyOnceTailer.Settings(
                    DemoScenario.DIR.resolve(host + ".audit.log"), host, Topics.AUDIT_RAW.name(""),
                    Topics.TAILER_CHECKPOINTS.name(""), clientProps(), Duration.ofMillis(50)));
            tailers.add(tailer);
            final Thread follow = new Thread(tailer, "tail-" + host);
            follow.setDaemon(true);
            follow.start();
        }

        final Properties props = StreamsProperties.of("demo-it", clientProps(), stateDir);
        final Map<String, AvcDenial> bySerial = new HashMap<>();
        try (StreamsRunner runner = StreamsRunner.start(AvcwatchTopology.build(TopologyConfig.defaults()), props)) {
            runner.awaitRunning(DEADLINE);
            for (final ConsumerRecord<String, byte[]> r : readCommitted(Topics.AVC_DENIALS, avcRecords)) {
                final AvcDenial denial = Topics.AVC_DENIALS.valueSerde().deserializer().deserialize("", r.value());
                assertThat(r.key()).isEqualTo(denial.host());
                bySerial.put(denial.host() + ":" + denial.event().serial(), denial);
            }
        } finally {
            tailers.forEach(ExactlyOnceTailer::close);
        }
        tailers.forEach(t -> assertThat(t.failure()).isNull());

        assertThat(bySerial).hasSize(avcRecords);
        int checked = 0;
        for (final JsonNode expected : DemoScenario.expected()) {
            final AvcDenial denial = bySerial.get(expected.get("host").asText() + ":" + expected.get("serial").asLong());
            if (denial == null) {
                continue; // a MAC_STATUS / MAC_CONFIG_CHANGE event: no denial
            }
            final JsonNode id = expected.get("container_id");
            assertThat(denial.container() == null ? null : denial.container().id())
                    .as("container of %s serial %s (%s)", denial.host(), denial.event().serial(),
                            expected.get("family").asText())
                    .isEqualTo(id.isNull() ? null : id.asText());
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(25);
    }

    private static List<ConsumerRecord<String, byte[]>> readCommitted(final Topic<?, ?> topic, final int count) {
        final Properties p = clientProps();
        p.setProperty(ConsumerConfig.GROUP_ID_CONFIG, "demo-it-" + UUID.randomUUID());
        p.setProperty(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.setProperty(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.setProperty(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                "org.apache.kafka.common.serialization.StringDeserializer");
        p.setProperty(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                "org.apache.kafka.common.serialization.ByteArrayDeserializer");
        final List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        final Instant deadline = Instant.now().plus(DEADLINE);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(topic.name("")));
            while (out.size() < count && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }

    private static Properties clientProps() {
        final Properties p = new Properties();
        p.setProperty("bootstrap.servers", broker.bootstrapServers());
        return p;
    }
}
