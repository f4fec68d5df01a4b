package io.avcwatch.app.analyze;

import io.avcwatch.app.inventory.InspectImport;
import io.avcwatch.app.inventory.LabelPublisher;
import io.avcwatch.app.inventory.LabelVersion;
import io.avcwatch.app.streams.StreamsRunner;
import io.avcwatch.app.topology.AvcwatchTopology;
import io.avcwatch.app.topology.CoPartitioning;
import io.avcwatch.app.topology.StreamsProperties;
import io.avcwatch.app.topology.TopologyConfig;
import io.avcwatch.schemas.Alert;
import io.avcwatch.schemas.AvcDenial;
import io.avcwatch.schemas.ContainerLabel;
import io.avcwatch.schemas.Topic;
import io.avcwatch.schemas.Topics;
import io.avcwatch.tailer.ArchiveSource;
import io.avcwatch.tailer.RawRecordFactory;
import io.avcwatch.tailer.StreamShipper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One finite run of the pipeline on a Kafka cluster: the engine of {@code avcwatch analyze} and
 * {@code avcwatch replay --case}.
 *
 * <ol>
 *   <li>creates the run's topics (below its prefix, no time retention) and publishes the inventory files as
 *       container labels, so every label is in Kafka before the first denial is joined;
 *   <li>starts the same topology as {@code avcwatch streams} under the run's application id and ships the
 *       files to {@code audit.raw} meanwhile (event-time timestamps, provenance headers);
 *   <li>once every line is acknowledged, marks the end of input on every {@code audit.raw} partition
 *       ({@link io.avcwatch.app.topology.EndOfInput}: open events complete, denials waiting for inventory are
 *       released, open storms close) and waits until the application has consumed everything ({@link CatchUp});
 *   <li>reads the committed alerts back, one per alert id.
 * </ol>
 * Nothing waits on the wall clock: the markers flush what the live pipeline would flush after a quiet period.
 */
