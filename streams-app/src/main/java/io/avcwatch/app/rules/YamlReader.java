package io.avcwatch.app.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a composed SnakeYAML node tree (never constructed into objects, so a rule file cannot
 * instantiate classes) and records every shape problem with its line and column.
 */
final class YamlReader {
    private final String file;
    private final List<RuleFileError> errors;

    YamlReader(final String file, final List<RuleFileError> errors) {
        this.file = file;
        this.errors = errors;
    }

    String file() {
        return file;
    }

    void error(final Node at, final String message) {
        final Mark m = at == null ? null : at.getStartMark();
        errors.add(new RuleFileError(file, m == null ? 0 : m.getLine() + 1,
                m == null ? 0 : m.getColumn() + 1, message));
    }

    int line(final Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    /**
     * The entries of a mapping, keys as strings, in file order; reports a non-mapping, a
     * non-scalar key, a duplicate key, or a key outside {@code allowed} (when not null).
     */
    Map<String, Node> mapping(final Node node, final String what, final Set<String> allowed) {
        return mapping(node, what, allowed, key -> false);
    }

    /** As {@link #mapping(Node, String, Set)}, also accepting keys {@code alsoAllowed} accepts. */
    Map<String, Node> mapping(final Node node, final String what, final Set<String> allowed,
                              final Predicate<String> alsoAllowed) {
        final Map<String, Node> out = new LinkedHashMap<>();
        if (!(node instanceof MappingNode)) {
            error(node, what + " must be a mapping");
            return out;
        }
        final Set<String> seen = new HashSet<>();
        for (final NodeTuple t : ((MappingNode) node).getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode)) {
                error(t.getKeyNode(), what + ": keys must be plain names");
                continue;
            }
            final String key = ((ScalarNode) t.getKeyNode()).getValue();
            if (!seen.add(key)) {
                error(t.getKeyNode(), what + ": duplicate key '" + key + "'");
                continue;
            }
            if (allowed != null && !allowed.contains(key) && !alsoAllowed.test(key)) {
                error(t.getKeyNode(), what + ": unknown key '" + key + "'" + suggestion(key, allowed));
                continue;
            }
            out.put(key, t.getValueNode());
        }
        return out;
    }

    Optional<String> string(final Node node, final String what) {
        if (node instanceof ScalarNode) {
            final String v = ((ScalarNode) node).getValue();
            if (!v.isBlank()) {
                return Optional.of(v.trim());
            }
        }
        error(node, what + " must be a non-empty text value");
        return Optional.empty();
    }

    Optional<Boolean> bool(final Node node, final String what) {
        if (node instanceof ScalarNode) {
            final String v = ((ScalarNode) node).getValue().trim();
            if (v.equals("true") || v.equals("false")) {
                return Optional.of(Boolean.valueOf(v));
            }
        }
        error(node, what + " must be true or false");
        return Optional.empty();
    }

    /** A scalar or a sequence of scalars, as a list of non-empty strings. */
    List<String> strings(final Node node, final String what) {
        final List<String> out = new ArrayList<>();
        if (node instanceof ScalarNode) {
            string(node, what).ifPresent(out::add);
        } else if (node instanceof SequenceNode) {
            for (final Node item : ((SequenceNode) node).getValue()) {
                string(item, what + " item").ifPresent(out::add);
            }
        } else {
            error(node, what + " must be a name or a list of names");
        }
        return out;
    }

    List<Node> sequence(final Node node, final String what) {
        if (node instanceof SequenceNode) {
            return ((SequenceNode) node).getValue();
        }
        error(node, what + " must be a list");
        return List.of();
    }

    private static String suggestion(final String key, final Set<String> allowed) {
        String best = null;
        int bestDistance = 3;
        for (final String a : allowed) {
            final int d = distance(key, a);
            if (d < bestDistance) {
                best = a;
                bestDistance = d;
            }
        }
        return best == null ? " (allowed: " + String.join(", ", new TreeSet<>(allowed)) + ")"
                : " (did you mean '" + best + "'?)";
    }

    private static int distance(final String a, final String b) {
        final int[] prev = new int[b.length() + 1];
        final int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                final int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            System.arraycopy(cur, 0, prev, 0, cur.length);
        }
        return prev[b.length()];
    }
}
