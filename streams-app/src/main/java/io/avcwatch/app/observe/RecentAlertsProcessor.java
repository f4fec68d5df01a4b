package io.avcwatch.app.observe;

import io.avcwatch.schemas.Alert;
import io.avcwatch.schemas.ZeroPadded;
import java.util.TreeSet;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the newest {@link ApiViews#RECENT_ALERTS_PER_PARTITION} alerts of its partition in
 * {@value ApiViews#RECENT_ALERTS_STORE}, keyed by {@link #keyOf(Alert)} so the store's order is event-time
 * order, and counts each new alert id once in {@link PipelineMeters#ALERTS}. A storm's closing update has the
 * same key and replaces the alert it completes.
 */
final class RecentAlertsProcessor implements Processor<String, Alert, Void, Void> {
    private final PipelineMeters meters;
    private final int capacity;
    private KeyValueStore<String, Alert> store;
    /** The store's keys, oldest first: eviction without iterating (and copying) the store per alert. */
    private final TreeSet<String> keys = new TreeSet<>();

    RecentAlertsProcessor(final PipelineMeters meters, final int capacity) {
        this.meters = meters;
        this.capacity = capacity;
    }

    @Override
    public void init(final ProcessorContext<Void, Void> context) {
        this.store = context.getStateStore(ApiViews.RECENT_ALERTS_STORE);
        keys.clear(); // a revived task inits the same instance again
        try (KeyValueIterator<String, Alert> all = store.all()) {
            all.forEachRemaining(entry -> keys.add(entry.key));
        }
    }

    @Override
    public void process(final Record<String, Alert> in) {
        final Alert alert = in.value();
        if (alert == null) {
            return;
        }
        final String key = keyOf(alert);
        if (keys.add(key)) {
            meters.alert(alert);
        }
        store.put(key, alert);
        while (keys.size() > capacity) {
            store.put(keys.pollFirst(), null); // a delete would deserialise the old alert to return it
        }
    }

    /** Zero-padded event-time milliseconds, then the alert id: sorts by time, unique per alert. */
    static String keyOf(final Alert alert) {
        return ZeroPadded.of(Math.max(0, alert.event().time().toEpochMilli())) + '|' + alert.alertId();
    }
}
