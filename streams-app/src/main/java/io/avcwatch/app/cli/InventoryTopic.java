package io.avcwatch.app.cli;

import io.avcwatch.schemas.Topics;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.errors.TopicExistsException;

/** The {@code avc.containers} topic as the inventory commands create it when missing. */
final class InventoryTopic {
    private static final long TIMEOUT_SECONDS = 60;

    private InventoryTopic() {
    }

    static String name(final String prefix) {
        return Topics.AVC_CONTAINERS.name(prefix);
    }

    /** Creates the compacted topic unless it exists; an unreachable cluster is a user error. */
    static void ensure(final Properties clientProps, final String prefix) {
        try (Admin admin = Admin.create(clientProps)) {
            admin.createTopics(List.of(Topics.AVC_CONTAINERS.newTopic(prefix, Optional.empty(), Optional.empty())))
                    .all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new UserException("cannot create " + name(prefix) + ": " + e.getCause().getMessage(), e);
            }
        } catch (TimeoutException e) {
            throw new UserException("Kafka at " + clientProps.get("bootstrap.servers") + " did not answer within "
                    + TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserException("interrupted while creating " + name(prefix), e);
        }
    }
}
