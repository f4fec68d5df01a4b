package io.avcwatch.parsers.avc;

/** Lenient number parsing for audit values: null instead of an exception. */
public final class Numbers {
    private Numbers() {
    }

    /** A decimal (optionally negative) long, or null when {@code text} is not one. */
    public static Long parseLong(String text) {
        if (text == null || text.isEmpty() || text.length() > 19) {
            return null;
        }
        int start = text.charAt(0) == '-' ? 1 : 0;
        if (start == text.length()) {
            return null;
        }
        long value = 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            value = value * 10 + (c - '0');
        }
        return start == 1 ? -value : value;
    }

    /** A hexadecimal long without prefix ({@code c000003e}), or null. */
    public static Long parseHex(String text) {
        if (text == null || text.isEmpty() || text.length() > 16) {
            return null;
        }
        try {
            return Long.parseUnsignedLong(text, 16);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
