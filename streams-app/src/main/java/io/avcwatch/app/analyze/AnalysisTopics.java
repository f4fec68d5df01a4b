package io.avcwatch.app.analyze;

import io.avcwatch.schemas.Topic;
import io.avcwatch.schemas.Topics;
import io.avcwatch.tailer.TailerTopics;
import io.avcwatch.tailer.TopicSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The topics of one finite run (an {@code analyze} or a forensic case) below its prefix. Every record carries
 * the audit event time, often weeks old, so time retention is off on every topic: with the broker default of
 * 7 days the log cleaner would delete last month's case as soon as it was written. A case is kept until the
 * analyst deletes its topics.
 */
final class AnalysisTopics {
    private static final long TIMEOUT_SECONDS = 60;

    private AnalysisTopics() {
    }

    /**
     * {@code audit.raw} as the tailer creates it, and every topic the topology reads or writes.
     *
     * @param partitions the partition count of every topic; empty: each topic's default
     */
    static List<TopicSpec> all(final String prefix, final Optional<Integer> partitions) {
        final List<TopicSpec> specs = new ArrayList<>();
        final TopicSpec raw = TailerTopics.raw(prefix);
        specs.add(new TopicSpec(raw.name(), partitions.orElse(raw.partitions()), raw.configs()));
        for (final Topic<?, ?> topic : Topics.all()) {
            if (topic != Topics.AUDIT_RAW && topic != Topics.TAILER_CHECKPOINTS) {
                specs.add(untimed(topic, prefix, partitions.orElse(topic.defaultPartitions())));
            }
        }
        return List.copyOf(specs);
    }

    /** Creates the missing ones in one request (one by one costs a metadata round per topic). */
    static void ensure(final Properties clientProps, final List<TopicSpec> specs) {
        try (Admin admin = Admin.create(clientProps)) {
            final Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            final List<NewTopic> missing = specs.stream().filter(s -> !existing.contains(s.name()))
                    .map(s -> new NewTopic(s.name(), Optional.of(s.partitions()), Optional.empty()).configs(s.configs()))
                    .toList();
            for (final Map.Entry<String, KafkaFuture<Void>> created : admin.createTopics(missing).values().entrySet()) {
                try {
                    created.getValue().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new KafkaException("cannot create topic " + created.getKey() + ": " + e.getCause(),
                                e.getCause());
                    }
                }
            }
            awaitLeaders(admin, specs);
        } catch (ExecutionException e) {
            throw new KafkaException("cannot list topics: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaException("Kafka did not answer within " + TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while creating topics", e);
        }
    }

    /**
     * Waits until the leader of every partition of {@code specs} serves it. The controller's metadata (what
     * describeTopics shows) names a leader before that broker has taken the partition over, and an idempotent
     * producer whose first batch is refused with NOT_LEADER_OR_FOLLOWER while its second is accepted is left
     * retrying an out-of-order sequence until it times out (KAFKA-14359). A list-offsets request is answered by
     * the leader itself, and the admin client retries it until the leader does.
     */
    private static void awaitLeaders(final Admin admin, final List<TopicSpec> specs)
            throws ExecutionException, TimeoutException, InterruptedException {
        final Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
        for (final TopicSpec spec : specs) {
            for (int p = 0; p < spec.partitions(); p++) {
                partitions.put(new TopicPartition(spec.name(), p), OffsetSpec.latest());
            }
        }
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (true) {
            try {
                admin.listOffsets(partitions).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof RetriableException) || System.nanoTime() > deadline) {
                    throw e;
                }
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    private static TopicSpec untimed(final Topic<?, ?> topic, final String prefix, final int partitions) {
        final Map<String, String> configs = new HashMap<>(topic.configs());
        if (!topic.compacted()) {
            configs.put(TopicConfig.RETENTION_MS_CONFIG, "-1");
        }
        return new TopicSpec(topic.name(prefix), partitions, configs);
    }
}
