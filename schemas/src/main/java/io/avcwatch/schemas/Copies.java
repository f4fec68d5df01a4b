package io.avcwatch.schemas;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Immutable copies for record components; a missing collection reads as empty, never null. */
final class Copies {

    private Copies() {
    }

    static <T> List<T> list(final List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    /** Sorted so that iteration, equality and JSON bytes do not depend on insertion order or JVM salt. */
    static <V> Map<String, V> sortedMap(final Map<String, V> values) {
        if (values == null || values.isEmpty()) {
            return Map.of();
        }
        return Collections.unmodifiableMap(new TreeMap<>(values));
    }
}
