package io.avcwatch.app.deploy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A systemd unit file as section -> key -> values (a key may repeat; an empty assignment is kept,
 * since in systemd it means "reset", as in {@code CapabilityBoundingSet=}).
 *
 * @param sections the sections in file order
 */
record UnitFile(Map<String, Map<String, List<String>>> sections) {

    UnitFile {
        final Map<String, Map<String, List<String>>> copy = new LinkedHashMap<>();
        sections.forEach((name, keys) -> {
            final Map<String, List<String>> keyCopy = new LinkedHashMap<>();
            keys.forEach((k, v) -> keyCopy.put(k, List.copyOf(v)));
            copy.put(name, Collections.unmodifiableMap(keyCopy));
        });
        sections = Collections.unmodifiableMap(copy);
    }

    /** Every value of {@code key} in {@code section}, in order; empty when the key is absent. */
    List<String> values(final String section, final String key) {
        return sections.getOrDefault(section, Map.of()).getOrDefault(key, List.of());
    }

    /** The single value of {@code key}; an error when it is absent or repeated. */
    String value(final String section, final String key) {
        final List<String> values = values(section, key);
        if (values.size() != 1) {
            throw new AssertionError("[" + section + "] " + key + " has " + values.size() + " values: " + values);
        }
        return values.get(0);
    }

    /** Parses unit file text: comments with # or ;, continuation lines ending in a backslash. */
    static UnitFile parse(final String text) {
        final Map<String, Map<String, List<String>>> sections = new LinkedHashMap<>();
        Map<String, List<String>> current = null;
        final StringBuilder pending = new StringBuilder();
        for (String raw : text.split("\n", -1)) {
            final String line = raw.strip();
            if (pending.length() == 0 && (line.isEmpty() || line.startsWith("#") || line.startsWith(";"))) {
                continue;
            }
            if (line.endsWith("\\")) {
                pending.append(line.substring(0, line.length() - 1).strip()).append(' ');
                continue;
            }
            final String full = pending.append(line).toString();
            pending.setLength(0);
            if (full.startsWith("[") && full.endsWith("]")) {
                current = sections.computeIfAbsent(full.substring(1, full.length() - 1), s -> new LinkedHashMap<>());
                continue;
            }
            final int eq = full.indexOf('=');
            if (current == null || eq < 1) {
                throw new IllegalArgumentException("not a unit file assignment: " + full);
            }
            current.computeIfAbsent(full.substring(0, eq).strip(), k -> new ArrayList<>())
                    .add(full.substring(eq + 1).strip());
        }
        return new UnitFile(sections);
    }
}
