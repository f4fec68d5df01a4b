package io.avcwatch.app.rules;

/**
 * One entry of a name list: an exact name ({@code container_t}) or a glob where {@code *} stands
 * for any run of characters ({@code svirt_sandbox_*}, {@code *.process}). Globs keep the type
 * lists short and let udica's per-workload types match without listing each one.
 */
public record NamePattern(String text) {

    public NamePattern {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("empty name pattern");
        }
    }

    public boolean isGlob() {
        return text.indexOf('*') >= 0;
    }

    public boolean matches(final String name) {
        if (name == null) {
            return false;
        }
        return isGlob() ? glob(text, 0, name, 0) : text.equals(name);
    }

    private static boolean glob(final String p, final int pi, final String s, final int si) {
        if (pi == p.length()) {
            return si == s.length();
        }
        final char c = p.charAt(pi);
        if (c == '*') {
            for (int k = si; k <= s.length(); k++) {
                if (glob(p, pi + 1, s, k)) {
                    return true;
                }
            }
            return false;
        }
        return si < s.length() && s.charAt(si) == c && glob(p, pi + 1, s, si + 1);
    }

    @Override
    public String toString() {
        return text;
    }
}
