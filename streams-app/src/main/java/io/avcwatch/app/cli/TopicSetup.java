package io.avcwatch.app.cli;

import io.avcwatch.tailer.TopicAdmin;
import io.avcwatch.tailer.TopicSpec;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the topics a command needs, waiting for Kafka to come up rather than failing at once. */
final class TopicSetup {
    private static final Logger LOG = LoggerFactory.getLogger(TopicSetup.class);

    private TopicSetup() {
    }

    /** Retries until the topics exist; credentials Kafka refuses are a user error. */
    static void ensureWaiting(final Properties clientProps, final List<TopicSpec> topics) {
        long backoffMs = 500;
        while (true) {
            try {
                TopicAdmin.ensure(clientProps, topics);
                return;
            } catch (KafkaException e) {
                final Throwable refused = refusal(e);
                if (refused != null) {
                    throw new UserException("Kafka refused the credentials: " + refused.getMessage(), e);
                }
                final Throwable invalid = invalidSettings(e);
                if (invalid != null) {
                    throw new UserException("invalid Kafka client settings (--kafka-config): " + invalid.getMessage(), e);
                }
                LOG.warn("Kafka at {} not reachable yet ({}); retrying in {} ms", clientProps.get("bootstrap.servers"),
                        e.getMessage(), backoffMs);
                try {
                    Thread.sleep(backoffMs);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new UserException("interrupted while waiting for Kafka", ie);
                }
                backoffMs = Math.min(backoffMs * 2, 10_000);
            }
        }
    }

    /**
     * The authentication or authorization error behind {@code e}, or null. The admin helpers wrap what the
     * client reports, and a refused login is final: retrying it would only hang the command.
     */
    static Throwable refusal(final Throwable e) {
        return causeOf(e, AuthenticationException.class, AuthorizationException.class);
    }

    /**
     * The configuration error behind {@code e} (a client that cannot even be built, e.g. SASL without a JAAS
     * entry), or null: no retry fixes that either.
     */
    static Throwable invalidSettings(final Throwable e) {
        return causeOf(e, ConfigException.class, IllegalArgumentException.class);
    }

    @SafeVarargs
    private static Throwable causeOf(final Throwable e, final Class<? extends Throwable>... kinds) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (final Class<? extends Throwable> kind : kinds) {
                if (kind.isInstance(t)) {
                    return t;
                }
            }
        }
        return null;
    }
}
