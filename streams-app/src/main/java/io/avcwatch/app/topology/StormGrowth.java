package io.avcwatch.app.topology;

import io.avcwatch.app.rules.StormState;
import io.avcwatch.schemas.Alert;
import java.time.Instant;

/**
 * How far an open storm grew since it opened: its count and last-seen time, the only parts of the aggregate
 * alert a repeat changes ({@link io.avcwatch.app.rules.StormAggregator#offer}). Kept as text beside the opening
 * {@link StormState} in {@value AvcwatchTopology#STORM_GROWTH_STORE}: {@code COUNT} or {@code COUNT LAST_SEEN}
 * (ISO-8601).
 */
final class StormGrowth {

    private StormGrowth() {
    }

    /** True when {@code after} is {@code before} grown by repeats (the same window, nothing emitted since). */
    static boolean sameStorm(final StormState before, final StormState after) {
        return before != null && before.windowStartMillis() == after.windowStartMillis()
                && before.emittedCount() == after.emittedCount();
    }

    /** The growth of {@code state}. */
    static String of(final StormState state) {
        final Alert aggregate = state.aggregate();
        return aggregate.lastSeen() == null ? Long.toString(aggregate.count())
                : aggregate.count() + " " + aggregate.lastSeen();
    }

    /** {@code opened} with {@code growth} applied (null growth: as it opened). */
    static StormState applyTo(final StormState opened, final String growth) {
        if (growth == null) {
            return opened;
        }
        final int space = growth.indexOf(' ');
        final long count = Long.parseLong(space < 0 ? growth : growth.substring(0, space));
        final Instant lastSeen = space < 0 ? null : Instant.parse(growth.substring(space + 1));
        final Alert grown = opened.aggregate().toBuilder().count(count).lastSeen(lastSeen).build();
        return new StormState(grown, opened.windowStartMillis(), opened.emittedCount());
    }
}
