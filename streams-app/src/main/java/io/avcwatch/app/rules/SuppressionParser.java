package io.avcwatch.app.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/** Reads one {@code suppressions:} item; refuses keys that would suppress on categories or ids. */
final class SuppressionParser {
    private static final Set<String> KEYS = Set.of("reason", "rules", "image", "comm", "target_type", "perms");
    private static final Set<String> CONDITION_KEYS = Set.of("image", "comm", "target_type", "perms");
    private static final Set<String> FORBIDDEN = Set.of(
            "categories", "scat", "tcat", "mcs", "level", "scontext", "tcontext", "container_id", "id");

    private final YamlReader yaml;
    private final ConditionParser conditions;

    SuppressionParser(final YamlReader yaml, final ConditionParser conditions) {
        this.yaml = yaml;
        this.conditions = conditions;
    }

    Optional<Suppression> parse(final Node node, final Map<String, Rule> rulesById) {
        final Map<String, Node> raw = yaml.mapping(node, "suppression", null);
        for (final String key : raw.keySet()) {
            if (FORBIDDEN.contains(key)) {
                yaml.error(node, "suppression: cannot key on '" + key + "': category pairs and container ids"
                        + " are reused or short-lived; key on image, comm, target_type and perms");
                return Optional.empty();
            }
        }
        final Map<String, Node> m = yaml.mapping(node, "suppression", KEYS);
        final String reason = m.containsKey("reason") ? yaml.string(m.get("reason"), "reason").orElse(null) : null;
        if (reason == null) {
            yaml.error(node, "suppression: 'reason' is required (say why this is benign)");
        }
        final List<String> rules = m.containsKey("rules") ? yaml.strings(m.get("rules"), "rules") : List.of();
        boolean ok = reason != null;
        for (final String id : rules) {
            final Rule r = rulesById.get(id);
            if (r == null) {
                yaml.error(m.get("rules"), "suppression: unknown rule '" + id + "'");
                ok = false;
            } else if (r.alwaysPage()) {
                yaml.error(m.get("rules"), "suppression: rule " + id + " always pages and cannot be suppressed");
                ok = false;
            }
        }
        final List<Condition> parts = new ArrayList<>();
        for (final Map.Entry<String, Node> e : m.entrySet()) {
            if (CONDITION_KEYS.contains(e.getKey())) {
                final Condition c = conditions.part(e.getKey(), e.getValue(), "suppression");
                if (c != null) {
                    parts.add(c);
                }
            }
        }
        if (parts.isEmpty()) {
            yaml.error(node, "suppression: needs at least one of image, comm, target_type, perms");
            ok = false;
        }
        if (!ok) {
            return Optional.empty();
        }
        return Optional.of(new Suppression(reason, rules, new Condition.AllOf(parts),
                new SourceLocation(yaml.file(), yaml.line(node))));
    }
}
