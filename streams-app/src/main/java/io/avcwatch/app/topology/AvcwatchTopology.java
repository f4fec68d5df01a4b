package io.avcwatch.app.topology;

import io.avcwatch.app.observe.ApiViews;
import io.avcwatch.app.observe.PipelineMeters;
import io.avcwatch.app.rules.Detector;
import io.avcwatch.app.rules.HostState;
import io.avcwatch.schemas.Alert;
import io.avcwatch.schemas.AvcDenial;
import io.avcwatch.schemas.ContainerLabel;
import io.avcwatch.schemas.JsonSerde;
import io.avcwatch.schemas.Topic;
import io.avcwatch.schemas.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import java.util.Properties;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * The avcwatch Kafka Streams topology, the same for live tailing, forensic replay and {@code analyze}: from
 * audit lines to alerts in one sub-topology, with no repartition topic and nothing read back (only the API's
 * per-container denial count, which finite runs leave out, sits behind a repartition).
 *
 * <p>Topics (names below {@link TopologyConfig#topicPrefix()}; every key is a UTF-8 string):
 * <ul>
 *   <li>reads {@code audit.raw}: key host, value one raw audit line (bytes, no newline), timestamp the event
 *       time, headers source path/inode/offset; partitioned by the producer's default partitioner (murmur2 of
 *       the host);
 *   <li>reads {@code avc.containers}: key {@code host|categories} ({@code node1|c170,c393}), value
 *       ContainerLabel JSON, timestamp the change time (a container started or finished); compacted, and
 *       <b>partitioned by host</b> ({@link io.avcwatch.app.inventory.HostPartitioner}: the same hash of the host
 *       part of the key), with as many partitions as {@code audit.raw}. Partition p of both topics then holds the
 *       same hosts, so one task sees a host's audit lines and its containers ({@link CoPartitioning} checks
 *       the partition counts at startup);
 *   <li>writes {@code audit.events}: key host, value AuditEvent JSON (all records of one serial), timestamp
 *       the event time;
 *   <li>writes {@code avc.denials}: key host, value AvcDenial JSON with the container(s) that held the
 *       subject's and the object's labels at the event time, timestamp the event time;
 *   <li>writes {@code avc.mac-events}: key host, value MacEvent JSON (MAC_STATUS, MAC_CONFIG_CHANGE,
 *       MAC_POLICY_LOAD), timestamp the event time;
 *   <li>writes {@code avc.alerts}: key host, value Alert JSON, timestamp the event time;
 *   <li>writes {@code audit.deadletter}: key host, value DeadLetter JSON (the original bytes and why they
 *       were rejected), headers reason/kind/stage and source topic/partition/offset.
 * </ul>
 *
 * <p>Flow, all in the task of the host's partition: {@code audit.raw} lines assemble into events
 * ({@link EventAssemblyProcessor}, store {@value #INFLIGHT_STORE}); {@link CorrelationProcessor} derives each
 * event's denials and state changes and looks the denials' labels up in {@code avc.containers}, materialised
 * as the versioned store {@value #CONTAINERS_STORE}, as of the event time (an event whose labels are not
 * known yet waits for late inventory in {@value #WAITING_STORE}); {@link DetectionProcessor} runs the rules
 * on what correlation hands over, in each host's order. Kafka Streams picks the next record of the task by
 * timestamp across both input partitions, so inventory that is not late is in the store before the denials
 * that need it. {@link EndOfInput} markers on {@code audit.raw} end a finite run, which also leaves out the
 * {@link ApiViews} (nothing serves an API during {@code analyze} or {@code replay --case}).
 */
public final class AvcwatchTopology {

    /** In-flight events of each host (key {@code host|serial}, value their raw lines). */
    public static final String INFLIGHT_STORE = "assembly-inflight-events";
    /** The versioned container table. */
    public static final String CONTAINERS_STORE = "container-labels";
    /** Events waiting for late inventory (key {@code host|sequence}, value {@link WaitingEvent} text). */
    public static final String WAITING_STORE = "correlate-waiting-for-inventory";
    /** Each host's last SELinux enforcing mode (key host, value HostState JSON). */
    public static final String HOST_STATE_STORE = "detect-host-state";
    /** Open alert storms as they opened (key {@code host|container|rule|severity}, value StormState JSON). */
    public static final String STORM_STORE = "detect-storms";
    /** How far each open storm grew since (same key, value {@link StormGrowth} text). */
    public static final String STORM_GROWTH_STORE = "detect-storm-growth";

    private AvcwatchTopology() {
    }

    /** Builds the topology with the built-in detection rules; pure (no clients, no files outside the jar). */
    public static Topology build(final TopologyConfig config) {
        return build(config, Detector.builtIn());
    }

    /** Builds the topology with {@code detector}'s rules; pure (no I/O, no clients). */
    public static Topology build(final TopologyConfig config, final Detector detector) {
        return build(config, detector, PipelineMeters.none());
    }

    /**
     * Builds the topology with {@code detector}'s rules, recording records read, events, serial gaps, dead
     * letters and alerts in {@code meters}; pure apart from the meters.
     */
    public static Topology build(final TopologyConfig config, final Detector detector, final PipelineMeters meters) {
        final String prefix = config.topicPrefix();
        final StreamsBuilder builder = namesEnforced();

        builder.addStateStore(Stores.keyValueStoreBuilder(
                        Stores.inMemoryKeyValueStore(INFLIGHT_STORE), Serdes.String(), Serdes.String())
                .withCachingEnabled());
        final KStream<String, AssemblyOutput> assembled = builder
                .stream(Topics.AUDIT_RAW.name(prefix), Consumed.with(
                        Serdes.serdeFrom(new StringSerializer(), new HostKeyDeserializer()),
                        Topics.AUDIT_RAW.valueSerde()).withName("read-audit-raw"))
                .process(() -> new EventAssemblyProcessor(config, meters),
                        Named.as("assemble-events"), INFLIGHT_STORE);

        final var routes = assembled.split(Named.as("route-assembly-"))
                .branch((host, out) -> out instanceof AssemblyOutput.Rejected, Branched.as("rejected"))
                .defaultBranch(Branched.as("events"));

        routes.get("route-assembly-rejected")
                .mapValues(out -> ((AssemblyOutput.Rejected) out).deadLetter(), Named.as("unwrap-dead-letters"))
                .to(Topics.AUDIT_DEADLETTER.name(prefix), produced(Topics.AUDIT_DEADLETTER, "write-dead-letters"));

        final KStream<String, AssemblyOutput> events = routes.get("route-assembly-events");
        events.filter((host, out) -> out instanceof AssemblyOutput.Assembled, Named.as("drop-end-markers"))
                .mapValues(out -> EventJson.write(((AssemblyOutput.Assembled) out).event()),
                        Named.as("write-event-json"))
                // the topic's String values as the UTF-8 bytes the writer rendered: the same bytes, no re-encoding
                .to(Topics.AUDIT_EVENTS.name(prefix), Produced.with(Topics.AUDIT_EVENTS.keySerde(), Serdes.ByteArray())
                        .withName("write-audit-events"));

        final KTable<String, ContainerLabel> containers = containerTable(builder, config);
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(WAITING_STORE), Serdes.String(), Serdes.String())
                .withCachingEnabled()); // most waits end within a commit interval: no changelog record then
        final KStream<String, DetectionInput> correlated = events.process(() -> new CorrelationProcessor(config),
                Named.as("correlate-containers"), CONTAINERS_STORE, WAITING_STORE);

        final KStream<String, AvcDenial> denials = correlated
                .filter((host, in) -> in instanceof DetectionInput.Denial, Named.as("only-denials"))
                .mapValues(in -> ((DetectionInput.Denial) in).denial(), Named.as("unwrap-denials"));
        denials.to(Topics.AVC_DENIALS.name(prefix), produced(Topics.AVC_DENIALS, "write-denials"));
        correlated.filter((host, in) -> in instanceof DetectionInput.StateChange, Named.as("only-mac-events"))
                .mapValues(in -> ((DetectionInput.StateChange) in).event(), Named.as("unwrap-mac-events"))
                .to(Topics.MAC_EVENTS.name(prefix), produced(Topics.MAC_EVENTS, "write-mac-events"));

        // cached: a storm grows with every repeat, and only its last state per commit reaches the changelog
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(HOST_STATE_STORE),
                Serdes.String(), JsonSerde.of(HostState.class)).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(STORM_STORE),
                Serdes.String(), new StormStateSerde()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(STORM_GROWTH_STORE),
                Serdes.String(), Serdes.String()).withCachingEnabled());
        final KStream<String, Alert> detected = correlated.process(() -> new DetectionProcessor(config, detector),
                Named.as("detect-escapes"), HOST_STATE_STORE, STORM_STORE, STORM_GROWTH_STORE);
        detected.to(Topics.AVC_ALERTS.name(prefix), produced(Topics.AVC_ALERTS, "write-alerts"));

        final KStream<String, ContainerLabel> containerChanges = containers.toStream(Named.as("container-changes"));
        final KStream<String, Alert> containerRisks = containerChanges
                .flatMapValues(detector::onContainer, Named.as("detect-container-risks"))
                .selectKey((label, alert) -> alert.host(), Named.as("key-container-alerts-by-host"));
        containerRisks.to(Topics.AVC_ALERTS.name(prefix), produced(Topics.AVC_ALERTS, "write-container-alerts"));

        if (!config.finiteInput()) {
            // what the HTTP API and the gauges of a running service read; a finite run serves neither
            ApiViews.addTo(builder, denials, detected.merge(containerRisks, Named.as("merge-alerts-for-api")),
                    containerChanges, meters);
        }
        final Properties optimization = new Properties();
        optimization.setProperty(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsProperties.OPTIMIZATION);
        return builder.build(optimization);
    }

    /**
     * A builder that refuses generated names for stores, changelogs and repartition topics at build time
     * ({@code ensure.explicit.internal.resource.naming}) and restores the container table from
     * {@code avc.containers} itself instead of a changelog copy ({@link StreamsProperties#OPTIMIZATION}); the
     * placeholder id and servers are replaced by the real configuration when {@code KafkaStreams} starts.
     */
    private static StreamsBuilder namesEnforced() {
        final Properties overrides = new Properties();
        overrides.setProperty(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, "true");
        overrides.setProperty(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsProperties.OPTIMIZATION);
        final Properties placeholder = new Properties();
        placeholder.putAll(overrides);
        placeholder.setProperty(StreamsConfig.APPLICATION_ID_CONFIG, "avcwatch-topology");
        placeholder.setProperty(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        return new StreamsBuilder(new org.apache.kafka.streams.TopologyConfig(
                null, new StreamsConfig(placeholder), overrides));
    }

    private static KTable<String, ContainerLabel> containerTable(
            final StreamsBuilder builder, final TopologyConfig config) {
        final Topic<String, ContainerLabel> topic = Topics.AVC_CONTAINERS;
        return builder.table(topic.name(config.topicPrefix()), consumed(topic, "read-containers"),
                Materialized.<String, ContainerLabel>as(
                                Stores.persistentVersionedKeyValueStore(CONTAINERS_STORE, config.inventoryHistory()))
                        .withKeySerde(topic.keySerde())
                        .withValueSerde(topic.valueSerde()));
    }

    private static <K, V> Consumed<K, V> consumed(final Topic<K, V> topic, final String name) {
        return Consumed.with(topic.keySerde(), topic.valueSerde()).withName(name);
    }

    private static <K, V> Produced<K, V> produced(final Topic<K, V> topic, final String name) {
        return Produced.with(topic.keySerde(), topic.valueSerde()).withName(name);
    }
}
