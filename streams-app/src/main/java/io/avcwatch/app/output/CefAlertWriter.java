package io.avcwatch.app.output;

import io.avcwatch.schemas.Alert;
import io.avcwatch.schemas.ContainerRef;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * ArcSight Common Event Format, one event per line:
 * {@code CEF:0|avcwatch|avcwatch|VERSION|RULE|TITLE|SEVERITY|key=value ...}.
 *
 * <p>Escaping follows the CEF specification: in the header {@code \} and {@code |} are escaped with a
 * backslash; in extension values {@code \} and {@code =} are, and line breaks are written as the
 * two characters {@code \n} / {@code \r}. CEF has no escape for other control characters, so they
 * (and the other {@linkplain SafeText#isUnsafe unsafe} characters) become U+FFFD first: an
 * attacker's {@code comm} can neither start a new event nor paint the analyst's terminal.
 */
public final class CefAlertWriter implements LineAlertWriter {
    private static final String VENDOR = "avcwatch";

    @Override
    public String line(final Alert a) {
        final String version = CefAlertWriter.class.getPackage().getImplementationVersion();
        final StringBuilder out = new StringBuilder(512).append("CEF:0|")
                .append(header(VENDOR)).append('|')
                .append(header(VENDOR)).append('|')
                .append(header(version == null ? "dev" : version)).append('|')
                .append(header(a.rule())).append('|')
                .append(header(AlertFacts.title(a))).append('|')
                .append(Severities.cef(a.severity())).append('|');
        boolean first = true;
        for (Map.Entry<String, String> e : extension(a).entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            out.append(first ? "" : " ").append(e.getKey()).append('=').append(extensionValue(e.getValue()));
            first = false;
        }
        return out.toString();
    }

    /** Standard CEF keys where one fits, labelled custom strings for the SELinux specifics. */
    private static Map<String, String> extension(final Alert a) {
        final Map<String, String> ext = new LinkedHashMap<>();
        ext.put("rt", String.valueOf(AlertFacts.eventTime(a).toEpochMilli()));
        ext.put("start", String.valueOf(AlertFacts.firstSeen(a).toEpochMilli()));
        ext.put("end", String.valueOf(AlertFacts.lastSeen(a).toEpochMilli()));
        ext.put("cnt", String.valueOf(a.count()));
        ext.put("externalId", a.alertId());
        ext.put("dvchost", a.host());
        ext.put("act", AlertFacts.isStateChange(a) ? "changed" : Boolean.TRUE.equals(a.permissive()) ? "allowed" : "denied");
        ext.put("cat", a.denialKind() == null ? null : SafeJson.tree(a.denialKind()).asText());
        ext.put("msg", a.summary());
        ext.put("spid", a.pid() == null ? null : String.valueOf(a.pid()));
        ext.put("sproc", a.comm());
        ext.put("filePath", a.path() != null && a.path().startsWith("/") ? a.path() : null);
        ext.put("fname", AlertFacts.fileName(a.path()));
        labelled(ext, "cs1", "scontext", a.scontext());
        labelled(ext, "cs2", "tcontext", a.tcontext());
        labelled(ext, "cs3", "tclass", a.tclass());
        labelled(ext, "cs4", "perms", a.perms().isEmpty() ? null : String.join(" ", a.perms()));
        labelled(ext, "cs5", "mitre", a.mitre().isEmpty() ? null : String.join(",", a.mitre()));
        labelled(ext, "cs6", "exe", a.exe());
        labelled(ext, "cn1", "auditSerial", String.valueOf(a.event().serial()));
        final ContainerRef c = a.container();
        labelled(ext, "flexString1", "containerId", c == null ? null : c.id());
        labelled(ext, "flexString2", "containerName", c == null ? null : c.name());
        return ext;
    }

    private static void labelled(final Map<String, String> ext, final String key, final String label, final String value) {
        if (value != null) {
            ext.put(key + "Label", label);
            ext.put(key, value);
        }
    }

    /** A header field: {@code \} and {@code |} escaped; no line breaks allowed, so they are replaced too. */
    static String header(final String value) {
        if (value == null) {
            return "";
        }
        final String safe = SafeText.displayable(value);
        final StringBuilder out = new StringBuilder(safe.length() + 8);
        for (int i = 0; i < safe.length(); i++) {
            final char c = safe.charAt(i);
            if (c == '\\' || c == '|') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** An extension value: {@code \} and {@code =} escaped, CR and LF as {@code \r} and {@code \n}. */
    static String extensionValue(final String value) {
        final String well = SafeText.wellFormed(value);
        final StringBuilder out = new StringBuilder(well.length() + 8);
        well.codePoints().forEach(c -> {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '=' -> out.append("\\=");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append(' ');
                default -> {
                    if (SafeText.isUnsafe(c)) {
                        out.append(SafeText.REPLACEMENT);
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }
}
