package io.avcwatch.app.topology;

import io.avcwatch.app.denials.DenialBuilder;
import io.avcwatch.app.observe.ApiViews;
import io.avcwatch.app.observe.PipelineMeters;
import io.avcwatch.app.denials.MacEvents;
import io.avcwatch.app.rules.Detector;
import io.avcwatch.app.rules.HostState;
import io.avcwatch.app.rules.StormState;
import io.avcwatch.schemas.AvcDenial;
import io.avcwatch.schemas.ContainerLabel;
import io.avcwatch.schemas.JsonSerde;
import io.avcwatch.schemas.MacEvent;
import io.avcwatch.schemas.SourcePosition;
import io.avcwatch.schemas.Topic;
import io.avcwatch.schemas.Topics;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Joined;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The avcwatch Kafka Streams topology, the same for live tailing, forensic replay and {@code analyze}.
 *
 * <p>Topics (names below {@link TopologyConfig#topicPrefix()}; every key is a UTF-8 string):
 * <ul>
 *   <li>reads {@code audit.raw}: key host, value one raw audit line (bytes, no newline), timestamp the event
 *       time, headers source path/inode/offset;
 *   <li>reads {@code avc.containers}: key {@code host|categories} ({@code node1|c170,c393}), value
 *       ContainerLabel JSON, timestamp the change time (a container started or finished); compacted;
 *   <li>writes {@code audit.events}: key host, value AuditEvent JSON (all records of one serial), timestamp
 *       the event time;
 *   <li>writes {@code avc.denials}: key host, value AvcDenial JSON with the container(s) that held the
 *       subject's and the object's labels at the event time, timestamp the event time;
 *   <li>writes {@code avc.mac-events}: key host, value MacEvent JSON (MAC_STATUS, MAC_CONFIG_CHANGE,
 *       MAC_POLICY_LOAD), timestamp the event time;
 *   <li>reads back {@code avc.denials} and {@code avc.mac-events} for detection, and writes
 *       {@code avc.alerts}: key host, value Alert JSON, timestamp the event time;
 *   <li>writes {@code audit.deadletter}: key host, value DeadLetter JSON (the original bytes and why they
 *       were rejected), headers reason/kind/stage and source topic/partition/offset;
 *   <li>internal {@code <app>-denials-by-source-label-repartition}: key {@code host|categories} of the
 *       subject (ticks: empty key, sent to every partition), value {@link CorrelationInput} JSON;
 *   <li>internal {@code <app>-denials-by-target-label-repartition}: key {@code host|categories} of the
 *       object, value AvcDenial JSON; both co-partitioned with {@code avc.containers}.
 * </ul>
 *
 * <p>Flow: {@code audit.raw} is keyed by host, so events assemble without a repartition
 * ({@link EventAssemblyProcessor}, store {@value #INFLIGHT_STORE}). Denials are re-keyed by the subject's
 * label and left-joined with {@code avc.containers} materialised in a versioned store
 * ({@value #CONTAINERS_STORE}): the join reads the version valid at the denial's timestamp, and a grace
 * period holds denials back so inventory that arrives a little late still joins. The object's label is
 * looked up the same way (without a second wait), then denials are keyed by host again.
 */
public final class AvcwatchTopology {

    /** In-flight events of each host (key {@code host|serial}, value their raw lines). */
    public static final String INFLIGHT_STORE = "assembly-inflight-events";
    /** The versioned container table. */
    public static final String CONTAINERS_STORE = "container-labels";
    /** Each host's last SELinux enforcing mode (key host, value HostState JSON). */
    public static final String HOST_STATE_STORE = "detect-host-state";
    /** Open alert storms (key {@code host|container|rule|severity}, value StormState JSON). */
    public static final String STORM_STORE = "detect-storms";

    static final String SOURCE_REPARTITION = "denials-by-source-label";
    static final String TARGET_REPARTITION = "denials-by-target-label";
    static final String SOURCE_JOIN = "join-source-container";
    static final String TARGET_JOIN = "join-target-container";

    private static final JsonSerde<CorrelationInput> CORRELATION_SERDE = JsonSerde.of(CorrelationInput.class);

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
                .stream(Topics.AUDIT_RAW.name(prefix), consumed(Topics.AUDIT_RAW, "read-audit-raw"))
                .process(() -> new EventAssemblyProcessor(config, meters),
                        Named.as("assemble-events"), INFLIGHT_STORE);

        final var routes = assembled.split(Named.as("route-assembly-"))
                .branch((host, out) -> out instanceof AssemblyOutput.Rejected, Branched.as("rejected"))
                .branch((host, out) -> out instanceof AssemblyOutput.Tick, Branched.as("ticks"))
                .defaultBranch(Branched.as("events"));

        routes.get("route-assembly-rejected")
                .mapValues(out -> ((AssemblyOutput.Rejected) out).deadLetter(), Named.as("unwrap-dead-letters"))
                .to(Topics.AUDIT_DEADLETTER.name(prefix), produced(Topics.AUDIT_DEADLETTER, "write-dead-letters"));

        final KStream<String, AssemblyOutput.Assembled> events = routes.get("route-assembly-events")
                .mapValues(out -> (AssemblyOutput.Assembled) out, Named.as("unwrap-events"));
        events.mapValues(out -> EventJson.write(out.event()), Named.as("write-event-json"))
                .to(Topics.AUDIT_EVENTS.name(prefix), produced(Topics.AUDIT_EVENTS, "write-audit-events"));
        events.flatMapValues((host, out) -> withSource(MacEvents.build(out.event(), host), out.source()),
                        Named.as("extract-mac-events"))
                .to(Topics.MAC_EVENTS.name(prefix), produced(Topics.MAC_EVENTS, "write-mac-events"));

        final KStream<String, CorrelationInput> denials = events
                .flatMapValues((host, out) -> DenialBuilder.build(out.event(), host).stream()
                        .map(d -> out.source() == null ? d : d.toBuilder().source(out.source()).build()).toList(),
                        Named.as("extract-denials"))
                .mapValues(CorrelationInput::of, Named.as("wrap-denials"))
                .merge(routes.get("route-assembly-ticks").mapValues(out -> CorrelationInput.tick(), Named.as("wrap-ticks")),
                        Named.as("merge-ticks"));

        final KTable<String, ContainerLabel> containers = containerTable(builder, config);
        final KStream<String, AvcDenial> sourced = correlateSource(denials, containers, config);
        final KStream<String, AvcDenial> correlated = correlateTarget(sourced, containers)
                .selectKey((label, denial) -> denial.host(), Named.as("key-by-host"));
        correlated.to(Topics.AVC_DENIALS.name(prefix), produced(Topics.AVC_DENIALS, "write-denials"));

        detect(builder, config, detector);
        final KStream<String, ContainerLabel> containerChanges = containers.toStream(Named.as("container-changes"));
        containerChanges
                .flatMapValues(detector::onContainer, Named.as("detect-container-risks"))
                .selectKey((label, alert) -> alert.host(), Named.as("key-container-alerts-by-host"))
                .to(Topics.AVC_ALERTS.name(prefix), produced(Topics.AVC_ALERTS, "write-container-alerts"));

        ApiViews.addTo(builder, prefix, correlated, containerChanges, meters);
        return builder.build();
    }

    /**
     * Detection reads back {@code avc.denials} and {@code avc.mac-events}: both are keyed by host (and must
     * have the same partition count), so one task sees all of a host's denials and state changes, merged in
     * event-time order.
     */
    private static void detect(final StreamsBuilder builder, final TopologyConfig config, final Detector detector) {
        final String prefix = config.topicPrefix();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(HOST_STATE_STORE),
                Serdes.String(), JsonSerde.of(HostState.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(STORM_STORE),
                Serdes.String(), JsonSerde.of(StormState.class)));
        final KStream<String, DetectionInput> denials = builder
                .stream(Topics.AVC_DENIALS.name(prefix), consumed(Topics.AVC_DENIALS, "read-denials"))
                .mapValues(DetectionInput.Denial::new, Named.as("wrap-denials-for-detection"));
        final KStream<String, DetectionInput> stateChanges = builder
                .stream(Topics.MAC_EVENTS.name(prefix), consumed(Topics.MAC_EVENTS, "read-mac-events"))
                .mapValues(DetectionInput.StateChange::new, Named.as("wrap-mac-events-for-detection"));
        denials.merge(stateChanges, Named.as("merge-detection-input"))
                .process(() -> new DetectionProcessor(config, detector), Named.as("detect-escapes"),
                        HOST_STATE_STORE, STORM_STORE)
                .to(Topics.AVC_ALERTS.name(prefix), produced(Topics.AVC_ALERTS, "write-alerts"));
    }

    /**
     * A builder that refuses generated names for stores, changelogs and repartition topics at build time
     * ({@code ensure.explicit.internal.resource.naming}); the placeholder id and servers are replaced by the
     * real configuration when {@code KafkaStreams} starts.
     */
    private static StreamsBuilder namesEnforced() {
        final Properties overrides = new Properties();
        overrides.setProperty(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, "true");
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

    /**
     * Re-keys denials by the subject's label, repartitions them (ticks to every partition) and left-joins them
     * with the container table as of their timestamp, waiting {@link TopologyConfig#inventoryGrace()} for
     * late inventory. Ticks end here.
     */
    private static KStream<String, AvcDenial> correlateSource(final KStream<String, CorrelationInput> in,
            final KTable<String, ContainerLabel> containers, final TopologyConfig config) {
        Joined<String, CorrelationInput, ContainerLabel> joined =
                Joined.<String, CorrelationInput, ContainerLabel>as(SOURCE_JOIN)
                        .withKeySerde(Serdes.String())
                        .withValueSerde(CORRELATION_SERDE)
                        .withOtherValueSerde(Topics.AVC_CONTAINERS.valueSerde());
        if (!config.inventoryGrace().isZero()) {
            joined = joined.withGracePeriod(config.inventoryGrace());
        }
        return in
                .selectKey((host, probe) -> probe.hasDenial()
                        ? ContainerCorrelation.sourceKey(probe.denial()) : CorrelationInput.TICK_KEY,
                        Named.as("key-by-source-label"))
                .repartition(Repartitioned.<String, CorrelationInput>as(SOURCE_REPARTITION)
                        .withKeySerde(Serdes.String())
                        .withValueSerde(CORRELATION_SERDE)
                        .withStreamPartitioner(new TickPartitioner()))
                .leftJoin(containers, (probe, label) -> probe.hasDenial()
                        ? CorrelationInput.of(ContainerCorrelation.withSource(probe.denial(), label)) : probe, joined)
                .filter((label, probe) -> probe.hasDenial(), Named.as("drop-ticks"))
                .mapValues(CorrelationInput::denial, Named.as("unwrap-correlated"));
    }

    /**
     * Re-keys denials by the object's label and left-joins them as of their timestamp, without a grace
     * period of its own: each denial already waited in the first join, and both read the same table, so
     * inventory that was late for the first lookup is in the table by now.
     */
    private static KStream<String, AvcDenial> correlateTarget(final KStream<String, AvcDenial> in,
            final KTable<String, ContainerLabel> containers) {
        final Serde<AvcDenial> denialSerde = Topics.AVC_DENIALS.valueSerde();
        return in
                .selectKey((label, denial) -> ContainerCorrelation.targetKey(denial), Named.as("key-by-target-label"))
                .repartition(Repartitioned.<String, AvcDenial>as(TARGET_REPARTITION)
                        .withKeySerde(Serdes.String())
                        .withValueSerde(denialSerde))
                .leftJoin(containers, ContainerCorrelation::withTarget,
                        Joined.<String, AvcDenial, ContainerLabel>as(TARGET_JOIN)
                                .withKeySerde(Serdes.String())
                                .withValueSerde(denialSerde)
                                .withOtherValueSerde(Topics.AVC_CONTAINERS.valueSerde()));
    }

    /** The provenance of the event a state change came from (its first record's file and offset). */
    private static List<MacEvent> withSource(final List<MacEvent> events, final SourcePosition source) {
        if (source == null) {
            return events;
        }
        return events.stream().map(e -> new MacEvent(e.host(), e.event(), e.kind(), e.enforcing(), e.oldEnforcing(),
                e.bool(), e.val(), e.oldVal(), e.auid(), e.ses(), e.pid(), e.uid(), e.subj(), e.comm(), e.exe(),
                e.res(), e.fields(), source)).toList();
    }

    private static <K, V> Consumed<K, V> consumed(final Topic<K, V> topic, final String name) {
        return Consumed.with(topic.keySerde(), topic.valueSerde()).withName(name);
    }

    private static <K, V> Produced<K, V> produced(final Topic<K, V> topic, final String name) {
        return Produced.with(topic.keySerde(), topic.valueSerde()).withName(name);
    }
}
