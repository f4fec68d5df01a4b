package io.avcwatch.app.tailer;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.assertj.core.api.Assertions;

/** Polls a condition until it holds or a deadline passes (tests never sleep a fixed time). */
final class Await {
    private static final long POLL_NANOS = 20_000_000;
    private Await() {
    }

    static void until(final String what, final Duration timeout, final BooleanSupplier condition) {
        final Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                Assertions.fail("timed out after " + timeout + " waiting for " + what);
            }
            // the polling interval between checks, not a guess at how long the outcome takes
            LockSupport.parkNanos(POLL_NANOS);
        }
    }
}
