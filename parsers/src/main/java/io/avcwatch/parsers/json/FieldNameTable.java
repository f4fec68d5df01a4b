package io.avcwatch.parsers.json;

import io.avcwatch.parsers.FieldValues;
import java.io.OutputStream;

/**
 * Per-writer facts about field names, looked up once per distinct name instead of once per field:
 * the escaped {@code "name":} bytes and whether the value may be hex-encoded. The parser hands out
 * one String instance per name, so a slot usually matches by identity. Open addressing, so two
 * names of one record never evict each other; bounded (emptied when half full); not thread-safe.
 */
final class FieldNameTable {
    private static final int SLOTS = 2048;

    private final Entry[] slots = new Entry[SLOTS];
    private int size;
    private int generation;
    private final JsonOut scratch = new JsonOut(OutputStream.nullOutputStream());

    /** What the writer needs to know about one name. */
    static final class Entry {
        final String name;
        /** {@code "name":} exactly as {@link JsonOut#name(String)} writes it. */
        final byte[] json;
        /** The value may be hex-encoded in any record type. */
        final boolean encoded;
        /** The value may be hex-encoded in an EXECVE record ({@code a0}, {@code a1}...). */
        final boolean encodedInExecve;
        /** The writer's mark of the last record that used this name (finds repeated names in O(1)). */
        long seenIn;

        Entry(String name, byte[] json) {
            this.name = name;
            this.json = json;
            this.encoded = FieldValues.isEncoded(name);
            this.encodedInExecve = FieldValues.isEncoded("EXECVE", name);
        }

        /** Same answer as {@link FieldValues#isEncoded(String, String)}. */
        boolean encodedIn(boolean execve) {
            return execve ? encodedInExecve : encoded;
        }
    }

    /** Changes whenever the table is emptied (entries, and their marks, start over). */
    int generation() {
        return generation;
    }

    Entry get(String name) {
        int hash = name.hashCode();
        int slot = (hash ^ (hash >>> 11)) & (SLOTS - 1);
        for (Entry entry = slots[slot]; entry != null; entry = slots[slot]) {
            if (entry.name == name || entry.name.equals(name)) {
                return entry;
            }
            slot = (slot + 1) & (SLOTS - 1);
        }
        if (size == SLOTS / 2) {
            java.util.Arrays.fill(slots, null);
            size = 0;
            generation++;
            return get(name);
        }
        scratch.name(name);
        Entry entry = new Entry(name, scratch.takeBytes());
        slots[slot] = entry;
        size++;
        return entry;
    }
}
