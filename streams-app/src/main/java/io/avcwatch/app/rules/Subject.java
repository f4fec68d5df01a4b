package io.avcwatch.app.rules;

import java.util.Locale;
import java.util.Optional;

/** What a rule looks at: a denial record, a host SELinux state change, or an inventory entry. */
public enum Subject {
    DENIAL, MAC_EVENT, CONTAINER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Subject> parse(final String text) {
        for (final Subject s : values()) {
            if (s.wireName().equals(text)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
