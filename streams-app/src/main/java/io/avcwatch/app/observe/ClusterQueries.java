package io.avcwatch.app.observe;

import io.avcwatch.schemas.Alert;
import io.avcwatch.schemas.Json;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Answers the API's questions from the {@link ApiViews} stores of every instance of the application: a key's
 * owner is found with {@link KafkaStreams#queryMetadataForKey} and asked over HTTP when it is another instance;
 * recent alerts are gathered from every instance that holds the store and merged by event time.
 */
public final class ClusterQueries {
    private static final Comparator<Map.Entry<String, Alert>> NEWEST_FIRST =
            Map.Entry.<String, Alert>comparingByKey().reversed();

    private final KafkaStreams streams;
    private final HostInfo self;
    private final RemoteInstances remote;

    /**
     * @param streams the running application
     * @param self    this instance's {@code application.server}
     */
    public ClusterQueries(final KafkaStreams streams, final HostInfo self) {
        this.streams = streams;
        this.self = self;
        this.remote = new RemoteInstances();
    }

    /**
     * The {@code limit} newest alerts by event time, newest first.
     *
     * @param localOnly only this instance's partitions (what another instance asks for)
     */
    public List<Alert> recentAlerts(final int limit, final boolean localOnly) {
        final Map<String, Alert> merged = new LinkedHashMap<>();
        localRecentAlerts(limit).forEach(a -> merged.put(RecentAlertsProcessor.keyOf(a), a));
        if (!localOnly) {
            final Collection<StreamsMetadata> instances = streams.streamsMetadataForStore(ApiViews.RECENT_ALERTS_STORE);
            for (final StreamsMetadata instance : instances) {
                if (!instance.hostInfo().equals(self)) {
                    remote.get(instance.hostInfo(), "/api/alerts/recent", "limit=" + limit)
                            .map(body -> Json.fromJson(body, Alert[].class))
                            .ifPresent(alerts -> {
                                for (final Alert a : alerts) {
                                    merged.put(RecentAlertsProcessor.keyOf(a), a);
                                }
                            });
                }
            }
        }
        return merged.entrySet().stream().sorted(NEWEST_FIRST).limit(limit).map(Map.Entry::getValue).toList();
    }

    /**
     * The denial counts of container {@code id}, from whichever instance owns that key.
     *
     * @param localOnly answer from this instance's stores only (what another instance asks for)
     */
    public Optional<ContainerDenials> containerDenials(final String id, final boolean localOnly) {
        final KeyQueryMetadata owner = streams.queryMetadataForKey(ApiViews.CONTAINER_DENIALS_STORE, id,
                Serdes.String().serializer());
        if (owner == null || KeyQueryMetadata.NOT_AVAILABLE.equals(owner)) {
            throw new QueryUnavailableException("no instance owns " + ApiViews.CONTAINER_DENIALS_STORE
                    + " for that key right now (rebalancing)", null);
        }
        if (owner.activeHost().equals(self) || localOnly) {
            try {
                final ReadOnlyKeyValueStore<String, ContainerDenials> store = streams.store(StoreQueryParameters
                        .fromNameAndType(ApiViews.CONTAINER_DENIALS_STORE,
                                QueryableStoreTypes.<String, ContainerDenials>keyValueStore())
                        .withPartition(owner.partition()));
                return Optional.ofNullable(store.get(id));
            } catch (InvalidStateStoreException e) {
                if (localOnly && !owner.activeHost().equals(self)) {
                    return Optional.empty();
                }
                throw new QueryUnavailableException(ApiViews.CONTAINER_DENIALS_STORE + " is not queryable here"
                        + " right now: " + e.getMessage(), e);
            }
        }
        return remote.get(owner.activeHost(), "/api/containers/" + RemoteInstances.segment(id) + "/denials", "")
                .map(body -> Json.fromJson(body, ContainerDenials.class));
    }

    /** This instance's own address. */
    public HostInfo self() {
        return self;
    }

    private List<Alert> localRecentAlerts(final int limit) {
        final List<Map.Entry<String, Alert>> all = new ArrayList<>();
        try {
            final ReadOnlyKeyValueStore<String, Alert> store = streams.store(StoreQueryParameters
                    .fromNameAndType(ApiViews.RECENT_ALERTS_STORE, QueryableStoreTypes.<String, Alert>keyValueStore()));
            try (KeyValueIterator<String, Alert> it = store.all()) {
                it.forEachRemaining(kv -> all.add(Map.entry(kv.key, kv.value)));
            }
        } catch (InvalidStateStoreException e) {
            if (streams.state() == KafkaStreams.State.RUNNING) {
                return List.of(); // running with none of the store's partitions assigned here
            }
            throw new QueryUnavailableException(ApiViews.RECENT_ALERTS_STORE + " is not queryable right now: "
                    + e.getMessage(), e);
        }
        return all.stream().sorted(NEWEST_FIRST).limit(limit).map(Map.Entry::getValue).toList();
    }
}
