package io.avcwatch.parsers;

import java.nio.charset.StandardCharsets;

/**
 * Canonical Strings for short ASCII byte ranges (node names, type names), so scanning a line does
 * not allocate them again. A racy cache, as {@link FieldNames}: entries are immutable Strings and a
 * lost update only costs an allocation.
 */
final class ByteStrings {
    private static final int SLOTS = 1024;
    private static final String[] CACHE = new String[SLOTS];

    private ByteStrings() {
    }

    /** {@code b[from, to)} (ASCII) as a String. */
    static String of(byte[] b, int from, int to) {
        int length = to - from;
        if (length > 64) {
            return new String(b, from, length, StandardCharsets.ISO_8859_1);
        }
        int hash = 0;
        for (int i = from; i < to; i++) {
            hash = 31 * hash + b[i];
        }
        int slot = (hash ^ (hash >>> 10)) & (SLOTS - 1);
        String cached = CACHE[slot];
        if (cached != null && matches(cached, b, from, to)) {
            return cached;
        }
        String made = new String(b, from, length, StandardCharsets.ISO_8859_1);
        CACHE[slot] = made;
        return made;
    }

    private static boolean matches(String cached, byte[] b, int from, int to) {
        if (cached.length() != to - from) {
            return false;
        }
        for (int i = 0; i < cached.length(); i++) {
            if (cached.charAt(i) != b[from + i]) {
                return false;
            }
        }
        return true;
    }
}
