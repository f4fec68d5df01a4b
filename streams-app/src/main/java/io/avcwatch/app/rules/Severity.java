package io.avcwatch.app.rules;

import java.util.Locale;
import java.util.Optional;

/** Alert severity, ordered from least to most urgent; printed lower-case as in the alert JSON. */
public enum Severity {
    INFO, LOW, MEDIUM, HIGH, CRITICAL;

    /** The lower-case wire name ({@code critical}, {@code high}, ...). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean atLeast(final Severity other) {
        return compareTo(other) >= 0;
    }

    public static Severity max(final Severity a, final Severity b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** Parses a wire name, case-insensitively; empty when it is not a severity. */
    public static Optional<Severity> parse(final String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (final Severity s : values()) {
            if (s.name().equalsIgnoreCase(text.trim())) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
