package io.avcwatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class KafkaOptionsTest {

    @TempDir
    Path tmp;

    @Command(name = "probe")
    static final class Probe implements Runnable {
        @Mixin
        KafkaOptions kafka;

        @Override
        public void run() {
        }
    }

    private static KafkaOptions parse(final String... args) {
        final Probe probe = new Probe();
        new CommandLine(probe).parseArgs(args);
        return probe.kafka;
    }

    @Test
    void passesTheConfigFileThroughAndPutsBootstrapOnTop() throws Exception {
        final Path file = Files.writeString(tmp.resolve("client.properties"),
                "security.protocol=SASL_SSL\nsasl.mechanism=SCRAM-SHA-512\nbootstrap.servers=file:9093\n");
        final Properties p = parse("--bootstrap", "kafka1:9092", "--kafka-config", file.toString()).clientProperties();
        assertThat(p).containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("bootstrap.servers", "kafka1:9092");
    }

    @Test
    void theConfigFileNamesTheServersWhenBootstrapIsLeftAtItsDefault() throws Exception {
        final Path file = Files.writeString(tmp.resolve("client.properties"), "bootstrap.servers=file:9093\n");
        assertThat(parse("--kafka-config", file.toString()).clientProperties())
                .containsEntry("bootstrap.servers", "file:9093");
        assertThat(parse().topicPrefix()).isEmpty();
    }

    @Test
    void aMissingConfigFileIsAUserError() {
        final KafkaOptions options = parse("--kafka-config", tmp.resolve("nope").toString());
        assertThatThrownBy(options::clientProperties).isInstanceOf(UserException.class)
                .hasMessageContaining("cannot read --kafka-config");
    }
}
