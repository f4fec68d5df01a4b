package io.avcwatch.app.topology;

import io.avcwatch.app.rules.Detector;
import io.avcwatch.app.rules.HostState;
import io.avcwatch.app.rules.StormAggregator;
import io.avcwatch.app.rules.StormState;
import io.avcwatch.schemas.Alert;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Runs the {@link Detector} over one host's denials and SELinux state changes, which Kafka Streams hands
 * over in event-time order because {@code avc.denials} and {@code avc.mac-events} are both keyed by host.
 * The host's last enforcing mode lives in {@value AvcwatchTopology#HOST_STATE_STORE}; repeated alerts fold
 * into storms kept in {@value AvcwatchTopology#STORM_STORE}, whose windows close by stream time and, on a
 * quiet host, by the wall clock (stream time estimated as last event time plus wall time since), and at
 * once on an {@link EndOfInput} marker.
 */
final class DetectionProcessor implements Processor<String, DetectionInput, String, Alert> {

    private final TopologyConfig config;
    private final Detector detector;
    private final StormAggregator storms;
    private ProcessorContext<String, Alert> context;
    private KeyValueStore<String, HostState> hostStates;
    private KeyValueStore<String, StormState> stormStates;
    private long newestEventMs = Long.MIN_VALUE;
    private long lastArrivalWallMs;
    /** Open storms by the event time their window closes, so expiry never scans the whole store. */
    private final TreeMap<Long, Set<String>> closing = new TreeMap<>();
    private final Map<String, Long> closesAt = new HashMap<>();

    DetectionProcessor(final TopologyConfig config, final Detector detector) {
        this.config = config;
        this.detector = detector;
        this.storms = new StormAggregator(config.stormWindow());
    }

    @Override
    public void init(final ProcessorContext<String, Alert> ctx) {
        this.context = ctx;
        this.hostStates = ctx.getStateStore(AvcwatchTopology.HOST_STATE_STORE);
        this.stormStates = ctx.getStateStore(AvcwatchTopology.STORM_STORE);
        try (KeyValueIterator<String, StormState> all = stormStates.all()) {
            all.forEachRemaining(storm -> index(storm.key, storm.value));
        }
        ctx.schedule(config.punctuateEvery(), PunctuationType.STREAM_TIME, this::expireStorms);
        ctx.schedule(config.punctuateEvery(), PunctuationType.WALL_CLOCK_TIME, wallMs -> {
            if (newestEventMs != Long.MIN_VALUE) {
                expireStorms(newestEventMs + Math.max(0, wallMs - lastArrivalWallMs));
            }
        });
    }

    @Override
    public void process(final Record<String, DetectionInput> in) {
        if (EndOfInput.isMarker(in.headers())) {
            flushStorms();
            return;
        }
        newestEventMs = Math.max(newestEventMs, in.timestamp());
        lastArrivalWallMs = context.currentSystemTimeMs();
        final String host = in.key();
        final HostState before = Optional.ofNullable(hostStates.get(host)).orElse(HostState.unknown(host));
        if (in.value() instanceof DetectionInput.Denial d) {
            detector.onDenial(d.denial(), before, d.denial().containerDetails()).ifPresent(this::offer);
            final HostState after = detector.hostStateAfter(d.denial(), before);
            if (!after.equals(before)) {
                hostStates.put(host, after);
            }
        } else if (in.value() instanceof DetectionInput.StateChange s) {
            final Detector.MacOutcome outcome = detector.onMacEvent(s.event(), before);
            if (!outcome.hostState().equals(before)) {
                hostStates.put(host, outcome.hostState());
            }
            outcome.alert().ifPresent(this::offer);
        }
    }

    private void offer(final Alert alert) {
        final String key = StormAggregator.keyOf(alert);
        final StormAggregator.Step step = storms.offer(stormStates.get(key), alert);
        apply(key, step);
    }

    private void expireStorms(final long eventTimeMs) {
        while (!closing.isEmpty() && closing.firstKey() <= eventTimeMs) {
            for (final String key : closing.pollFirstEntry().getValue()) {
                closesAt.remove(key);
                final StormState state = stormStates.get(key);
                if (state != null) {
                    apply(key, storms.expire(state, eventTimeMs));
                }
            }
        }
    }

    /** End of a finite input: every open storm emits its aggregate now and closes. */
    private void flushStorms() {
        for (final String key : List.copyOf(closesAt.keySet())) {
            final StormState state = stormStates.get(key);
            apply(key, new StormAggregator.Step(null, state == null ? List.of() : storms.flush(state)));
        }
    }

    private void apply(final String key, final StormAggregator.Step step) {
        if (step.state() == null) {
            stormStates.delete(key);
            unindex(key);
        } else {
            stormStates.put(key, step.state());
            index(key, step.state());
        }
        for (final Alert alert : step.emit()) {
            context.forward(new Record<>(alert.host(), alert, alert.event().time().toEpochMilli()));
        }
    }

    private void index(final String key, final StormState state) {
        final long closes = state.windowStartMillis() + config.stormWindow().toMillis();
        final Long before = closesAt.put(key, closes);
        if (before != null && before != closes) {
            removeFromClosing(before, key);
        }
        closing.computeIfAbsent(closes, t -> new HashSet<>()).add(key);
    }

    private void unindex(final String key) {
        final Long before = closesAt.remove(key);
        if (before != null) {
            removeFromClosing(before, key);
        }
    }

    private void removeFromClosing(final long time, final String key) {
        final Set<String> keys = closing.get(time);
        if (keys != null && keys.remove(key) && keys.isEmpty()) {
            closing.remove(time);
        }
    }
}
