package io.avcwatch.parsers.selinux;

import java.util.Objects;
import java.util.Optional;

/**
 * One MLS level: a sensitivity ({@code s0}, or a custom name) and a category set.
 *
 * @param sensitivity the sensitivity name, e.g. {@code s0}
 * @param categories  the categories, possibly empty
 */
public record MlsLevel(String sensitivity, CategorySet categories) {

    /** Requires both parts; the sensitivity must not be empty. */
    public MlsLevel {
        Objects.requireNonNull(sensitivity, "sensitivity");
        Objects.requireNonNull(categories, "categories");
        if (sensitivity.isEmpty()) {
            throw new IllegalArgumentException("empty sensitivity");
        }
    }

    /** Parses {@code s0}, {@code s0:c1,c2}, {@code s3:c0.c9}; empty when malformed. */
    public static Optional<MlsLevel> parse(CharSequence text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.toString();
        int colon = s.indexOf(':');
        String sensitivity = colon < 0 ? s : s.substring(0, colon);
        if (!isName(sensitivity)) {
            return Optional.empty();
        }
        if (colon < 0) {
            return Optional.of(new MlsLevel(sensitivity, CategorySet.EMPTY));
        }
        return CategorySet.parse(s.substring(colon + 1)).map(cats -> new MlsLevel(sensitivity, cats));
    }

    private static boolean isName(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c == ':' || c == '-' || c == ',' || c >= 0x7f) {
                return false;
            }
        }
        return true;
    }

    /** The numeric rank of an {@code sN} sensitivity, or -1 for custom names. */
    public int rank() {
        if (sensitivity.length() < 2 || sensitivity.charAt(0) != 's') {
            return -1;
        }
        int value = 0;
        for (int i = 1; i < sensitivity.length() && i < 7; i++) {
            char c = sensitivity.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return sensitivity.length() < 7 ? value : -1;
    }

    /**
     * True when this level dominates {@code other}: a sensitivity at least as high (equal names
     * when custom) and a superset of its categories.
     */
    public boolean dominates(MlsLevel other) {
        boolean sensitivityOk = rank() >= 0 && other.rank() >= 0
                ? rank() >= other.rank() : sensitivity.equals(other.sensitivity);
        return sensitivityOk && categories.containsAll(other.categories);
    }

    @Override
    public String toString() {
        return categories.isEmpty() ? sensitivity : sensitivity + ":" + categories;
    }
}
