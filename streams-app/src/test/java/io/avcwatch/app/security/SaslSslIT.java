package io.avcwatch.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.avcwatch.app.analyze.CommittedReader;
import io.avcwatch.app.broker.EmbeddedBroker;
import io.avcwatch.app.broker.SaslSslListener;
import io.avcwatch.app.cli.ExitCodes;
import io.avcwatch.schemas.Alert;
import io.avcwatch.schemas.Json;
import io.avcwatch.schemas.Topics;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI against a broker that accepts clients only over TLS with SASL/SCRAM-SHA-512: certificates made
 * here by {@code keytool}, the SCRAM user created when the broker's storage is formatted, the client settings
 * passed the documented way ({@code --kafka-config client.properties}). Every run is a separate JVM with
 * Kafka's own logging at INFO (so the clients print their full configuration), and nothing it prints may
 * contain a password.
 */
class SaslSslIT {
    private static final String USER = "avcwatch-streams";
    private static final Path DEMO = Path.of("..", "examples", "demo").toAbsolutePath().normalize();
    private static final Path DELTA_LOG = DEMO.resolve("node-delta0.audit.log");

    private static EmbeddedBroker broker;
    private static TestCertificates certificates;
    private static String password;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startSecuredBroker() throws Exception {
        certificates = TestCertificates.create(dir);
        password = TestCertificates.secret("scram");
        broker = EmbeddedBroker.builder()
                .saslSsl(new SaslSslListener(certificates.brokerKeystore(), certificates.keystorePassword(),
                        Map.of(USER, password)))
                .start();
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aForensicReplayRunsEndToEndOverSaslSslAndPrintsNoSecret() throws Exception {
        final CliRun run = CliRun.of(dir, verboseLogging(), 180, "replay", "--case", "tls",
                "--bootstrap", broker.saslSslBootstrapServers(), "--kafka-config", clientConfig(password).toString(),
                "--containers", "node-delta0=" + DEMO.resolve("node-delta0.inspect.json"),
                "--format", "jsonl", DELTA_LOG.toString());

        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(ExitCodes.OK);
        final List<Alert> alerts = run.stdout().lines().map(l -> Json.fromJson(l, Alert.class)).toList();
        assertThat(alerts).as("alerts computed by Kafka Streams over SASL_SSL").isNotEmpty()
                .allMatch(a -> a.host().equals("node-delta0"));
        final Properties plaintext = new Properties();
        plaintext.setProperty("bootstrap.servers", broker.bootstrapServers());
        assertThat(CommittedReader.readAll(plaintext, Topics.AUDIT_RAW, Topics.casePrefix("tls")))
                .as("every line of the file arrived").hasSize(Files.readAllLines(DELTA_LOG).size());
        assertThat(run.stderr()).as("Kafka printed its client configuration, passwords masked")
                .contains("sasl.jaas.config = [hidden]").contains("ssl.truststore.password = [hidden]");
        assertNoSecretIn(run.everything());
    }

    @Test
    void aWrongPasswordIsAOneLineUserError() throws Exception {
        final String wrong = TestCertificates.secret("wrong");
        final CliRun run = CliRun.of(dir, verboseLogging(), 120, "replay", "--host", "node-delta0",
                "--bootstrap", broker.saslSslBootstrapServers(), "--kafka-config", clientConfig(wrong).toString(),
                DELTA_LOG.toString());

        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(run.stderr().lines().filter(l -> l.startsWith("avcwatch:")).toList())
                .singleElement().asString()
                .contains("Kafka refused the credentials").contains("Authentication failed");
        assertThat(run.stderr()).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception in thread");
        assertThat(run.stdout()).as("nothing shipped").isEmpty();
        assertNoSecretIn(run.everything());
        assertThat(run.everything()).doesNotContain(wrong);
    }

    private static void assertNoSecretIn(final String printed) {
        assertThat(printed).isNotBlank()
                .doesNotContain(password)
                .doesNotContain(certificates.keystorePassword())
                .doesNotContain(certificates.truststorePassword());
    }

    /** What an operator puts in the file given to {@code --kafka-config} (docs/deploy.md, "Security"). */
    private static Path clientConfig(final String scramPassword) throws IOException {
        final Properties p = new Properties();
        p.setProperty("security.protocol", "SASL_SSL");
        p.setProperty("sasl.mechanism", "SCRAM-SHA-512");
        p.setProperty("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required"
                + " username=\"" + USER + "\" password=\"" + scramPassword + "\";");
        p.setProperty("ssl.truststore.type", "PKCS12");
        p.setProperty("ssl.truststore.location", certificates.truststore().toString());
        p.setProperty("ssl.truststore.password", certificates.truststorePassword());
        final Path file = Files.createTempFile(dir, "client-", ".properties");
        try (OutputStream out = Files.newOutputStream(file)) {
            p.store(out, null);
        }
        return file;
    }

    /** Everything at INFO on stderr, Kafka's config dumps included, so the secret check sees them. */
    private static Path verboseLogging() throws IOException {
        final Path file = dir.resolve("log4j2-info.properties");
        Files.writeString(file, String.join("\n",
                "status = warn",
                "appender.console.type = Console",
                "appender.console.name = STDERR",
                "appender.console.target = SYSTEM_ERR",
                "appender.console.layout.type = PatternLayout",
                "appender.console.layout.pattern = %d{HH:mm:ss.SSS} %-5p %c{1} - %m%n",
                "rootLogger.level = INFO",
                "rootLogger.appenderRef.stderr.ref = STDERR", ""), StandardCharsets.UTF_8);
        return file;
    }
}
