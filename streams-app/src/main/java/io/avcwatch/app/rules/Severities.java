package io.avcwatch.app.rules;

import io.avcwatch.schemas.Severity;
import java.util.Optional;

/** Ranking and parsing for the alert {@link Severity} (declared most severe first). */
public final class Severities {
    private Severities() {
    }

    /** True when {@code a} is as severe as {@code b} or more. */
    public static boolean atLeast(final Severity a, final Severity b) {
        return a.ordinal() <= b.ordinal();
    }

    /** The lower-case label ({@code critical}, ..., {@code info}), case-insensitively. */
    public static Optional<Severity> parse(final String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (final Severity s : Severity.values()) {
            if (s.label().equalsIgnoreCase(text.trim())) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