public final class Analysis {
    private static final Logger LOG = LoggerFactory.getLogger(Analysis.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration STALL_LIMIT = Duration.ofMinutes(3);

    private final AnalysisRequest request;
    private final Progress progress;

    private Analysis(final AnalysisRequest request, final Progress progress) {
        this.request = request;
        this.progress = progress;
    }

    /** Runs {@code request} to the end and returns what it found. */
    public static AnalysisResult run(final AnalysisRequest request, final Progress progress)
            throws IOException, InterruptedException {
        return new Analysis(request, progress).run();
    }

    private AnalysisResult run() throws IOException, InterruptedException {
        final long started = System.nanoTime();
        final String prefix = request.topicPrefix();
        final Properties client = request.clientProps();
        AnalysisTopics.ensure(client, AnalysisTopics.all(prefix, request.partitions()));
        final Properties streamsProps = streamsProperties(client);
        final Topology topology = AvcwatchTopology.build(finiteRun(TopologyConfig.defaults().withTopicPrefix(prefix)));
        final String raw = Topics.AUDIT_RAW.name(prefix);
        final List<String> warnings = new ArrayList<>();
        final long lines;
        final List<ContainerLabel> containers;
        final ExecutorService shipping = Executors.newSingleThreadExecutor(r -> {
            final Thread t = new Thread(r, "avcwatch-analyze-ship");
            t.setDaemon(true);
            return t;
        });
        // the application joins its group while the inventory is published; no line ships before the labels
        try (StreamsRunner runner = StreamsRunner.start(topology, streamsProps);
             Admin admin = Admin.create(client)) {
            CoPartitioning.require(admin, prefix);
            containers = publishInventory(client, warnings);
            LOG.info("topics ready below '{}', {} container labels published", prefix, containers.size());
            final CatchUp catchUp = new CatchUp(admin, request.applicationId(),
                    CatchUp.inputTopics(topology, request.applicationId(), externalTopics(prefix)));
            final CountingSource source = new CountingSource(new ArchiveSource(request.files()));
            final long inputBytes = InputSize.of(request.files());
            final Future<StreamShipper.Result> shipped = shipping.submit(() -> {
                try (source) {
                    return new StreamShipper(client, new RawRecordFactory(raw, request.defaultHost()))
                            .ship(source, () -> Thread.currentThread().isInterrupted());
                }
            });
            final boolean[] marked = {false};
            catchUp.await(POLL, STALL_LIMIT, snapshot -> {
                healthy(runner);
                final long expected = shipped.isDone() ? source.lines() : estimate(source, inputBytes);
                progress.update(marked[0] ? "finishing" : "reading", Math.min(snapshot.consumed(raw), expected),
                        expected);
                if (!marked[0] && shipped.isDone()) {
                    requireShipped(shipped);
                    LOG.info("{} lines shipped to {}; marking the end of input", source.lines(), raw);
                    EndMarkers.write(client, raw);
                    marked[0] = true;
                    return false;
                }
                return marked[0];
            });
            lines = source.lines();
        } finally {
            shipping.shutdownNow();
            progress.close();
        }
        // one alert per id as they are read: a storm's first record is dropped once its aggregate arrives
        final LatestAlerts latest = new LatestAlerts();
        CommittedReader.forEach(client, Topics.AVC_ALERTS, prefix, latest::add);
        final List<Alert> alerts = latest.sorted();
        final List<AvcDenial> denials = request.collectDenials()
                ? CommittedReader.readAll(client, Topics.AVC_DENIALS, prefix) : List.of();
        final long deadLetters = CommittedReader.count(client, Topics.AUDIT_DEADLETTER, prefix);
        final Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        LOG.debug("analysed {} lines in {} ms: {} alerts", lines, elapsed.toMillis(), alerts.size());
        return new AnalysisResult(alerts, denials, containers, lines, deadLetters, warnings, elapsed);
    }

    /**
     * The topology settings of a finite run: the live ones without the wall clock. The end markers, not the
     * wall clock, complete the last events, release denials waiting for inventory and close storms, so the
     * same files give the same alerts however fast the machine is.
     */
    static TopologyConfig finiteRun(final TopologyConfig live) {
        return live.withFiniteInput(true);
    }

    /**
     * The streams settings of {@code avcwatch streams}, plus a commit interval for a finite run
     * ({@link StreamsProperties#FINITE_RUN_COMMIT_INTERVAL}, unless the client properties set one) and quick
     * retries of a transaction's first batch that overlaps the last transaction's markers (a broker other than
     * the embedded one may answer CONCURRENT_TRANSACTIONS before they are written).
     */
    private Properties streamsProperties(final Properties client) {
        final Properties props = StreamsProperties.of(request.applicationId(), client, request.stateDir());
        props.putIfAbsent(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG,
                Long.toString(StreamsProperties.FINITE_RUN_COMMIT_INTERVAL.toMillis()));
        props.setProperty(StreamsConfig.producerPrefix(ProducerConfig.RETRY_BACKOFF_MS_CONFIG), "10");
        return props;
    }

    /**
     * Publishes every inventory file for its host, or for every host of the input when it names none, and
     * returns the latest label of each key for the report.
     */
    private List<ContainerLabel> publishInventory(final Properties client, final List<String> warnings)
            throws IOException {
        if (request.inventory().isEmpty()) {
            return List.of();
        }
        final boolean anyForAllHosts = request.inventory().stream().anyMatch(f -> f.host().isEmpty());
        final Set<String> seen = anyForAllHosts ? HostScan.hosts(request.files(), request.defaultHost()) : Set.of();
        final Map<String, ContainerLabel> latest = new LinkedHashMap<>();
        try (LabelPublisher publisher = LabelPublisher.create(client, request.topicPrefix())) {
            for (final InventoryFile file : request.inventory()) {
                final List<String> hosts = file.host().map(List::of).orElseGet(() -> List.copyOf(seen));
                if (hosts.isEmpty()) {
                    warnings.add("--containers " + file + ": the input names no host, nothing published");
                }
                for (final String host : hosts) {
                    final InspectImport.Loaded loaded = InspectImport.load(List.of(file.path()), Optional.of(host));
                    if (!loaded.rejected().isEmpty()) {
                        warnings.add("--containers " + file + ": skipped " + loaded.rejected().size()
                                + " objects that are not usable containers (first: "
                                + loaded.rejected().get(0).reason() + ")");
                    }
                    for (final LabelVersion version : loaded.versions()) {
                        publisher.accept(version);
                        latest.put(version.key(), version.label());
                    }
                }
            }
        }
        return List.copyOf(latest.values());
    }

    /** Lines expected in all, extrapolated from the bytes read so far. */
    private static long estimate(final CountingSource source, final long inputBytes) {
        final long bytes = source.bytes();
        if (bytes == 0 || inputBytes <= bytes) {
            return source.lines();
        }
        return Math.round(source.lines() * ((double) inputBytes / bytes));
    }

    private static void requireShipped(final Future<StreamShipper.Result> shipped) {
        final StreamShipper.Result result;
        try {
            result = shipped.get();
        } catch (ExecutionException e) {
            final Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("reading the input failed: " + cause.getMessage(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while shipping", e);
        }
        if (result.failed() > 0) {
            throw new IllegalStateException("Kafka refused " + result.failed() + " of "
                    + (result.shipped() + result.failed()) + " lines");
        }
    }

    private static void healthy(final StreamsRunner runner) {
        final KafkaStreams.State state = runner.streams().state();
        if (runner.failure() != null || state == KafkaStreams.State.ERROR || state == KafkaStreams.State.NOT_RUNNING) {
            throw new IllegalStateException("the streams application stopped (" + state + ")", runner.failure());
        }
    }

    private static Set<String> externalTopics(final String prefix) {
        return Topics.all().stream().map((Topic<?, ?> t) -> t.name(prefix)).collect(Collectors.toUnmodifiableSet());
    }
}
