package io.avcwatch.app.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.avcwatch.app.broker.EmbeddedBrokerExtension;
import io.avcwatch.app.cli.AvcwatchCommand;
import io.avcwatch.app.cli.ExitCodes;
import io.avcwatch.schemas.ContainerInstance;
import io.avcwatch.schemas.ContainerLabel;
import io.avcwatch.schemas.Topics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The inventory against a real broker: import and a live engine session, read back from the compacted topic. */
class InventoryIT {

    @RegisterExtension
    static final EmbeddedBrokerExtension broker = EmbeddedBrokerExtension.plain();

    @TempDir
    Path tmp;

    @Test
    void importsTwoHostsIntoTheCompactedTopicWithChangeTimestamps() throws Exception {
        final String prefix = "it1.";
        final Path alpha = Files.writeString(tmp.resolve("alpha.json"), InspectFixtures.text("node-alpha1.inspect.json"));
        final Path reuse = Files.writeString(tmp.resolve("reuse.jsonl"), InspectFixtures.text("docker-reuse.inspect.jsonl"));

        assertThat(cli("inventory", "import", "--bootstrap", broker.bootstrapServers(), "--topic-prefix", prefix,
                "--host", "node-alpha1", alpha.toString())).isEqualTo(ExitCodes.OK);
        assertThat(cli("inventory", "import", "--bootstrap", broker.bootstrapServers(), "--topic-prefix", prefix,
                "--host", "h1", reuse.toString())).isEqualTo(ExitCodes.OK);

        final String topic = Topics.AVC_CONTAINERS.name(prefix);
        final List<ConsumerRecord<String, ContainerLabel>> records = readAll(topic, 4 + 7);
        assertThat(records).hasSize(11);
        for (final ConsumerRecord<String, ContainerLabel> r : records) {
            assertThat(r.key()).isEqualTo(r.value().key());
            assertThat(r.timestamp()).isEqualTo(r.value().updatedAt().toEpochMilli());
        }
        final List<ConsumerRecord<String, ContainerLabel>> reused = records.stream()
                .filter(r -> r.key().equals("h1|c7,c99")).toList();
        assertThat(reused).extracting(ConsumerRecord::timestamp).containsExactly(
                millis("2024-06-01T09:00:01Z"), millis("2024-06-01T09:20:00Z"), millis("2024-06-01T09:40:01Z"));
        assertThat(reused.get(2).value().holdersAt(Instant.parse("2024-06-01T09:10:00Z")))
                .extracting(ContainerInstance::name).containsExactly("batch-old");
        assertThat(records).filteredOn(r -> r.key().equals("node-alpha1|c38,c390")).singleElement()
                .satisfies(r -> assertThat(r.value().containers().get(0).mounts().get(0).source()).isEqualTo("/root"));

        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            final ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            final Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
        }
    }

    @Test
    void publishesALiveEngineSessionWithEventTimestamps() throws Exception {
        final String prefix = "it2.";
        final Path socket = tmp.resolve("docker.sock");
        final Properties client = new Properties();
        client.setProperty("bootstrap.servers", broker.bootstrapServers());
        try (RecordedEngine engine = RecordedEngine.serve(socket, "live");
                EngineApi api = EngineApi.overSocket(socket);
                Admin admin = Admin.create(client)) {
            admin.createTopics(List.of(Topics.AVC_CONTAINERS.newTopic(prefix, java.util.Optional.empty(),
                    java.util.Optional.empty()))).all().get();
            try (LabelPublisher publisher = LabelPublisher.create(client, prefix)) {
                new EngineWatcher(api, "docker", "node-alpha1", publisher,
                        java.time.Clock.fixed(Instant.parse("2025-12-05T23:00:00Z"), java.time.ZoneOffset.UTC),
                        wait -> { }, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofDays(7)).session();
                assertThat(publisher.sent()).isEqualTo(8);
            }
        }

        final List<ConsumerRecord<String, ContainerLabel>> records = readAll(Topics.AVC_CONTAINERS.name(prefix), 8);
        assertThat(records).filteredOn(r -> r.key().equals("node-alpha1|c211,c331"))
                .extracting(ConsumerRecord::timestamp)
                .containsExactly(millis("2025-12-05T21:50:22Z"), millis("2025-12-05T22:05:00.100Z"),
                        millis("2025-12-05T22:06:00.200Z"));
        assertThat(records).as("every label of the host in the partition of the host's audit lines")
                .extracting(ConsumerRecord::partition)
                .containsOnly(HostPartitioner.partition("node-alpha1", Topics.AVC_CONTAINERS.defaultPartitions()));
        assertThat(records).filteredOn(r -> r.key().equals("node-alpha1|c5,c77")).singleElement()
                .satisfies(r -> assertThat(r.value().containers()).extracting(ContainerInstance::name)
                        .containsExactly("web-9"));
    }

    private static int cli(final String... args) {
        final StringWriter err = new StringWriter();
        final var cl = AvcwatchCommand.commandLine();
        cl.setErr(new PrintWriter(err));
        final int code = cl.execute(args);
        assertThat(err.toString()).doesNotContain("Exception");
        return code;
    }

    private static List<ConsumerRecord<String, ContainerLabel>> readAll(final String topic, final int expected) {
        final Properties p = new Properties();
        p.setProperty(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.setProperty(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        final List<ConsumerRecord<String, ContainerLabel>> records = new ArrayList<>();
        try (KafkaConsumer<String, ContainerLabel> consumer = new KafkaConsumer<>(p,
                Topics.AVC_CONTAINERS.keySerde().deserializer(), Topics.AVC_CONTAINERS.valueSerde().deserializer())) {
            final List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            final Instant deadline = Instant.now().plusSeconds(30);
            while (records.size() < expected && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private static long millis(final String instant) {
        return Instant.parse(instant).toEpochMilli();
    }
}
