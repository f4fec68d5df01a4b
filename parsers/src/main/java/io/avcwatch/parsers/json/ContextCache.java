package io.avcwatch.parsers.json;

import io.avcwatch.parsers.selinux.SecurityContext;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * Contexts rendered as their JSON object, by their text. A host has few distinct contexts (one
 * per container pair and domain), so parsing and printing each once saves most of the AVC
 * formatting cost. Bounded: cleared when full. Not thread-safe.
 */
final class ContextCache {
    private static final int MAX_ENTRIES = 8192;

    private final Map<String, byte[]> entries = new HashMap<>();
    private final JsonOut scratch = new JsonOut(OutputStream.nullOutputStream());

    /**
     * {@code raw} as a JSON object: {@code raw}, and when it parses as a context its user, role,
     * type, canonical level and categories.
     */
    byte[] json(String raw) {
        byte[] cached = entries.get(raw);
        if (cached == null) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            cached = render(raw);
            entries.put(raw, cached);
        }
        return cached;
    }

    private byte[] render(String raw) {
        ContextText context = SecurityContext.parse(raw).map(ContextText::of).orElse(null);
        scratch.beginObject();
        scratch.name("raw").value(raw);
        if (context != null) {
            scratch.name("user").value(context.context().user());
            scratch.name("role").value(context.context().role());
            scratch.name("type").value(context.context().type());
            scratch.name("level").value(context.level());
            scratch.name("categories").value(context.categories());
        }
        scratch.endObject();
        return scratch.takeBytes();
    }
}
