package io.avcwatch.schemas;

/**
 * Non-negative numbers as 19 digits with leading zeros ({@code %019d}), so store keys that end in one sort by
 * it; without {@link String#format}, whose formatter and locale lookups cost more than the rest of a key.
 */
public final class ZeroPadded {
    private static final int WIDTH = 19;
    private static final String ZEROS = "0".repeat(WIDTH);

    private ZeroPadded() {
    }

    /** {@code value} in {@value #WIDTH} digits; a negative value is written as {@code %019d} writes it. */
    public static String of(final long value) {
        if (value < 0) {
            return String.format("%019d", value);
        }
        final String digits = Long.toString(value);
        return digits.length() >= WIDTH ? digits : ZEROS.substring(digits.length()) + digits;
    }
}
