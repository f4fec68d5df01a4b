package io.avcwatch.app.rules;

import io.avcwatch.schemas.Severity;
import io.avcwatch.schemas.DenialKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/** Reads one {@code rules:} item into a {@link Rule}, reporting every problem with its line. */
final class RuleParser {
    private static final Set<String> RULE_KEYS = Set.of(
            "id", "title", "family", "on", "match", "severity", "severity_permissive", "overrides",
            "mitre", "always_page", "denial_kind", "summary", "explanation");
    private static final Set<String> OVERRIDE_KEYS = Set.of("when", "severity", "severity_permissive", "reason");
    private static final Map<String, DenialKind> DENIAL_KINDS = denialKinds();
    private static final Pattern MITRE = Pattern.compile("T\\d{4}(\\.\\d{3})?");

    private final YamlReader yaml;
    private final ConditionParser conditions;

    RuleParser(final YamlReader yaml, final ConditionParser conditions) {
        this.yaml = yaml;
        this.conditions = conditions;
    }

    Optional<Rule> parse(final Node node) {
        final Map<String, Node> m = yaml.mapping(node, "rule", RULE_KEYS);
        if (m.isEmpty()) {
            return Optional.empty();
        }
        final String id = required(m, "id", node);
        final String where = "rule " + (id == null ? "at line " + yaml.line(node) : id);
        if (id != null && !RuleLoader.validId(id)) {
            yaml.error(m.get("id"), where + ": id must start with a letter and use letters, digits, '_', '.', '-'");
        }
        final String title = required(m, "title", node);
        final String family = required(m, "family", node);
        final String summary = required(m, "summary", node);
        final String explanation = required(m, "explanation", node);
        final Subject subject = subject(m.get("on"), where);
        final Condition match = m.containsKey("match") ? conditions.parse(m.get("match"), where + " match") : null;
        if (match == null) {
            yaml.error(node, where + ": missing 'match'");
        }
        final Severity sev = severity(m.get("severity"), where + ": severity", node);
        final Severity perm = m.containsKey("severity_permissive")
                ? severity(m.get("severity_permissive"), where + ": severity_permissive", node) : null;
        final List<SeverityOverride> overrides = new ArrayList<>();
        if (m.containsKey("overrides")) {
            for (final Node o : yaml.sequence(m.get("overrides"), where + ": overrides")) {
                override(o, where).ifPresent(overrides::add);
            }
        }
        final List<String> mitre = m.containsKey("mitre") ? yaml.strings(m.get("mitre"), where + ": mitre") : List.of();
        for (final String t : mitre) {
            if (!MITRE.matcher(t).matches()) {
                yaml.error(m.get("mitre"), where + ": '" + t + "' is not an ATT&CK technique id (T1234 or T1234.001)");
            }
        }
        final boolean alwaysPage = m.containsKey("always_page")
                && yaml.bool(m.get("always_page"), where + ": always_page").orElse(false);
        final String kindName = m.containsKey("denial_kind")
                ? yaml.string(m.get("denial_kind"), where + ": denial_kind").orElse(null) : "type_enforcement";
        final DenialKind kind = DENIAL_KINDS.get(kindName);
        if (kind == null) {
            yaml.error(m.get("denial_kind"), where + ": denial_kind must be one of " + new java.util.TreeSet<>(DENIAL_KINDS.keySet()));
        }
        if (id == null || title == null || family == null || summary == null || explanation == null
                || subject == null || match == null || sev == null) {
            return Optional.empty();
        }
        return Optional.of(new Rule(id, title, family, subject, match, new SeveritySpec(sev, perm), overrides,
                mitre, alwaysPage, kind, summary, explanation, new SourceLocation(yaml.file(), yaml.line(node))));
    }

    private static Map<String, DenialKind> denialKinds() {
        final Map<String, DenialKind> out = new java.util.HashMap<>();
        for (final DenialKind k : DenialKind.values()) {
            out.put(k.name().toLowerCase(java.util.Locale.ROOT), k);
        }
        return Map.copyOf(out);
    }

    private Optional<SeverityOverride> override(final Node node, final String where) {
        final Map<String, Node> m = yaml.mapping(node, where + ": override", OVERRIDE_KEYS);
        if (!m.containsKey("when") || !m.containsKey("severity")) {
            yaml.error(node, where + ": an override needs 'when' and 'severity'");
            return Optional.empty();
        }
        final Condition when = conditions.parse(m.get("when"), where + " override");
        final Severity sev = severity(m.get("severity"), where + ": override severity", node);
        final Severity perm = m.containsKey("severity_permissive")
                ? severity(m.get("severity_permissive"), where + ": override severity_permissive", node) : null;
        final String reason = m.containsKey("reason") ? yaml.string(m.get("reason"), "reason").orElse(null) : null;
        return sev == null ? Optional.empty() : Optional.of(new SeverityOverride(when, new SeveritySpec(sev, perm), reason));
    }

    private Subject subject(final Node node, final String where) {
        if (node == null) {
            return Subject.DENIAL;
        }
        final Optional<Subject> s = yaml.string(node, where + ": on").flatMap(Subject::parse);
        if (s.isEmpty()) {
            yaml.error(node, where + ": 'on' must be denial, mac_event or container");
        }
        return s.orElse(null);
    }

    private Severity severity(final Node node, final String what, final Node rule) {
        if (node == null) {
            yaml.error(rule, what + " is required");
            return null;
        }
        final Optional<Severity> s = yaml.string(node, what).flatMap(Severities::parse);
        if (s.isEmpty()) {
            yaml.error(node, what + " must be one of info, low, medium, high, critical");
        }
        return s.orElse(null);
    }

    private String required(final Map<String, Node> m, final String key, final Node rule) {
        if (!m.containsKey(key)) {
            yaml.error(rule, "rule at line " + yaml.line(rule) + ": missing '" + key + "'");
            return null;
        }
        return yaml.string(m.get(key), key).orElse(null);
    }
}
