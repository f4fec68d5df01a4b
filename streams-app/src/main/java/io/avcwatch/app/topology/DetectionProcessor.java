package io.avcwatch.app.topology;

import io.avcwatch.app.rules.Detector;
import io.avcwatch.app.rules.HostState;
import io.avcwatch.app.rules.StormAggregator;
import io.avcwatch.app.rules.StormState;
import io.avcwatch.schemas.Alert;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.TreeSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Runs the {@link Detector} over one host's denials and SELinux state changes, which the correlation step
 * hands over in the order the host's events were assembled. The host's last enforcing mode lives in
 * {@value AvcwatchTopology#HOST_STATE_STORE} (mirrored in memory, so the hot path never deserialises it);
 * repeated alerts fold into storms kept in {@value AvcwatchTopology#STORM_STORE} and
 * {@value AvcwatchTopology#STORM_GROWTH_STORE} (mirrored in memory: the stores are only read when the task
 * starts). A storm window closes by
 * its own host's event time (never another host's, so the result does not depend on how hosts interleave in
 * a partition), at once on an {@link EndOfInput} marker, and, live only, by the wall clock on a quiet host.
 */
final class DetectionProcessor implements Processor<String, DetectionInput, String, Alert> {

    private final TopologyConfig config;
    private final Detector detector;
    private final StormAggregator storms;
    private ProcessorContext<String, Alert> context;
    private KeyValueStore<String, HostState> hostStates;
    private KeyValueStore<String, StormState> stormStates;
    private KeyValueStore<String, String> stormGrowth;
    private final Map<String, HostState> hostStateCache = new HashMap<>();
    private final Map<String, StormState> stormCache = new HashMap<>();
    private final Map<String, HostClock> clocks = new HashMap<>();
    /** Open storms of each host by the event time their window closes, so expiry never scans the store. */
    private final Map<String, TreeMap<Long, Set<String>>> closing = new HashMap<>();
    private final Map<String, Long> closesAt = new HashMap<>();
    /** The storms that have an entry in the growth store (they grew since they opened); the others need no delete. */
    private final Set<String> grown = new HashSet<>();

    DetectionProcessor(final TopologyConfig config, final Detector detector) {
        this.config = config;
        this.detector = detector;
        this.storms = new StormAggregator(config.stormWindow());
    }

    @Override
    public void init(final ProcessorContext<String, Alert> ctx) {
        this.context = ctx;
        // a revived task (after an aborted transaction) inits the same instance again: start from the stores
        hostStateCache.clear();
        stormCache.clear();
        clocks.clear();
        closing.clear();
        closesAt.clear();
        grown.clear();
        this.hostStates = ctx.getStateStore(AvcwatchTopology.HOST_STATE_STORE);
        this.stormStates = ctx.getStateStore(AvcwatchTopology.STORM_STORE);
        this.stormGrowth = ctx.getStateStore(AvcwatchTopology.STORM_GROWTH_STORE);
        final long wallMs = ctx.currentSystemTimeMs();
        try (KeyValueIterator<String, StormState> all = stormStates.all()) {
            all.forEachRemaining(storm -> {
                final String growth = stormGrowth.get(storm.key);
                if (growth != null) {
                    grown.add(storm.key);
                }
                final StormState state = StormGrowth.applyTo(storm.value, growth);
                stormCache.put(storm.key, state);
                index(storm.key, state);
                restoreClock(hostOf(storm.key), state, wallMs);
            });
        }
        try (KeyValueIterator<String, HostState> all = hostStates.all()) {
            all.forEachRemaining(state -> hostStateCache.put(state.key, state.value));
        }
        if (!config.finiteInput()) {
            ctx.schedule(config.punctuateEvery(), PunctuationType.WALL_CLOCK_TIME, this::onWallClock);
        }
    }

    @Override
    public void process(final Record<String, DetectionInput> in) {
        if (in.value() instanceof DetectionInput.End) {
            flushStorms();
            return;
        }
        final String host = in.key();
        final HostClock clock = clocks.computeIfAbsent(host, h -> new HostClock());
        clock.eventMs = Math.max(clock.eventMs, in.timestamp());
        clock.lastArrivalWallMs = context.currentSystemTimeMs();
        expireStorms(host, clock.eventMs);
        final HostState before = hostStateCache.getOrDefault(host, HostState.unknown(host));
        if (in.value() instanceof DetectionInput.Denial d) {
            detector.onDenial(d.denial(), before, d.denial().containerDetails()).ifPresent(this::offer);
            final HostState after = detector.hostStateAfter(d.denial(), before);
            if (!after.equals(before)) {
                putHostState(host, after);
            }
        } else if (in.value() instanceof DetectionInput.StateChange s) {
            final Detector.MacOutcome outcome = detector.onMacEvent(s.event(), before);
            if (!outcome.hostState().equals(before)) {
                putHostState(host, outcome.hostState());
            }
            outcome.alert().ifPresent(this::offer);
        }
    }

    private void onWallClock(final long wallMs) {
        clocks.forEach((host, clock) ->
                expireStorms(host, clock.eventMs + Math.max(0, wallMs - clock.lastArrivalWallMs)));
    }

    /**
     * A host with open storms counts as heard from at {@code wallMs}, its newest event time the newest last-seen
     * of its storms, so the wall clock closes them even if the host sends nothing more after a task moved.
     */
    private void restoreClock(final String host, final StormState storm, final long wallMs) {
        final HostClock clock = clocks.computeIfAbsent(host, h -> new HostClock());
        final Instant lastSeen = storm.aggregate().lastSeen();
        clock.eventMs = Math.max(clock.eventMs, lastSeen == null ? storm.windowStartMillis() : lastSeen.toEpochMilli());
        clock.lastArrivalWallMs = wallMs;
    }

    private void putHostState(final String host, final HostState state) {
        hostStateCache.put(host, state);
        hostStates.put(host, state);
    }

    private void offer(final Alert alert) {
        final String key = StormAggregator.keyOf(alert);
        final StormAggregator.Step step = storms.offer(stormCache.get(key), alert);
        apply(key, step);
    }

    private void expireStorms(final String host, final long eventTimeMs) {
        final TreeMap<Long, Set<String>> byClose = closing.get(host);
        while (byClose != null && !byClose.isEmpty() && byClose.firstKey() <= eventTimeMs) {
            for (final String key : byClose.pollFirstEntry().getValue()) {
                closesAt.remove(key);
                final StormState state = stormCache.get(key);
                if (state != null) {
                    apply(key, storms.expire(state, eventTimeMs));
                }
            }
        }
    }

    /** End of a finite input: every open storm emits its aggregate now and closes. */
    private void flushStorms() {
        for (final String key : new TreeSet<>(closesAt.keySet())) {
            final StormState state = stormCache.get(key);
            apply(key, new StormAggregator.Step(null, state == null ? List.of() : storms.flush(state)));
        }
    }

    /**
     * Keeps the storm's state in memory and in the stores: the opening state as JSON once, and each repeat
     * folded in as a few bytes of {@link StormGrowth} (a storm of thousands of repeats is not thousands of
     * alert serialisations). Puts of null are deletes that do not deserialise the old value.
     */
    private void apply(final String key, final StormAggregator.Step step) {
        final StormState before = step.state() == null ? stormCache.remove(key) : stormCache.put(key, step.state());
        if (step.state() == null) {
            if (before != null) {
                stormStates.put(key, null);
                deleteGrowth(key);
            }
            unindex(key);
        } else {
            if (StormGrowth.sameStorm(before, step.state())) {
                stormGrowth.put(key, StormGrowth.of(step.state()));
                grown.add(key);
            } else {
                stormStates.put(key, step.state());
                deleteGrowth(key);
            }
            index(key, step.state());
        }
        for (final Alert alert : step.emit()) {
            context.forward(new Record<>(alert.host(), alert, alert.event().time().toEpochMilli()));
        }
    }

    /**
     * Deletes the storm's growth entry if it has one. A storm that never grew has none (nearly every storm of a
     * log whose denials rarely repeat), and deleting it anyway cost a cache entry and a changelog tombstone for a
     * key that was never written.
     */
    private void deleteGrowth(final String key) {
        if (grown.remove(key)) {
            stormGrowth.put(key, null);
        }
    }

    private void index(final String key, final StormState state) {
        final long closes = state.windowStartMillis() + config.stormWindow().toMillis();
        final Long before = closesAt.put(key, closes);
        if (before != null && before != closes) {
            removeFromClosing(key, before);
        }
        closing.computeIfAbsent(hostOf(key), h -> new TreeMap<>()).computeIfAbsent(closes, t -> new TreeSet<>())
                .add(key);
    }

    private void unindex(final String key) {
        final Long before = closesAt.remove(key);
        if (before != null) {
            removeFromClosing(key, before);
        }
    }

    private void removeFromClosing(final String key, final long time) {
        final TreeMap<Long, Set<String>> byClose = closing.get(hostOf(key));
        final Set<String> keys = byClose == null ? null : byClose.get(time);
        if (keys != null && keys.remove(key) && keys.isEmpty()) {
            byClose.remove(time);
        }
    }

    /** Storm keys start with the host ({@link StormAggregator#keyOf}). */
    private static String hostOf(final String stormKey) {
        final int bar = stormKey.indexOf('|');
        return bar < 0 ? stormKey : stormKey.substring(0, bar);
    }

    /** A host's newest event time and when (wall clock) it was seen. */
    private static final class HostClock {
        private long eventMs = Long.MIN_VALUE;
        private long lastArrivalWallMs;
    }
}
