package io.avcwatch.app.topology;

import io.avcwatch.schemas.Topics;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;

/**
 * The topology looks a host's container labels up in the task that reads the host's audit lines, which is
 * only right when {@code audit.raw} and {@code avc.containers} have the same number of partitions (and the
 * inventory is partitioned by host). Kafka Streams does not check this for a stream and a table that only
 * share a store, so avcwatch does before it starts: with different counts every denial would silently find
 * no container.
 */
public final class CoPartitioning {
    private static final long TIMEOUT_SECONDS = 15;

    private CoPartitioning() {
    }

    /**
     * Throws {@link IllegalStateException} naming both counts when the two topics below {@code topicPrefix}
     * differ; does nothing when either does not exist yet (Kafka Streams then reports the missing source).
     */
    public static void require(final Admin admin, final String topicPrefix) {
        final String raw = Topics.AUDIT_RAW.name(topicPrefix);
        final String containers = Topics.AVC_CONTAINERS.name(topicPrefix);
        final Map<String, TopicDescription> described;
        try {
            if (!admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).containsAll(List.of(raw, containers))) {
                return;
            }
            described = admin.describeTopics(List.of(raw, containers)).allTopicNames()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new KafkaException("cannot describe " + raw + " and " + containers + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaException("Kafka did not describe " + raw + " and " + containers + " within "
                    + TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while describing topics", e);
        }
        check(raw, described.get(raw).partitions().size(), containers, described.get(containers).partitions().size());
    }

    /** Throws when the counts differ. */
    static void check(final String raw, final int rawPartitions, final String containers,
            final int containerPartitions) {
        if (rawPartitions != containerPartitions) {
            throw new IllegalStateException(raw + " has " + rawPartitions + " partitions but " + containers + " has "
                    + containerPartitions + ": both must have the same count, because a host's containers are"
                    + " looked up in the task of its audit lines (recreate " + containers + " with "
                    + rawPartitions + " partitions and publish the inventory again)");
        }
    }
}
