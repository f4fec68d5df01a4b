package io.avcwatch.app.rules;

import io.avcwatch.schemas.Alert;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Folds repeated alerts of one container, rule and severity on one host into a single alert with
 * a growing count, per window of event time. The first hit of a storm is emitted at once (so a
 * hit at {@code high} or above pages immediately); repeats only raise the count, and the
 * aggregate is emitted again when its window closes. A more severe hit (for example the same
 * write with {@code permissive=1}: it happened) has a different key and starts its own storm.
 *
 * <p>Clock-free: time comes from the alerts' event times and from the {@code eventTimeMillis} the
 * caller passes to {@link #expire} (stream time in the Streams app). The caller keeps the
 * {@link StormState} per {@link #keyOf(Alert)}; a null state means no open storm.
 */
public final class StormAggregator {
    private final long windowMillis;

    public StormAggregator(final Duration window) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("storm window must be positive: " + window);
        }
        this.windowMillis = window.toMillis();
    }

    /** The state-store key: host, container (or label), rule and severity. */
    public static String keyOf(final Alert a) {
        final String subject = a.container() != null ? a.container().id()
                : a.scontext() != null ? a.scontext() : "-";
        return a.host() + "|" + subject + "|" + a.rule() + "|" + a.severity().label();
    }

    /** The state to keep (null: delete) and the alerts to emit now. */
    public record Step(StormState state, List<Alert> emit) {
        public Step {
            emit = List.copyOf(emit);
        }
    }

    /** Offers a new alert for the storm whose current state is {@code current} (null if none). */
    public Step offer(final StormState current, final Alert alert) {
        final long t = timeOf(alert);
        final List<Alert> emit = new ArrayList<>();
        StormState open = current;
        if (open != null && t >= open.windowStartMillis() + windowMillis) {
            emit.addAll(expire(open, t).emit());
            open = null;
        }
        if (open == null) {
            emit.add(alert);
            return new Step(new StormState(alert, t, alert.count()), emit);
        }
        final Alert agg = open.aggregate();
        final Instant last = later(agg.lastSeen(), alert.lastSeen() == null ? Instant.ofEpochMilli(t) : alert.lastSeen());
        final Alert grown = agg.toBuilder().count(agg.count() + alert.count()).lastSeen(last).build();
        return new Step(new StormState(grown, open.windowStartMillis(), open.emittedCount()), emit);
    }

    /**
     * Closes the storm if its window ended by {@code eventTimeMillis}: emits the aggregate when it
     * holds hits not yet emitted, and drops the state. An open window is kept unchanged.
     */
    public Step expire(final StormState current, final long eventTimeMillis) {
        if (current == null) {
            return new Step(null, List.of());
        }
        if (eventTimeMillis < current.windowStartMillis() + windowMillis) {
            return new Step(current, List.of());
        }
        return new Step(null, current.hasPending() ? List.of(current.aggregate()) : List.of());
    }

    /** Emits whatever is pending regardless of time (end of a finite replay). */
    public List<Alert> flush(final StormState current) {
        return current != null && current.hasPending() ? List.of(current.aggregate()) : List.of();
    }

    private static long timeOf(final Alert a) {
        if (a.firstSeen() != null) {
            return a.firstSeen().toEpochMilli();
        }
        return a.event().time() == null ? 0L : a.event().time().toEpochMilli();
    }

    private static Instant later(final Instant a, final Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
