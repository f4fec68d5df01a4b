package io.avcwatch.app.report;

import io.avcwatch.app.output.SafeText;

/** HTML text escaping for strings that may come from the log (attacker controlled). */
final class Html {
    private Html() {
    }

    /**
     * Text safe in element content and in quoted attribute values: {@code & < > " '} become
     * entities, control characters and bidi overrides become U+FFFD. Null becomes an empty string.
     */
    static String text(final String s) {
        if (s == null) {
            return "";
        }
        final String safe = SafeText.displayable(s);
        final StringBuilder out = new StringBuilder(safe.length() + 16);
        for (int i = 0; i < safe.length(); i++) {
            final char c = safe.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Like {@link #text}, or a dash for a missing value. */
    static String orDash(final String s) {
        return s == null || s.isBlank() ? "&ndash;" : text(s);
    }
}
