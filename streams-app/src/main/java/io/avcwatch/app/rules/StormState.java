package io.avcwatch.app.rules;

import io.avcwatch.schemas.Alert;

/**
 * One open storm: the aggregate alert so far (first event, growing count, first/last seen) and
 * how much of it was already emitted. A plain record of JSON-serialisable parts, for a state
 * store keyed by {@link StormAggregator#keyOf(Alert)}.
 *
 * @param aggregate the alert standing for the storm, with the current count and last seen
 * @param windowStartMillis event time of the storm's first hit
 * @param emittedCount the count the last emitted version carried (0: nothing emitted yet)
 */
public record StormState(Alert aggregate, long windowStartMillis, long emittedCount) {

    /** True when the aggregate holds hits that were not emitted yet. */
    public boolean hasPending() {
        return aggregate.count() > emittedCount;
    }
}
