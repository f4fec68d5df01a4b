package io.avcwatch.app.analyze;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;

/**
 * Tells when a Kafka Streams application has consumed everything written to its input topics, from the
 * offsets it committed and the topics' end offsets: no sleeping on a guess.
 *
 * <p>Why one snapshot with every committed offset equal to its end offset means "done": the application runs
 * with exactly-once, so the offsets it commits for its input and the records it wrote for that input are
 * one transaction. The committed offsets are read first, the end offsets second; when they are equal on
 * every input (its repartition topics and the topics it reads back included), everything written before
 * the first read had been consumed by then, including the output of the last input it consumed. Records
 * written after the first read make an end offset larger, so the snapshot does not count as caught up. An
 * open transaction holds the committed offsets below the end offsets for the same reason.
 */
public final class CatchUp {
    private static final long ADMIN_TIMEOUT_SECONDS = 30;

    private final Admin admin;
    private final String groupId;
    private final List<String> topics;

    /**
     * @param admin   an admin client of the cluster
     * @param groupId the application id
     * @param topics  every topic the application consumes, internal ones by their full name
     */
    public CatchUp(final Admin admin, final String groupId, final Collection<String> topics) {
        this.admin = admin;
        this.groupId = groupId;
        this.topics = List.copyOf(topics);
    }

    /**
     * The full names of the topics {@code topology} consumes: its source topics, with the application id
     * prepended to the internal ones (repartition topics), which are those not in {@code external}.
     */
    public static List<String> inputTopics(final Topology topology, final String applicationId, final Set<String> external) {
        final List<String> names = new ArrayList<>();
        for (final TopologyDescription.Subtopology sub : topology.describe().subtopologies()) {
            for (final TopologyDescription.Node node : sub.nodes()) {
                if (node instanceof TopologyDescription.Source source) {
                    for (final String topic : source.topicSet()) {
                        names.add(external.contains(topic) ? topic : applicationId + "-" + topic);
                    }
                }
            }
        }
        return List.copyOf(names);
    }

    /**
     * Offsets at one moment: what the application committed, and where each partition ends.
     *
     * @param complete false while some input topic does not exist yet (nothing is caught up then)
     */
    public record Snapshot(Map<TopicPartition, Long> committed, Map<TopicPartition, Long> end, boolean complete) {
        public Snapshot {
            committed = Map.copyOf(committed);
            end = Map.copyOf(end);
        }

        /** True when every partition's committed offset reached its end offset. */
        public boolean caughtUp() {
            return complete && end.entrySet().stream().allMatch(e -> committed.getOrDefault(e.getKey(), 0L) >= e.getValue());
        }

        /** Records consumed on {@code topic} (the committed offsets, summed over its partitions). */
        public long consumed(final String topic) {
            return committed.entrySet().stream().filter(e -> e.getKey().topic().equals(topic))
                    .mapToLong(Map.Entry::getValue).sum();
        }

        /** Records written to {@code topic} (its end offsets, summed). */
        public long written(final String topic) {
            return end.entrySet().stream().filter(e -> e.getKey().topic().equals(topic))
                    .mapToLong(Map.Entry::getValue).sum();
        }
    }

    /** Reads the committed offsets, then the end offsets. */
    public Snapshot snapshot() {
        try {
            final Map<TopicPartition, OffsetAndMetadata> committed = admin
                    .listConsumerGroupOffsets(Map.of(groupId, new ListConsumerGroupOffsetsSpec()))
                    .partitionsToOffsetAndMetadata(groupId).get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            final Set<String> existing = admin.listTopics().names().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!existing.containsAll(topics)) {
                // the application creates its repartition topics when it first joins: it has consumed nothing
                return new Snapshot(Map.of(), Map.of(), false);
            }
            final Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames()
                    .get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            final Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            described.values().forEach(d -> d.partitions().forEach(p ->
                    request.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
            final Map<TopicPartition, Long> end = new HashMap<>();
            admin.listOffsets(request).all().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .forEach((tp, info) -> end.put(tp, info.offset()));
            final Map<TopicPartition, Long> done = new HashMap<>();
            committed.forEach((tp, offset) -> {
                if (offset != null && end.containsKey(tp)) {
                    done.put(tp, offset.offset());
                }
            });
            return new Snapshot(done, end, true);
        } catch (ExecutionException e) {
            throw new KafkaException("cannot read the offsets of " + groupId + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaException("Kafka did not report the offsets of " + groupId + " within "
                    + ADMIN_TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while reading offsets", e);
        }
    }

    /**
     * Takes a snapshot every {@code pollEvery} and returns the first one that is caught up and that
     * {@code ready} accepts ({@code ready} sees every snapshot: it reports progress, throws when the application
     * died, and says whether the input is complete).
     *
     * @param stallLimit give up when the committed offsets have not moved for this long
     * @throws IllegalStateException when the application made no progress within {@code stallLimit}
     */
    public Snapshot await(final Duration pollEvery, final Duration stallLimit, final Predicate<Snapshot> ready)
            throws InterruptedException {
        Map<TopicPartition, Long> lastCommitted = Map.of();
        long lastMoveNanos = System.nanoTime();
        while (true) {
            final Snapshot now = snapshot();
            if (ready.test(now) && now.caughtUp()) {
                return now;
            }
            if (!now.committed().equals(lastCommitted)) {
                lastCommitted = now.committed();
                lastMoveNanos = System.nanoTime();
            } else if (System.nanoTime() - lastMoveNanos > stallLimit.toNanos()) {
                throw new IllegalStateException("the streams application " + groupId + " consumed nothing for "
                        + stallLimit.toSeconds() + " s while input was waiting");
            }
            TimeUnit.MILLISECONDS.sleep(pollEvery.toMillis());
        }
    }
}
