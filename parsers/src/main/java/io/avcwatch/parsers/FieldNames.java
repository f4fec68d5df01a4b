package io.avcwatch.parsers;

/**
 * Canonical field-name strings, so parsing a line does not allocate a new name per field. A
 * racy cache is safe here: entries are immutable Strings, and a lost update only costs an
 * allocation.
 */
final class FieldNames {
    private static final int SLOTS = 4096;
    private static final String[] CACHE = new String[SLOTS];

    private FieldNames() {
    }

    static String of(CharSequence s, int from, int to) {
        int hash = 0;
        for (int i = from; i < to; i++) {
            hash = 31 * hash + s.charAt(i);
        }
        return of(s, from, to, hash);
    }

    /** As {@link #of(CharSequence, int, int)} with {@code hash} = the String hash of the range, computed by the caller's scan. */
    static String of(CharSequence s, int from, int to, int hash) {
        int length = to - from;
        if (length > 40) {
            return s.subSequence(from, to).toString();
        }
        int slot = (hash ^ (hash >>> 12)) & (SLOTS - 1);
        String cached = CACHE[slot];
        if (cached != null && equalsRange(cached, s, from, to)) {
            return cached;
        }
        String name = s.subSequence(from, to).toString();
        CACHE[slot] = name;
        return name;
    }

    private static boolean equalsRange(String cached, CharSequence s, int from, int to) {
        int length = cached.length();
        if (length != to - from) {
            return false;
        }
        // A plain loop: this runs for every field of every line, and regionMatches does not inline here.
        for (int i = 0; i < length; i++) {
            if (cached.charAt(i) != s.charAt(from + i)) {
                return false;
            }
        }
        return true;
    }
}
