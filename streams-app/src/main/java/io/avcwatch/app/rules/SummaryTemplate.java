package io.avcwatch.app.rules;

import io.avcwatch.schemas.ContainerRef;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a rule's one-line summary: {@code {name}} placeholders take values from a map; an unknown
 * or absent value prints as {@code ?} so a summary never shows a raw placeholder.
 */
public final class SummaryTemplate {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

    private SummaryTemplate() {
    }

    public static String fill(final String template, final Map<String, String> values) {
        final Matcher m = PLACEHOLDER.matcher(template);
        final StringBuilder out = new StringBuilder();
        while (m.find()) {
            final String v = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(v == null || v.isEmpty() ? "?" : v));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * How a person names the subject: the container's name, the candidates when the label was
     * shared, or the label itself when no inventory knew it.
     */
    public static String containerPhrase(final ContainerRef container, final List<ContainerRef> candidates,
                                         final String label) {
        if (container != null) {
            return "container " + display(container);
        }
        if (candidates != null && !candidates.isEmpty()) {
            final StringBuilder s = new StringBuilder("one of " + candidates.size() + " containers sharing its label (");
            for (int i = 0; i < candidates.size(); i++) {
                s.append(i == 0 ? "" : ", ").append(display(candidates.get(i)));
            }
            return s.append(')').toString();
        }
        return "an unknown container (" + (label == null ? "no label" : label) + ")";
    }

    private static String display(final ContainerRef c) {
        final String id = c.id().length() > 12 ? c.id().substring(0, 12) : c.id();
        if (c.name() == null || c.name().isEmpty()) {
            return id;
        }
        final String name = c.name().startsWith("/") ? c.name().substring(1) : c.name();
        return name + " [" + id + (c.image() == null ? "" : ", " + c.image()) + "]";
    }
}
