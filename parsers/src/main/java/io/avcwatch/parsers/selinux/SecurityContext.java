package io.avcwatch.parsers.selinux;

import java.util.Objects;
import java.util.Optional;

/**
 * An SELinux security context {@code user:role:type[:range]}, e.g.
 * {@code system_u:system_r:container_t:s0:c170,c393}.
 *
 * @param user  SELinux user, e.g. {@code system_u}
 * @param role  role, e.g. {@code system_r}
 * @param type  type (domain), e.g. {@code container_t}
 * @param range MLS range, or null under a policy without MLS
 */
public record SecurityContext(String user, String role, String type, MlsRange range) {

    /** Requires user, role and type. */
    public SecurityContext {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(type, "type");
    }

    /**
     * Parses a context. Quotes around it are tolerated.
     *
     * @return the context, or empty when the text is not a context
     */
    public static Optional<SecurityContext> parse(CharSequence text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.toString();
        if (s.length() >= 2 && s.charAt(0) == '"' && s.charAt(s.length() - 1) == '"') {
            s = s.substring(1, s.length() - 1);
        }
        int first = s.indexOf(':');
        int second = first < 0 ? -1 : s.indexOf(':', first + 1);
        if (first <= 0 || second <= first + 1 || second == s.length() - 1) {
            return Optional.empty();
        }
        int third = s.indexOf(':', second + 1);
        String user = s.substring(0, first);
        String role = s.substring(first + 1, second);
        String type = s.substring(second + 1, third < 0 ? s.length() : third);
        if (!isName(user) || !isName(role) || !isName(type)) {
            return Optional.empty();
        }
        if (third < 0) {
            return Optional.of(new SecurityContext(user, role, type, null));
        }
        return MlsRange.parse(s.substring(third + 1)).map(range -> new SecurityContext(user, role, type, range));
    }

    private static boolean isName(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c >= 0x7f || c == '"' || c == '\'') {
                return false;
            }
        }
        return true;
    }

    /** The categories of the effective (high) level; empty without MLS. */
    public CategorySet categories() {
        return range == null ? CategorySet.EMPTY : range.effective().categories();
    }

    @Override
    public String toString() {
        String base = user + ":" + role + ":" + type;
        return range == null ? base : base + ":" + range;
    }
}
