package io.avcwatch.app.broker;

import io.avcwatch.schemas.Topics;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real embedded KRaft broker for the tests of a class, started before the first and closed after
 * the last: {@code @RegisterExtension static final EmbeddedBrokerExtension broker = EmbeddedBrokerExtension.plain();}.
 */
public final class EmbeddedBrokerExtension implements BeforeAllCallback, AfterAllCallback {
    private final boolean liveTopics;
    private EmbeddedBroker broker;

    private EmbeddedBrokerExtension(final boolean liveTopics) {
        this.liveTopics = liveTopics;
    }

    /** A broker with no topics: the code under test creates its own. */
    public static EmbeddedBrokerExtension plain() {
        return new EmbeddedBrokerExtension(false);
    }

    /** A broker with every avcwatch topic created without a prefix, as {@code avcwatch streams} expects them. */
    public static EmbeddedBrokerExtension withLiveTopics() {
        return new EmbeddedBrokerExtension(true);
    }

    @Override
    public void beforeAll(final ExtensionContext context) throws Exception {
        broker = EmbeddedBroker.start();
        if (liveTopics) {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                admin.createTopics(Topics.all().stream()
                        .map(t -> t.newTopic("", Optional.empty(), Optional.empty())).toList()).all().get();
            }
        }
    }

    @Override
    public void afterAll(final ExtensionContext context) {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }

    /** {@code host:port} of the running broker. */
    public String bootstrapServers() {
        if (broker == null) {
            throw new IllegalStateException("the broker runs only while the test class does");
        }
        return broker.bootstrapServers();
    }
}
