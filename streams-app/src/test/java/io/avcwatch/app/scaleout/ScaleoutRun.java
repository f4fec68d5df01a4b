package io.avcwatch.app.scaleout;

import io.avcwatch.app.analyze.CatchUp;
import io.avcwatch.app.analyze.CommittedReader;
import io.avcwatch.app.analyze.EndMarkers;
import io.avcwatch.app.inventory.InspectImport;
import io.avcwatch.app.inventory.LabelPublisher;
import io.avcwatch.app.topology.AvcwatchTopology;
import io.avcwatch.app.topology.StreamsProperties;
import io.avcwatch.app.topology.TopologyConfig;
import io.avcwatch.schemas.Alert;
import io.avcwatch.schemas.Topic;
import io.avcwatch.schemas.Topics;
import io.avcwatch.tailer.ArchiveSource;
import io.avcwatch.tailer.RawRecordFactory;
import io.avcwatch.tailer.StreamShipper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;

/**
 * One run of the live pipeline over a two-part input, below its own topic prefix and application id: topics
 * created ({@code audit.raw} with {@value #RAW_PARTITIONS} partitions, and {@code avc.containers} with as many,
 * as the topology requires), the inventory published, the {@code avcwatch streams} instances started as
 * separate JVMs, the first part shipped, and once it is through (every event completed and released, alerts
 * committed) the second part shipped, optionally followed at once by SIGKILL to one instance while it works
 * through it. Then the end of input is marked on
 * {@code audit.raw} ({@link io.avcwatch.app.topology.EndOfInput}: open events complete, waiting events are
 * released, open storms emit their aggregates) and the run waits until the group's committed offsets reach
 * every input's end.
 */
final class ScaleoutRun {
    static final int RAW_PARTITIONS = 6;
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(100);
    /** Long enough for a rebalance after a member vanished plus the abort of its open transactions. */
    private static final Duration STALL_LIMIT = Duration.ofSeconds(60);
    /** The stores that hold events not yet through detection. */
    private static final List<String> OPEN_STATE =
            List.of(AvcwatchTopology.INFLIGHT_STORE, AvcwatchTopology.WAITING_STORE);

    private final String bootstrap;
    private final String prefix;
    private final Path dir;

    /**
     * What happened.
     *
     * @param alerts           {@code avc.alerts} as read back at the end
     * @param killedExitCode   the exit code of the killed instance, or null
     * @param finalMembers     client ids of the members that own partitions at the end
     * @param killedPartitions the {@code audit.raw} partitions the killed instance owned when it was killed
     * @param committedAtKill  {@code avc.alerts} as committed right after the kill (empty without one)
     */
    record Outcome(AlertEmissions alerts, Integer killedExitCode, Set<String> finalMembers,
            Set<Integer> killedPartitions, List<Alert> committedAtKill) {
        Outcome {
            killedPartitions = Set.copyOf(killedPartitions);
            committedAtKill = List.copyOf(committedAtKill);
        }
    }

    /** The {@code audit.raw} partition of {@code host}'s lines: the producer's default partitioner on the key. */
    static int rawPartition(final String host) {
        return Utils.toPositive(Utils.murmur2(host.getBytes(StandardCharsets.UTF_8))) % RAW_PARTITIONS;
    }

    ScaleoutRun(final String bootstrap, final String prefix, final Path dir) {
        this.bootstrap = bootstrap;
        this.prefix = prefix;
        this.dir = dir;
    }

    /**
     * @param inventory  host to saved {@code inspect} output
     * @param instances  client ids of the instances to start
     * @param kill       SIGKILL the first instance right after the second part is in Kafka
     * @param streams    client properties every instance gets (session timeout, ...)
     * @param options    {@code avcwatch streams} options every instance gets
     */
    Outcome run(final TwoPartInput input, final Map<String, Path> inventory, final List<String> instances,
            final boolean kill, final Map<String, String> streams, final List<String> options) throws Exception {
        Files.createDirectories(dir);
        final Properties client = client();
        final String appId = StreamsProperties.applicationId(prefix);
        createTopics(client);
        publish(client, inventory);
        final List<StreamsProcess> running = instances.stream()
                .map(name -> StreamsProcess.start(name, bootstrap, prefix, streams, options, dir)).toList();
        try (Admin admin = Admin.create(client)) {
            awaitUntil("every instance to own tasks", running, () -> owners(admin, appId).containsAll(instances));
            ship(client, input.first());
            // The first part completes (its last events by the quiet-host wall clock) before the second starts,
            // so no run's outcome depends on how long the pause between the parts was.
            final CatchUp catchUp = new CatchUp(admin, appId, CatchUp.inputTopics(
                    AvcwatchTopology.build(TopologyConfig.defaults().withTopicPrefix(prefix)), appId, external()));
            awaitUntil("the first part to be read, every event in it completed and released", running,
                    () -> catchUp.snapshot().caughtUp() && OpenState.entries(client, appId, OPEN_STATE) == 0);
            awaitUntil("the first alerts to be committed", running,
                    () -> !CommittedReader.readAll(client, Topics.AVC_ALERTS, prefix).isEmpty());
            ship(client, input.second());
            final Set<Integer> killedPartitions = kill
                    ? rawPartitionsOf(admin, appId, instances.get(0), Topics.AUDIT_RAW.name(prefix)) : Set.of();
            final Integer exit = kill ? running.get(0).kill() : null;
            final List<Alert> committedAtKill = kill
                    ? CommittedReader.readAll(client, Topics.AVC_ALERTS, prefix) : List.of();
            final List<StreamsProcess> survivors = kill ? running.subList(1, running.size()) : running;

            EndMarkers.write(client, Topics.AUDIT_RAW.name(prefix));
            catchUp.await(POLL, STALL_LIMIT, snapshot -> alive(survivors));
            final Set<String> members = owners(admin, appId);
            final List<Alert> alerts = CommittedReader.readAll(client, Topics.AVC_ALERTS, prefix);
            return new Outcome(AlertEmissions.of(alerts), exit, members, killedPartitions, committedAtKill);
        } finally {
            for (final StreamsProcess p : running) {
                p.close();
            }
        }
    }

