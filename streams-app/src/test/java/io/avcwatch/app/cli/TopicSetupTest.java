package io.avcwatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.avcwatch.tailer.TailerTopics;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

class TopicSetupTest {

    @Test
    void findsARefusedLoginBehindTheAdminHelpersWrapper() {
        final SaslAuthenticationException refused = new SaslAuthenticationException("Authentication failed");
        final KafkaException wrapped = new KafkaException("cannot list topics: " + refused, refused);

        assertThat(TopicSetup.refusal(wrapped)).isSameAs(refused);
        assertThat(TopicSetup.refusal(new KafkaException("x", new TopicAuthorizationException("no"))))
                .isInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void anUnreachableClusterIsNotARefusal() {
        assertThat(TopicSetup.refusal(new KafkaException("Kafka did not answer within 60 s"))).isNull();
    }

    @Test
    void aBadSecuritySettingIsAUserErrorNotAnEndlessRetry() {
        final Properties props = new Properties();
        props.setProperty("bootstrap.servers", "127.0.0.1:9");
        props.setProperty("security.protocol", "SASL_SSL");
        props.setProperty("sasl.mechanism", "SCRAM-SHA-512");
        // no sasl.jaas.config: the admin client cannot even be built, which is the user's to fix
        final Throwable thrown = catchThrowable(() -> TopicSetup.ensureWaiting(props, List.of(TailerTopics.raw(""))));
        assertThat(thrown).isInstanceOf(UserException.class).hasMessageStartingWith("invalid Kafka client settings");
    }
}
