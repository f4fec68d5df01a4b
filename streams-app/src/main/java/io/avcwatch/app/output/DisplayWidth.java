package io.avcwatch.app.output;

/**
 * Terminal column widths, so that a table stays aligned when names hold CJK characters, emoji or
 * combining marks. An approximation of {@code wcwidth(3)}: wide and fullwidth blocks take two
 * columns, combining marks and format characters none, everything else one.
 */
final class DisplayWidth {
    private DisplayWidth() {
    }

    static int of(final int c) {
        final int type = Character.getType(c);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
            return 0;
        }
        return isWide(c) ? 2 : 1;
    }

    static int of(final String s) {
        return s.codePoints().map(DisplayWidth::of).sum();
    }

    /**
     * {@code s} cut to at most {@code width} columns; a cut string ends with an ellipsis, so the
     * reader knows there was more.
     */
    static String truncate(final String s, final int width) {
        if (of(s) <= width) {
            return s;
        }
        final StringBuilder out = new StringBuilder();
        int used = 0;
        for (int i = 0; i < s.length(); ) {
            final int c = s.codePointAt(i);
            final int w = of(c);
            if (used + w > width - 1) {
                break;
            }
            out.appendCodePoint(c);
            used += w;
            i += Character.charCount(c);
        }
        return out.append('…').toString();
    }

    /** {@code s} followed by spaces up to {@code width} columns. */
    static String pad(final String s, final int width) {
        final int missing = width - of(s);
        return missing <= 0 ? s : s + " ".repeat(missing);
    }

    private static boolean isWide(final int c) {
        return c >= 0x1100 && c <= 0x115f || c >= 0x2e80 && c <= 0x303e || c >= 0x3041 && c <= 0x33ff
                || c >= 0x3400 && c <= 0x4dbf || c >= 0x4e00 && c <= 0x9fff || c >= 0xa000 && c <= 0xa4cf
                || c >= 0xac00 && c <= 0xd7a3 || c >= 0xf900 && c <= 0xfaff || c >= 0xfe30 && c <= 0xfe4f
                || c >= 0xff00 && c <= 0xff60 || c >= 0xffe0 && c <= 0xffe6 || c >= 0x1f300 && c <= 0x1f64f
                || c >= 0x1f900 && c <= 0x1f9ff || c >= 0x20000 && c <= 0x3fffd;
    }
}