    /** Output of every instance, for a failure message. */
    static String outputs(final Collection<StreamsProcess> processes) {
        return processes.stream().map(p -> "--- " + p.name() + " ---\n" + p.output()).collect(Collectors.joining("\n"));
    }

    private void createTopics(final Properties client) throws ExecutionException, InterruptedException {
        final List<NewTopic> topics = Topics.all().stream().filter(t -> t != Topics.TAILER_CHECKPOINTS)
                .map(t -> t.newTopic(prefix, t == Topics.AUDIT_RAW || t == Topics.AVC_CONTAINERS
                        ? Optional.of(RAW_PARTITIONS) : Optional.empty(), Optional.empty()))
                .toList();
        try (Admin admin = Admin.create(client)) {
            admin.createTopics(topics).all().get();
        }
    }

    private void publish(final Properties client, final Map<String, Path> inventory) throws IOException {
        try (LabelPublisher labels = LabelPublisher.create(client, prefix)) {
            for (final Map.Entry<String, Path> e : inventory.entrySet()) {
                InspectImport.load(List.of(e.getValue()), Optional.of(e.getKey())).versions().forEach(labels);
            }
        }
    }

    /** One file at a time: a list would be read as one rotated set, oldest first. */
    private void ship(final Properties client, final List<Path> files) throws IOException {
        for (final Path file : files) {
            try (ArchiveSource source = new ArchiveSource(List.of(file))) {
                final StreamShipper.Result r = new StreamShipper(client,
                        new RawRecordFactory(Topics.AUDIT_RAW.name(prefix), "unnamed-host")).ship(source, () -> false);
                if (r.failed() > 0) {
                    throw new IllegalStateException("Kafka refused " + r.failed() + " lines of " + file);
                }
            }
        }
    }

    /** The partitions of {@code topic} that the members of instance {@code clientId} own. */
    private static Set<Integer> rawPartitionsOf(final Admin admin, final String appId, final String clientId,
            final String topic) throws ExecutionException, InterruptedException {
        final ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(appId)).all().get().get(appId);
        return group.members().stream().filter(m -> m.clientId().startsWith(clientId + "-"))
                .flatMap(m -> m.assignment().topicPartitions().stream())
                .filter(tp -> tp.topic().equals(topic)).map(TopicPartition::partition)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Client ids (the instances' {@code client.id}) of the group members that own at least one partition. */
    private static Set<String> owners(final Admin admin, final String appId) {
        try {
            final ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(appId)).all().get().get(appId);
            return group.members().stream().filter(m -> !m.assignment().topicPartitions().isEmpty())
                    .map(MemberDescription::clientId)
                    .map(id -> id.replaceFirst("-StreamThread-\\d+-consumer$", ""))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (ExecutionException e) {
            return Set.of(); // the group does not exist until the first member joins
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean alive(final List<StreamsProcess> processes) {
        for (final StreamsProcess p : processes) {
            if (!p.isAlive()) {
                throw new IllegalStateException(p.name() + " stopped:\n" + p.output());
            }
        }
        return true;
    }

    private static void awaitUntil(final String what, final List<StreamsProcess> processes,
            final BooleanSupplier condition) {
        final Instant deadline = Instant.now().plus(DEADLINE);
        while (!condition.getAsBoolean()) {
            alive(processes);
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("timed out after " + DEADLINE + " waiting for " + what + "\n"
                        + outputs(processes));
            }
            // the polling interval between checks, not a guess at how long the outcome takes
            LockSupport.parkNanos(POLL.toNanos());
        }
    }

    private Set<String> external() {
        return Topics.all().stream().map((Topic<?, ?> t) -> t.name(prefix)).collect(Collectors.toUnmodifiableSet());
    }

    private Properties client() {
        final Properties p = new Properties();
        p.setProperty("bootstrap.servers", bootstrap);
        return p;
    }
}
