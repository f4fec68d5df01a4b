package io.avcwatch.parsers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The ordered fields of one record. Values are kept as offsets into the record's line rather
 * than as substrings: a busy host writes millions of fields per minute, and most are only
 * copied to the output once.
 */
public final class Fields {
    /** A record with no fields. */
    public static final Fields EMPTY = new Fields("", new String[0], new int[0], null, 0, true, false);

    private final String text;
    private final String[] names;
    private final int[] spans;
    private final String[] computed;
    private final int size;
    private final boolean ascii;
    private final boolean mayRepeatNames;

    Fields(String text, String[] names, int[] spans, String[] computed, int size, boolean ascii,
            boolean mayRepeatNames) {
        this.ascii = ascii;
        this.mayRepeatNames = mayRepeatNames;
        this.text = text;
        this.names = names;
        this.spans = spans;
        this.computed = computed;
        this.size = size;
    }

    /** True when the line is known to hold only ASCII (lets writers copy values in bulk). */
    public boolean isAscii() {
        return ascii;
    }

    /** False when no field name occurs twice (true means: maybe; check with {@link #indexOf}). */
    public boolean mayRepeatNames() {
        return mayRepeatNames;
    }

    /** Number of fields, duplicates included. */
    public int size() {
        return size;
    }

    /** Name of the {@code i}-th field. */
    public String name(int i) {
        checkIndex(i);
        return names[i];
    }

    /** Raw value of the {@code i}-th field (quotes kept, hex not decoded). */
    public String raw(int i) {
        checkIndex(i);
        int start = spans[2 * i];
        return start < 0 ? computed[i] : text.substring(start, spans[2 * i + 1]);
    }

    /** Raw value of the first field called {@code name}, or null. */
    public String raw(String name) {
        int i = indexOf(name);
        return i < 0 ? null : raw(i);
    }

    /** Decoded value (unquoted, hex decoded) of the first field called {@code name}, or null. */
    public String value(String name) {
        int i = indexOf(name);
        return i < 0 ? null : FieldValues.decode(name, raw(i));
    }

    /** Index of the first field called {@code name}, or -1. */
    public int indexOf(String name) {
        for (int i = 0; i < size; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Index of the last field called {@code name}, or -1 (auparse's choice for duplicates). */
    public int lastIndexOf(String name) {
        for (int i = size - 1; i >= 0; i--) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** True when a field called {@code name} exists. */
    public boolean has(String name) {
        return indexOf(name) >= 0;
    }

    /** All fields, in order, as records. */
    public List<Field> asList() {
        List<Field> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(new Field(names[i], raw(i)));
        }
        return List.copyOf(list);
    }

    /** Appends the raw value of field {@code i} to {@code out} without an intermediate String. */
    public void rawTo(int i, RawSink out) {
        checkIndex(i);
        int start = spans[2 * i];
        if (start < 0) {
            out.append(computed[i], 0, computed[i].length());
        } else {
            out.append(text, start, spans[2 * i + 1]);
        }
    }

    /** Receives a slice of characters; lets writers copy values without substrings. */
    @FunctionalInterface
    public interface RawSink {
        /** Append {@code s[from, to)}. */
        void append(String s, int from, int to);
    }

    private void checkIndex(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("field " + i + " of " + size);
        }
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof Fields that) || that.size != size) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            if (!names[i].equals(that.names[i]) || !raw(i).equals(that.raw(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int hash = size;
        for (int i = 0; i < size; i++) {
            hash = 31 * hash + names[i].hashCode();
            hash = 31 * hash + raw(i).hashCode();
        }
        return hash;
    }

    @Override
    public String toString() {
        return asList().toString();
    }

    /** Collects fields while a line is parsed; reused per thread, so build() copies. */
    static final class Builder {
        private String text;
        private String[] names = new String[32];
        private int[] spans = new int[64];
        private String[] computed;
        private boolean hasComputed;
        private int size;
        private long nameBits;
        private boolean mayRepeat;

        Builder reset(String line) {
            text = line;
            size = 0;
            nameBits = 0;
            mayRepeat = false;
            if (hasComputed) {
                java.util.Arrays.fill(computed, null);
                hasComputed = false;
            }
            return this;
        }

        private void noteName(String name) {
            long bit = 1L << (name.hashCode() & 63);
            mayRepeat |= (nameBits & bit) != 0;
            nameBits |= bit;
        }

        void add(String name, int start, int end) {
            noteName(name);
            grow();
            names[size] = name;
            spans[2 * size] = start;
            spans[2 * size + 1] = end;
            size++;
        }

        void addComputed(String name, String value) {
            noteName(name);
            grow();
            if (computed == null || computed.length < names.length) {
                computed = computed == null ? new String[names.length] : Arrays.copyOf(computed, names.length);
            }
            names[size] = name;
            spans[2 * size] = -1;
            spans[2 * size + 1] = -1;
            computed[size] = value;
            hasComputed = true;
            size++;
        }

        int size() {
            return size;
        }

        private void grow() {
            if (size == names.length) {
                names = Arrays.copyOf(names, size * 2);
                spans = Arrays.copyOf(spans, size * 4);
            }
        }

        Fields build(boolean ascii) {
            if (size == 0) {
                return EMPTY;
            }
            String[] keptComputed = hasComputed ? Arrays.copyOf(computed, size) : null;
            return new Fields(text, Arrays.copyOf(names, size), Arrays.copyOf(spans, 2 * size), keptComputed, size,
                    ascii, mayRepeat);
        }
    }
}
