package io.avcwatch.app.observe;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Observability of one {@code KafkaStreams} instance: a Prometheus registry with the avcwatch meters
 * ({@link #meters()}), JVM and Kafka Streams client metrics (consumer lag included:
 * {@code kafka_consumer_fetch_manager_records_lag_max}), the inventory-size gauges, and the HTTP server.
 *
 * <p>Order of use, because {@code application.server} must name the bound port before Kafka Streams starts:
 * {@link #open}, build the topology with {@link #meters()}, create the streams with
 * {@link #streamsProperties(Properties)}, then {@link #attach(KafkaStreams)}.
 */
public final class StreamsObserver implements AutoCloseable {
    /** Gauge: labels ({@code host|categories}) with a known container, in this instance's partitions. */
    public static final String INVENTORY_LABELS = "avcwatch.inventory.labels";
    /** Gauge: containers known to the inventory, in this instance's partitions. */
    public static final String INVENTORY_CONTAINERS = "avcwatch.inventory.containers";

    private final PrometheusMeterRegistry registry;
    private final PipelineMeters meters;
    private final ObserveServer server;
    private KafkaStreamsMetrics streamsMetrics;

    private StreamsObserver(final PrometheusMeterRegistry registry, final ObserveServer server) {
        this.registry = registry;
        this.meters = new PipelineMeters(registry);
        this.server = server;
    }

    /**
     * A registry, and the HTTP server when {@code settings} enable it.
     *
     * @throws IOException when the HTTP address cannot be bound
     */
    public static StreamsObserver open(final HttpSettings settings) throws IOException {
        final PrometheusMeterRegistry registry = Registries.prometheus();
        return new StreamsObserver(registry, settings.enabled() ? ObserveServer.start(settings, registry) : null);
    }

    /** The meters to build the topology with. */
    public PipelineMeters meters() {
        return meters;
    }

    /** The registry behind {@code /metrics}. */
    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** The HTTP port, or -1 without a server. */
    public int port() {
        return server == null ? -1 : server.port();
    }

    /** {@code props} with {@code application.server} set to this instance's HTTP address (when serving). */
    public Properties streamsProperties(final Properties props) {
        final Properties p = new Properties();
        p.putAll(props);
        if (server != null) {
            p.setProperty(StreamsConfig.APPLICATION_SERVER_CONFIG, server.advertisedAddress());
        }
        return p;
    }

    /** Binds the Streams client metrics and the inventory gauges, and serves health and the API of {@code streams}. */
    public void attach(final KafkaStreams streams) {
        streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(registry);
        Gauge.builder(INVENTORY_LABELS, streams, s -> inventory(s, false))
                .description("Container labels known to the inventory (this instance's partitions)")
                .register(registry);
        Gauge.builder(INVENTORY_CONTAINERS, streams, s -> inventory(s, true))
                .description("Containers known to the inventory (this instance's partitions)").register(registry);
        if (server != null) {
            server.serveHealth(() -> health(streams));
            server.serveApi(new ClusterQueries(streams, HostInfo.buildFromEndpoint(server.advertisedAddress())));
        }
    }

    /** Up while every thread runs (RUNNING); REBALANCING, starting and stopped are 503. */
    static Health health(final KafkaStreams streams) {
        final KafkaStreams.State state = streams.state();
        return new Health(state == KafkaStreams.State.RUNNING, Map.of("streams_state", state.name()));
    }

    private static double inventory(final KafkaStreams streams, final boolean containers) {
        try {
            final ReadOnlyKeyValueStore<String, Long> store = streams.store(StoreQueryParameters.fromNameAndType(
                    ApiViews.INVENTORY_STORE, QueryableStoreTypes.<String, Long>keyValueStore()));
            if (!containers) {
                return store.approximateNumEntries();
            }
            long sum = 0;
            try (KeyValueIterator<String, Long> all = store.all()) {
                while (all.hasNext()) {
                    sum += all.next().value;
                }
            }
            return sum;
        } catch (InvalidStateStoreException e) {
            return Double.NaN; // not running, or none of the store's partitions are here
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
        if (streamsMetrics != null) {
            streamsMetrics.close();
        }
        registry.close();
    }
}
