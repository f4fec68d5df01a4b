package io.avcwatch.app.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedBrokerIT {

    @TempDir
    Path tmp;

    @Test
    void keepsTopicsAndRecordsAcrossARestartOnTheSameDataDirAndPort() throws Exception {
        final Path dataDir = tmp.resolve("kafka");
        final String bootstrap;
        try (EmbeddedBroker broker = EmbeddedBroker.start(dataDir, 0)) {
            bootstrap = broker.bootstrapServers();
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
                admin.createTopics(List.of(new NewTopic("t", 1, (short) 1))).all().get();
            }
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps(bootstrap))) {
                producer.send(new ProducerRecord<>("t", "k", "before restart")).get();
            }
        }
        assertThat(Files.exists(dataDir.resolve("logs").resolve("meta.properties"))).isTrue();

        final int port = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
        try (EmbeddedBroker again = EmbeddedBroker.start(dataDir, port)) {
            assertThat(again.bootstrapServers()).isEqualTo(bootstrap);
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps(bootstrap))) {
                producer.send(new ProducerRecord<>("t", "k", "after restart")).get();
            }
            assertThat(readAll(bootstrap, 2)).containsExactly("before restart", "after restart");
        }
    }

    @Test
    void temporaryBrokerRemovesItsDirectoryOnClose() {
        final Path dir;
        try (EmbeddedBroker broker = EmbeddedBroker.start()) {
            dir = broker.dataDir();
            assertThat(broker.bootstrapServers()).startsWith("127.0.0.1:");
            assertThat(dir).isDirectory();
        }
        assertThat(dir).doesNotExist();
    }

    private static Properties producerProps(final String bootstrap) {
        final Properties p = new Properties();
        p.setProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.setProperty(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.setProperty(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return p;
    }

    private static List<String> readAll(final String bootstrap, final int expected) {
        final Properties p = new Properties();
        p.setProperty(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.setProperty(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.setProperty(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        final List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            final TopicPartition tp = new TopicPartition("t", 0);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            final Instant deadline = Instant.now().plusSeconds(30);
            while (values.size() < expected && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    values.add(r.value());
                }
            }
        }
        return values;
    }
}
