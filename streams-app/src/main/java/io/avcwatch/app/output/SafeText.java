package io.avcwatch.app.output;

/**
 * Makes attacker-controlled text (a process {@code comm}, a file name, a command line) safe to show.
 * The log hands us whatever bytes the attacker chose; decoders turn invalid UTF-8 into U+FFFD, but
 * lone surrogates, terminal escapes and line separators can still reach a formatter. Nothing here
 * is format-specific escaping: each format escapes its own delimiters after this.
 */
public final class SafeText {
    /** Shown in place of a character that cannot be displayed safely. */
    public static final char REPLACEMENT = '\uFFFD';

    private SafeText() {
    }

    /**
     * Whether {@code c} must never reach a terminal or a line-framed format raw: C0 controls, DEL,
     * C1 controls (U+009B is a one-byte CSI), the Unicode line and paragraph separators, and the
     * bidirectional overrides that reorder what a reader sees ("trojan source").
     */
    public static boolean isUnsafe(final int c) {
        return c < 0x20 || c >= 0x7f && c <= 0x9f || c == 0x2028 || c == 0x2029
                || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069;
    }

    /** Replaces unpaired UTF-16 surrogates (which no encoder can write) with U+FFFD; otherwise unchanged. */
    public static String wellFormed(final String s) {
        if (s == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            final char c = s.charAt(i);
            final boolean paired = Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1));
            if (paired) {
                if (out != null) {
                    out.append(c).append(s.charAt(i + 1));
                }
                i++;
            } else if (Character.isSurrogate(c)) {
                out = copyUpTo(out, s, i);
                out.append(REPLACEMENT);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }

    /**
     * The text as one safe display line: unpaired surrogates and every {@linkplain #isUnsafe unsafe}
     * character become U+FFFD, except a tab, which becomes a space. Null stays null.
     */
    public static String displayable(final String s) {
        if (s == null) {
            return null;
        }
        final String well = wellFormed(s);
        final StringBuilder out = new StringBuilder(well.length());
        well.codePoints().forEach(c -> {
            if (c == '\t') {
                out.append(' ');
            } else if (isUnsafe(c)) {
                out.append(REPLACEMENT);
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    private static StringBuilder copyUpTo(final StringBuilder out, final String s, final int end) {
        return out != null ? out : new StringBuilder(s.length()).append(s, 0, end);
    }
}
