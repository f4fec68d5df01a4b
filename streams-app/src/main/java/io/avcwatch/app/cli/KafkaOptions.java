package io.avcwatch.app.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import picocli.CommandLine.Option;

/**
 * The options every command that talks to Kafka shares (a picocli mixin): where the cluster is, the
 * client properties to pass through untouched (TLS, SASL, timeouts) and the topic-name prefix.
 */
public final class KafkaOptions {

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:9092",
            description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE}, where `avcwatch broker` listens).")
    private String bootstrap;

    @Option(names = "--kafka-config", paramLabel = "FILE",
            description = "Kafka client properties file (security.protocol, ssl.*, sasl.*, ...), passed through.")
    private Path kafkaConfig;

    @Option(names = "--topic-prefix", paramLabel = "PREFIX", defaultValue = "",
            description = "Prepended to every topic name, e.g. `case42.` for a forensic case.")
    private String topicPrefix;

    /** The bootstrap address as given on the command line. */
    public String bootstrap() {
        return bootstrap;
    }

    /** The topic-name prefix; empty by default. */
    public String topicPrefix() {
        return topicPrefix;
    }

    /**
     * Client properties: the {@code --kafka-config} file first, then {@code --bootstrap} on top
     * unless the file names its own servers and the option was left at its default.
     *
     * @throws UserException when the file cannot be read
     */
    public Properties clientProperties() {
        final Properties props = new Properties();
        if (kafkaConfig != null) {
            try (Reader in = Files.newBufferedReader(kafkaConfig, StandardCharsets.UTF_8)) {
                props.load(in);
            } catch (IOException e) {
                throw new UserException("cannot read --kafka-config " + kafkaConfig + ": " + e.getMessage(), e);
            }
        }
        final boolean fileNamesServers = props.containsKey(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
        if (!fileNamesServers || !"127.0.0.1:9092".equals(bootstrap)) {
            props.setProperty(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        }
        return props;
    }
}
