package io.avcwatch.parsers.selinux;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * An immutable set of MLS/MCS categories ({@code c0}..{@code cN}). Equal sets are equal however
 * they were written: {@code c393,c170} equals {@code c170,c393}, and {@code c0.c3} equals
 * {@code c0,c1,c2,c3}. {@link #toString()} prints the kernel's compact form (SELinux
 * {@code mls_compute_context_len}/{@code mls_sid_to_context}): runs of three or more as
 * {@code cA.cB}, everything else comma-separated, ascending, so {@code c1,c2} stays {@code c1,c2}.
 */
public final class CategorySet {
    /** Highest category number accepted; real policies stop at c1023, this only bounds memory. */
    public static final int MAX_CATEGORY = 65_535;
    /** The empty set. */
    public static final CategorySet EMPTY = new CategorySet(new long[0]);

    private final long[] words;

    private CategorySet(long[] words) {
        this.words = words;
    }

    /** A set of the given category numbers (each 0..{@link #MAX_CATEGORY}). */
    public static CategorySet of(int... categories) {
        long[] words = new long[0];
        for (int c : categories) {
            if (c < 0 || c > MAX_CATEGORY) {
                throw new IllegalArgumentException("category out of range: " + c);
            }
            words = set(words, c, c);
        }
        return new CategorySet(trim(words));
    }

    /**
     * Parses {@code c0.c3,c8}-style text (any order, overlapping ranges allowed).
     *
     * @return the set, or empty when the text is not a category list
     */
    public static Optional<CategorySet> parse(CharSequence text) {
        if (text == null || text.length() == 0) {
            return Optional.empty();
        }
        long[] words = new long[0];
        int pos = 0;
        int length = text.length();
        while (pos <= length) {
            int comma = pos;
            while (comma < length && text.charAt(comma) != ',') {
                comma++;
            }
            int dot = pos;
            while (dot < comma && text.charAt(dot) != '.') {
                dot++;
            }
            int low = category(text, pos, dot);
            int high = dot < comma ? category(text, dot + 1, comma) : low;
            if (low < 0 || high < 0 || high < low) {
                return Optional.empty();
            }
            words = set(words, low, high);
            pos = comma + 1;
        }
        return Optional.of(new CategorySet(trim(words)));
    }

    private static int category(CharSequence text, int from, int to) {
        if (to - from < 2 || to - from > 6 || text.charAt(from) != 'c') {
            return -1;
        }
        int value = 0;
        for (int i = from + 1; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value > MAX_CATEGORY ? -1 : value;
    }

    private static long[] set(long[] words, int low, int high) {
        long[] out = words;
        int needed = (high >>> 6) + 1;
        if (needed > out.length) {
            out = Arrays.copyOf(out, needed);
        }
        for (int c = low; c <= high; c++) {
            out[c >>> 6] |= 1L << (c & 63);
        }
        return out;
    }

    private static long[] trim(long[] words) {
        int length = words.length;
        while (length > 0 && words[length - 1] == 0) {
            length--;
        }
        return length == words.length ? words : Arrays.copyOf(words, length);
    }

    /** True when there are no categories. */
    public boolean isEmpty() {
        return words.length == 0;
    }

    /** Number of categories. */
    public int size() {
        int count = 0;
        for (long w : words) {
            count += Long.bitCount(w);
        }
        return count;
    }

    /** True when category {@code c} is in the set. */
    public boolean contains(int c) {
        return c >= 0 && (c >>> 6) < words.length && (words[c >>> 6] & (1L << (c & 63))) != 0;
    }

    /** True when every category of {@code other} is in this set (MCS dominance on categories). */
    public boolean containsAll(CategorySet other) {
        if (other.words.length > words.length) {
            return false;
        }
        for (int i = 0; i < other.words.length; i++) {
            if ((other.words[i] & ~words[i]) != 0) {
                return false;
            }
        }
        return true;
    }

    /** The categories in ascending order. */
    public IntStream stream() {
        return IntStream.range(0, words.length * 64).filter(this::contains);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CategorySet that && Arrays.equals(words, that.words);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(words);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        int c = nextSet(0);
        while (c >= 0) {
            int runEnd = c;
            while (contains(runEnd + 1)) {
                runEnd++;
            }
            if (out.length() > 0) {
                out.append(',');
            }
            out.append('c').append(c);
            if (runEnd - c >= 2) {
                out.append(".c").append(runEnd);
            } else if (runEnd > c) {
                // The kernel joins a pair with ',' and keeps '.' for runs spanning more than two.
                out.append(",c").append(runEnd);
            }
            c = nextSet(runEnd + 1);
        }
        return out.toString();
    }

    /** The smallest category >= {@code from}, or -1. */
    private int nextSet(int from) {
        int word = from >>> 6;
        if (word >= words.length) {
            return -1;
        }
        long bits = words[word] & (-1L << (from & 63));
        while (true) {
            if (bits != 0) {
                return word * 64 + Long.numberOfTrailingZeros(bits);
            }
            if (++word == words.length) {
                return -1;
            }
            bits = words[word];
        }
    }
}
