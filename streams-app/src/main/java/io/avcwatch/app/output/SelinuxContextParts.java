package io.avcwatch.app.output;

/**
 * A raw SELinux context ({@code system_u:system_r:container_t:s0:c170,c393}) split for SIEM fields.
 * Alerts carry contexts as raw strings; the level keeps its own colons, and for a range
 * ({@code s0-s0:c0.c1023}) the sensitivity and categories are those of the high end, the part
 * that MCS checks compare.
 */
record SelinuxContextParts(String raw, String user, String role, String type, String level, String sensitivity,
        String categories) {

    static SelinuxContextParts parse(final String raw) {
        if (raw == null) {
            return null;
        }
        final String[] parts = raw.split(":", 4);
        if (parts.length < 3) {
            return new SelinuxContextParts(raw, null, null, null, null, null, null);
        }
        final String level = parts.length == 4 ? parts[3] : null;
        String sensitivity = null;
        String categories = null;
        if (level != null) {
            final String high = level.contains("-") ? level.substring(level.indexOf('-') + 1) : level;
            final int colon = high.indexOf(':');
            sensitivity = colon < 0 ? high : high.substring(0, colon);
            categories = colon < 0 ? "" : high.substring(colon + 1);
        }
        return new SelinuxContextParts(raw, parts[0], parts[1], parts[2], level, sensitivity, categories);
    }

    /** The parts as a JSON object, leaving out the ones that are absent. */
    JsonDoc toJson() {
        return new JsonDoc().put("raw", raw).put("user", user).put("role", role).put("type", type).put("level", level)
                .put("sensitivity", sensitivity).put("categories", categories == null || categories.isEmpty() ? null : categories);
    }
}
