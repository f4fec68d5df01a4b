package io.avcwatch.app.observe;

import io.avcwatch.schemas.Alert;
import io.avcwatch.schemas.AvcDenial;
import io.avcwatch.schemas.ContainerLabel;
import io.avcwatch.schemas.JsonSerde;
import io.avcwatch.schemas.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The topology step that materialises what the read-only HTTP API serves, in stores other instances reach
 * through interactive queries ({@link ClusterQueries}):
 * <ul>
 *   <li>{@value #RECENT_ALERTS_STORE}: the newest alerts of each {@code avc.alerts} partition (container-risk
 *       and detection alerts, taken from the topology as they are written to the topic, in the same task and
 *       transaction, so nothing is read back), key {@code MILLIS|alert_id};
 *   <li>{@value #CONTAINER_DENIALS_STORE}: {@link ContainerDenials} per subject container id, after the
 *       repartition {@value #DENIALS_BY_CONTAINER}, so one instance owns each container's count;
 *   <li>{@value #INVENTORY_STORE}: per label key ({@code host|categories}) the number of containers known to
 *       have held it; the inventory-size gauges read it.
 * </ul>
 */
public final class ApiViews {
    /** Newest alerts per partition. */
    public static final String RECENT_ALERTS_STORE = "api-recent-alerts";
    /** Denial counts per container id. */
    public static final String CONTAINER_DENIALS_STORE = "api-container-denials";
    /** Containers known per label. */
    public static final String INVENTORY_STORE = "api-inventory-labels";
    /** How many alerts each partition keeps for {@code /api/alerts/recent}. */
    public static final int RECENT_ALERTS_PER_PARTITION = 1000;

    static final String DENIALS_BY_CONTAINER = "denials-by-container";

    private ApiViews() {
    }

    /**
     * Adds the three stores.
     *
     * @param denials          correlated denials, any key
     * @param alerts           every alert written to {@code avc.alerts}, key host, in the task of the partition
     *                         it is written to
     * @param containerChanges every new version of a container label, key {@code host|categories}
     */
    public static void addTo(final StreamsBuilder builder, final KStream<String, AvcDenial> denials,
            final KStream<String, Alert> alerts, final KStream<String, ContainerLabel> containerChanges,
            final PipelineMeters meters) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(RECENT_ALERTS_STORE),
                Serdes.String(), Topics.AVC_ALERTS.valueSerde()));
        alerts.process(() -> new RecentAlertsProcessor(meters, RECENT_ALERTS_PER_PARTITION),
                        Named.as("keep-recent-alerts"), RECENT_ALERTS_STORE);

        denials.filter((key, denial) -> denial.container() != null, Named.as("denials-in-containers"))
                .selectKey((key, denial) -> denial.container().id(), Named.as("key-by-container"))
                .groupByKey(Grouped.with(DENIALS_BY_CONTAINER, Serdes.String(), Topics.AVC_DENIALS.valueSerde()))
                .aggregate(ContainerDenials::empty, (id, denial, count) -> count.plus(denial),
                        Named.as("count-container-denials"),
                        Materialized.<String, ContainerDenials, KeyValueStore<Bytes, byte[]>>as(CONTAINER_DENIALS_STORE)
                                .withKeySerde(Serdes.String())
                                .withValueSerde(JsonSerde.of(ContainerDenials.class)));

        containerChanges
                .mapValues(label -> label.containers().isEmpty() ? null : (long) label.containers().size(),
                        Named.as("count-label-holders"))
                .toTable(Named.as("inventory-size"),
                        Materialized.<String, Long>as(Stores.inMemoryKeyValueStore(INVENTORY_STORE))
                                .withKeySerde(Serdes.String())
                                .withValueSerde(Serdes.Long()));
    }
}
