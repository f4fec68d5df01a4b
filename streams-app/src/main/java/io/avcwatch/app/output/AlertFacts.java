package io.avcwatch.app.output;

import io.avcwatch.schemas.Alert;
import io.avcwatch.schemas.DenialKind;
import java.math.BigDecimal;
import java.time.Instant;

/** Facts every format derives the same way from an alert. */
final class AlertFacts {
    private AlertFacts() {
    }

    /** When the (first) event happened: the ISO time, else the audit {@code SECONDS.MILLIS} stamp. */
    static Instant eventTime(final Alert alert) {
        if (alert.event().time() != null) {
            return alert.event().time();
        }
        try {
            final long millis = new BigDecimal(alert.event().timestamp()).movePointRight(3).longValueExact();
            return Instant.ofEpochMilli(millis);
        } catch (ArithmeticException | NumberFormatException e) {
            return alert.firstSeen() != null ? alert.firstSeen() : Instant.EPOCH;
        }
    }

    static Instant firstSeen(final Alert alert) {
        return alert.firstSeen() != null ? alert.firstSeen() : eventTime(alert);
    }

    static Instant lastSeen(final Alert alert) {
        return alert.lastSeen() != null ? alert.lastSeen() : firstSeen(alert);
    }

    static boolean isStateChange(final Alert alert) {
        return alert.denialKind() == DenialKind.STATE_CHANGE;
    }

    /** The last path segment: {@code shadow} for {@code /etc/shadow}; the input if it has no slash. */
    static String fileName(final String path) {
        if (path == null) {
            return null;
        }
        final String trimmed = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        final int slash = trimmed.lastIndexOf('/');
        return slash < 0 ? trimmed : trimmed.substring(slash + 1);
    }

    /** The title, or the rule id when the rule has no title. */
    static String title(final Alert alert) {
        return alert.title() != null && !alert.title().isBlank() ? alert.title() : alert.rule();
    }
}
