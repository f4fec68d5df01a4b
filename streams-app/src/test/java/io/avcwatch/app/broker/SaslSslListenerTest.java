package io.avcwatch.app.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SaslSslListenerTest {
    private static final SaslSslListener LISTENER =
            new SaslSslListener(Path.of("/keys/broker.p12"), "ks-secret", Map.of("bob", "pw-b", "alice", "pw-a"));

    @Test
    void addsATlsScramListenerBesideTheExistingOnes() {
        final Properties p = EmbeddedBroker.serverProperties(Path.of("/data/logs"), 9092, 9093);

        LISTENER.configure(p, "127.0.0.1", 9094);

        assertThat(p.getProperty("listeners"))
                .isEqualTo("PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093,SASL_SSL://127.0.0.1:9094");
        assertThat(p.getProperty("advertised.listeners")).endsWith(",SASL_SSL://127.0.0.1:9094");
        assertThat(p.getProperty("listener.security.protocol.map")).endsWith(",SASL_SSL:SASL_SSL");
        assertThat(p.getProperty("inter.broker.listener.name")).isEqualTo("PLAINTEXT");
        assertThat(p.getProperty("sasl.enabled.mechanisms")).isEqualTo("SCRAM-SHA-512");
        assertThat(p.getProperty("listener.name.sasl_ssl.ssl.keystore.location")).isEqualTo("/keys/broker.p12");
        assertThat(p.getProperty("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config"))
                .contains("ScramLoginModule required");
    }

    @Test
    void writesOneScramCredentialPerUserInAStableOrder() {
        assertThat(LISTENER.formatArguments()).containsExactly(
                "--add-scram", "SCRAM-SHA-512=[name=alice,password=pw-a]",
                "--add-scram", "SCRAM-SHA-512=[name=bob,password=pw-b]");
    }

    @Test
    void neverPrintsAPassword() {
        assertThat(LISTENER.toString()).contains("alice", "bob").doesNotContain("pw-a", "pw-b", "ks-secret");
    }

    @Test
    void refusesWhatTheFormatSyntaxCannotCarry() {
        assertThatThrownBy(() -> new SaslSslListener(Path.of("k.p12"), "x", Map.of("alice", "a,b]")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("a,b]");
        assertThatThrownBy(() -> new SaslSslListener(Path.of("k.p12"), "x", Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
