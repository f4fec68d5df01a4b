package io.avcwatch.parsers.json;

import io.avcwatch.parsers.ByteWords;
import io.avcwatch.parsers.FieldValues;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * {@link FieldNameTable} for names given as ASCII byte ranges of a line: one entry per distinct
 * name with its rendered {@code "name":} bytes and hex-encoding facts, plus per-record marks that
 * find repeated names and the last occurrence of a name in O(1). Open addressing; emptied only
 * between records ({@link #beginRecord()}), so entries stay unique within a record; a lookup that
 * would overfill the table answers null. Not thread-safe.
 */
final class ByteNameTable {
    private static final int SLOTS = 4096;
    private static final int CLEAR_AT = SLOTS / 4;
    private static final int FULL_AT = SLOTS * 3 / 4;

    private final Entry[] slots = new Entry[SLOTS];
    private final JsonOut scratch = new JsonOut(OutputStream.nullOutputStream());
    private final java.util.List<Entry> pinned = new java.util.ArrayList<>();
    private int size;

    /** What the writer knows about one name, and its marks in the record being written. */
    static final class Entry {
        final byte[] key;
        /** The key's bytes as a little-endian word, zero-padded, when it has at most 8 (most audit names). */
        final long word;
        final int hash;
        final String name;
        final byte[] json;
        final boolean encoded;
        final boolean encodedInExecve;
        /** Mark of the last field list that used this name, and how often it occurred there so far. */
        long mark;
        int count;
        /** Index of the last field with this name in the list marked {@link #mark}. */
        int last;
        /** Mark of the field list in which this name was written (RAW_FIELDS writes each name once). */
        long written;

        Entry(byte[] key, int hash, String name, byte[] json) {
            this.key = key;
            long packed = 0;
            for (int i = Math.min(key.length, 8) - 1; i >= 0; i--) {
                packed = packed << 8 | (key[i] & 0xff);
            }
            this.word = packed;
            this.hash = hash;
            this.name = name;
            this.json = json;
            this.encoded = FieldValues.isEncoded(name);
            this.encodedInExecve = FieldValues.isEncoded("EXECVE", name);
        }

        boolean encodedIn(boolean execve) {
            return execve ? encodedInExecve : encoded;
        }
    }

    /** Empties the table when it has grown large; entries from before are not used afterwards. */
    void beginRecord() {
        if (size >= CLEAR_AT) {
            java.util.Arrays.fill(slots, null);
            size = 0;
            for (Entry entry : pinned) {
                insert(entry);
            }
        }
    }

    /** The entry of {@code name} (ASCII), kept across {@link #beginRecord()}: the writer compares it by identity. */
    Entry pin(String name) {
        Entry entry = get(name.getBytes(StandardCharsets.US_ASCII));
        pinned.add(entry);
        return entry;
    }

    private void insert(Entry entry) {
        int slot = (entry.hash ^ (entry.hash >>> 12)) & (SLOTS - 1);
        while (slots[slot] != null) {
            slot = (slot + 1) & (SLOTS - 1);
        }
        slots[slot] = entry;
        size++;
    }

    /** The entry of the name {@code b[from, to)} whose String hash is {@code hash}; null when the table is full. */
    Entry get(byte[] b, int from, int to, int hash) {
        int slot = (hash ^ (hash >>> 12)) & (SLOTS - 1);
        for (Entry entry = slots[slot]; entry != null; entry = slots[slot]) {
            if (entry.hash == hash && matches(entry, b, from, to)) {
                return entry;
            }
            slot = (slot + 1) & (SLOTS - 1);
        }
        if (size >= FULL_AT) {
            return null;
        }
        byte[] key = java.util.Arrays.copyOfRange(b, from, to);
        String name = new String(key, StandardCharsets.ISO_8859_1);
        scratch.name(name);
        Entry entry = new Entry(key, hash, name, scratch.takeBytes());
        slots[slot] = entry;
        size++;
        return entry;
    }

    private Entry get(byte[] name) {
        int hash = 0;
        for (byte b : name) {
            hash = 31 * hash + b;
        }
        return get(name, 0, name.length, hash);
    }

    private static boolean matches(Entry entry, byte[] b, int from, int to) {
        byte[] key = entry.key;
        int length = to - from;
        if (key.length != length) {
            return false;
        }
        if (length <= 8 && from + 8 <= b.length) {
            return (ByteWords.word(b, from) & ByteWords.lowBytes(length)) == entry.word;
        }
        for (int i = 0; i < key.length; i++) {
            if (key[i] != b[from + i]) {
                return false;
            }
        }
        return true;
    }
}
