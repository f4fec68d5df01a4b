package io.avcwatch.app.topology;

import java.time.Duration;
import java.util.Objects;

/**
 * Everything {@link AvcwatchTopology#build(TopologyConfig)} needs; pure data, no Kafka client settings.
 *
 * @param topicPrefix        prepended to every topic name ({@code ""} live, {@code case.ID.} for a forensic case)
 * @param eventTimeout       an in-flight event with no EOE completes once its host's event time has moved this
 *                           far past it (auditd writes all records of one event within the same millisecond, but
 *                           EOE is often missing from audit.log)
 * @param quietHostAfter     wall-clock time without a new record from a host after which its in-flight events are
 *                           completed anyway, so the last event before a quiet period is not held back
 * @param punctuateEvery     how often the wall-clock punctuations (live only) check for quiet hosts, denials
 *                           waiting for inventory and storms to close
 * @param maxInFlight        bound on in-flight events per host; the oldest completes first when it is reached
 * @param inventoryGrace     how long (its host's event time) a denial whose label no container held yet waits for
 *                           late inventory; 0 never waits. Container engines report a start within milliseconds and
 *                           the inventory watcher publishes within about a second, so 2 s covers a container that is
 *                           denied right after it started. A denial whose container is known does not wait, but the
 *                           later events of a host wait behind one that does
 * @param inventoryHistory   how far back the versioned container table keeps superseded labels: the replay horizon.
 *                           A denial older than (newest inventory change - this) finds no container. Set the
 *                           {@code avc.containers} topic's {@code min.compaction.lag.ms} to at least this
 * @param stormWindow        repeated alerts of one container and rule within this much event time become one
 *                           alert with a growing count (the first one is still sent at once)
 * @param finiteInput        a finite run ({@code analyze}, {@code replay --case}): the wall clock has no say in any
 *                           result. Quiet hosts are not completed, storms do not expire and denials waiting for
 *                           inventory are not released by the wall clock; only event time and the
 *                           {@link EndOfInput} markers do, so replaying the same files gives the same alerts
 */
public record TopologyConfig(String topicPrefix, Duration eventTimeout, Duration quietHostAfter,
                             Duration punctuateEvery, int maxInFlight, Duration inventoryGrace,
                             Duration inventoryHistory, Duration stormWindow, boolean finiteInput) {

    /** 2 s: see {@code inventoryGrace}. */
    public static final Duration DEFAULT_INVENTORY_GRACE = Duration.ofSeconds(2);
    /** 35 days: a month of rotated logs plus slack for the time it takes to start a case. */
    public static final Duration DEFAULT_INVENTORY_HISTORY = Duration.ofDays(35);

    public TopologyConfig {
        Objects.requireNonNull(topicPrefix, "topicPrefix");
        requirePositive(eventTimeout, "eventTimeout");
        requirePositive(quietHostAfter, "quietHostAfter");
        requirePositive(punctuateEvery, "punctuateEvery");
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1, got " + maxInFlight);
        }
        Objects.requireNonNull(inventoryGrace, "inventoryGrace");
        if (inventoryGrace.isNegative()) {
            throw new IllegalArgumentException("inventoryGrace must not be negative, got " + inventoryGrace);
        }
        requirePositive(inventoryHistory, "inventoryHistory");
        requirePositive(stormWindow, "stormWindow");
        if (inventoryHistory.compareTo(inventoryGrace) < 0) {
            throw new IllegalArgumentException("inventoryHistory " + inventoryHistory
                    + " must be at least inventoryGrace " + inventoryGrace);
        }
    }

    /** The settings {@code avcwatch streams} runs with unless told otherwise. */
    public static TopologyConfig defaults() {
        return new TopologyConfig("", Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(1),
                10_000, DEFAULT_INVENTORY_GRACE, DEFAULT_INVENTORY_HISTORY, Duration.ofMinutes(1), false);
    }

    /** The same settings under another topic prefix. */
    public TopologyConfig withTopicPrefix(final String prefix) {
        return new TopologyConfig(prefix, eventTimeout, quietHostAfter, punctuateEvery, maxInFlight,
                inventoryGrace, inventoryHistory, stormWindow, finiteInput);
    }

    /** The same settings with another wall-clock punctuation interval. */
    public TopologyConfig withPunctuateEvery(final Duration every) {
        return new TopologyConfig(topicPrefix, eventTimeout, quietHostAfter, every, maxInFlight,
                inventoryGrace, inventoryHistory, stormWindow, finiteInput);
    }

    /** The same settings with another inventory grace period. */
    public TopologyConfig withInventoryGrace(final Duration grace) {
        return new TopologyConfig(topicPrefix, eventTimeout, quietHostAfter, punctuateEvery, maxInFlight,
                grace, inventoryHistory, stormWindow, finiteInput);
    }

    /** The same settings with another storm window. */
    public TopologyConfig withStormWindow(final Duration window) {
        return new TopologyConfig(topicPrefix, eventTimeout, quietHostAfter, punctuateEvery, maxInFlight,
                inventoryGrace, inventoryHistory, window, finiteInput);
    }

    /** The same settings for a finite ({@code true}) or a live input. */
    public TopologyConfig withFiniteInput(final boolean finite) {
        return new TopologyConfig(topicPrefix, eventTimeout, quietHostAfter, punctuateEvery, maxInFlight,
                inventoryGrace, inventoryHistory, stormWindow, finite);
    }

    private static void requirePositive(final Duration d, final String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + d);
        }
    }
}
