package io.avcwatch.parsers.json;

import io.avcwatch.parsers.selinux.SecurityContext;
import java.util.HashMap;
import java.util.Map;

/**
 * Parsed contexts by their text. A host has few distinct contexts (one per container pair and
 * domain), so parsing each once saves most of the AVC formatting cost. Bounded: cleared when full.
 */
final class ContextCache {
    private static final int MAX_ENTRIES = 8192;
    private static final ContextText MALFORMED = new ContextText(null, null, null);

    private final Map<String, ContextText> entries = new HashMap<>();

    /** The parsed context for {@code raw}, or null when it is not a context. */
    ContextText get(String raw) {
        ContextText cached = entries.get(raw);
        if (cached == null) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            cached = SecurityContext.parse(raw).map(ContextText::of).orElse(MALFORMED);
            entries.put(raw, cached);
        }
        return cached == MALFORMED ? null : cached;
    }
}
