package io.avcwatch.app.output;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A strict CEF reader for tests: {@code CEF:0}, six header fields (vendor, product, version, signature id, name, severity), then {@code key=value} pairs, with CEF's escapes undone. */
record CefLine(List<String> header, Map<String, String> extension) {
    private static final Pattern KEY = Pattern.compile("(?:^| )([A-Za-z0-9_]+)=");

    static CefLine parse(final String line) {
        if (!line.startsWith("CEF:0|") || line.contains("\n") || line.contains("\r")) {
            throw new IllegalArgumentException("not one CEF line: " + line);
        }
        final List<String> header = new ArrayList<>();
        final StringBuilder field = new StringBuilder();
        int i = "CEF:0|".length();
        while (header.size() < 6) {
            if (i >= line.length()) {
                throw new IllegalArgumentException("header ends early: " + line);
            }
            final char c = line.charAt(i++);
            if (c == '\\') {
                final char next = line.charAt(i++);
                if (next != '\\' && next != '|') {
                    throw new IllegalArgumentException("bad header escape \\" + next);
                }
                field.append(next);
            } else if (c == '|') {
                header.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        return new CefLine(List.copyOf(header), extension(line.substring(i)));
    }

    private static Map<String, String> extension(final String text) {
        final Map<String, String> out = new LinkedHashMap<>();
        final Matcher m = KEY.matcher(text);
        final List<int[]> keys = new ArrayList<>();
        while (m.find()) {
            keys.add(new int[] {m.start(1), m.end(1), m.end()});
        }
        for (int k = 0; k < keys.size(); k++) {
            final int[] key = keys.get(k);
            final int end = k + 1 < keys.size() ? keys.get(k + 1)[0] - 1 : text.length();
            out.put(text.substring(key[0], key[1]), unescape(text.substring(key[2], end)));
        }
        return out;
    }

    private static String unescape(final String value) {
        final StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            final char c = value.charAt(i);
            if (c != '\\') {
                if (c == '=') {
                    throw new IllegalArgumentException("unescaped = in value: " + value);
                }
                out.append(c);
                continue;
            }
            final char next = value.charAt(++i);
            switch (next) {
                case '\\', '=' -> out.append(next);
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                default -> throw new IllegalArgumentException("bad extension escape \\" + next);
            }
        }
        return out.toString();
    }
}
