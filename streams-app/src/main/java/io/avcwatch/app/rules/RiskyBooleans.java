package io.avcwatch.app.rules;

import io.avcwatch.schemas.Severity;
import java.util.Map;
import java.util.Optional;

/**
 * SELinux booleans that weaken every container when set to a given value, with the severity of
 * that change ({@code deny_ptrace} weakens when turned off, the others when turned on).
 */
public record RiskyBooleans(Map<String, Entry> entries) {

    public RiskyBooleans {
        entries = Map.copyOf(entries);
    }

    /** The value that weakens containment and how bad that is. */
    public record Entry(int weakeningValue, Severity severity) {
    }

    public static RiskyBooleans empty() {
        return new RiskyBooleans(Map.of());
    }

    /** The severity when {@code bool} is set to {@code value} and that weakens containment. */
    public Optional<Severity> weakening(final String bool, final String value) {
        if (bool == null || value == null) {
            return Optional.empty();
        }
        final Entry e = entries.get(bool);
        if (e == null) {
            return Optional.empty();
        }
        try {
            return Integer.parseInt(value.trim()) == e.weakeningValue()
                    ? Optional.of(e.severity()) : Optional.empty();
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }
}
