package io.avcwatch.parsers.json;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * {@link ContextCache} looked up by the context's ASCII bytes, so an AVC record's two contexts cost
 * no String when they were seen before (the usual case). Bounded: emptied when half full. Not
 * thread-safe.
 */
final class ByteContextCache {
    private static final int SLOTS = 2048;

    private final ContextCache contexts = new ContextCache();
    private final byte[][] keys = new byte[SLOTS][];
    private final byte[][] values = new byte[SLOTS][];
    private int size;

    /** The rendered JSON object of the context {@code b[from, to)}. */
    byte[] json(byte[] b, int from, int to) {
        int hash = 0;
        for (int i = from; i < to; i++) {
            hash = 31 * hash + b[i];
        }
        int slot = (hash ^ (hash >>> 11)) & (SLOTS - 1);
        for (byte[] key = keys[slot]; key != null; key = keys[slot]) {
            if (Arrays.equals(key, 0, key.length, b, from, to)) {
                return values[slot];
            }
            slot = (slot + 1) & (SLOTS - 1);
        }
        if (size >= SLOTS / 2) {
            Arrays.fill(keys, null);
            Arrays.fill(values, null);
            size = 0;
            return json(b, from, to);
        }
        byte[] rendered = contexts.json(new String(b, from, to - from, StandardCharsets.ISO_8859_1));
        keys[slot] = Arrays.copyOfRange(b, from, to);
        values[slot] = rendered;
        size++;
        return rendered;
    }
}
