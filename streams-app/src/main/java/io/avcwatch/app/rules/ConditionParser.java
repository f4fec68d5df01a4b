package io.avcwatch.app.rules;

import io.avcwatch.schemas.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Turns a YAML condition mapping into a {@link Condition}, resolving {@code @set} references.
 * The keys of one mapping must all hold; {@code any:} and {@code not:} combine mappings.
 */
final class ConditionParser {
    private static final Set<String> COMBINATORS = Set.of("all", "any", "not");
    private static final Set<String> OTHER_KEYS = Set.of(
            "perms", "permissive", "mcs", "container", "host_enforcing", "risky_boolean");
    private static final Set<String> CONDITION_KEYS = union(COMBINATORS, OTHER_KEYS, FactField.STANDARD);
    private static final Set<String> TEXT_SPEC_KEYS = Set.of("in", "not_in", "regex");
    private static final Set<String> PERM_KEYS = Set.of("any", "all");

    private final YamlReader yaml;
    private final Map<String, NameSet> sets;
    private final RiskyBooleans booleans;

    ConditionParser(final YamlReader yaml, final Map<String, NameSet> sets, final RiskyBooleans booleans) {
        this.yaml = yaml;
        this.sets = sets;
        this.booleans = booleans;
    }

    Condition parse(final Node node, final String what) {
        final List<Condition> parts = new ArrayList<>();
        for (final Map.Entry<String, Node> e
                : yaml.mapping(node, what, CONDITION_KEYS, k -> FactField.of(k).isPresent()).entrySet()) {
            final Condition c = part(e.getKey(), e.getValue(), what);
            if (c != null) {
                parts.add(c);
            }
        }
        if (parts.isEmpty() && node != null) {
            yaml.error(node, what + " has no condition");
        }
        return parts.size() == 1 ? parts.get(0) : new Condition.AllOf(parts);
    }

    Condition part(final String key, final Node value, final String what) {
        if (COMBINATORS.contains(key)) {
            return combinator(key, value, what);
        }
        if (FactField.of(key).isPresent()) {
            return text(FactField.of(key).get(), value);
        }
        switch (key) {
            case "perms":
                return perms(value);
            case "permissive":
                return yaml.bool(value, "permissive").map(Condition.Permissive::new).orElse(null);
            case "mcs":
                return mcs(value);
            case "container":
                return container(value);
            case "host_enforcing":
                return hostEnforcing(value);
            case "risky_boolean":
                return yaml.string(value, "risky_boolean").flatMap(Severities::parse)
                        .<Condition>map(s -> new Condition.RiskyBoolean(booleans, s))
                        .orElseGet(() -> {
                            yaml.error(value, "risky_boolean must be a severity (high, critical, ...)");
                            return null;
                        });
            default:
                throw new IllegalStateException("unhandled condition key " + key);
        }
    }

    private Condition combinator(final String key, final Node value, final String what) {
        if (key.equals("not")) {
            return new Condition.Not(parse(value, what + ".not"));
        }
        final List<Condition> parts = new ArrayList<>();
        for (final Node item : yaml.sequence(value, what + "." + key)) {
            parts.add(parse(item, what + "." + key + " item"));
        }
        if (parts.isEmpty()) {
            yaml.error(value, what + "." + key + " needs at least one condition");
        }
        return key.equals("any") ? new Condition.AnyOf(parts) : new Condition.AllOf(parts);
    }

    private Condition text(final FactField field, final Node value) {
        final String what = field.key();
        if (!(value instanceof MappingNode)) {
            return new Condition.Text(field, names(value, what), null, null);
        }
        final Map<String, Node> spec = yaml.mapping(value, what, TEXT_SPEC_KEYS);
        if (spec.isEmpty()) {
            yaml.error(value, what + " needs in, not_in or regex");
        }
        final NameSet in = spec.containsKey("in") ? names(spec.get("in"), what + ".in") : null;
        final NameSet notIn = spec.containsKey("not_in") ? names(spec.get("not_in"), what + ".not_in") : null;
        Pattern regex = null;
        if (spec.containsKey("regex")) {
            final String text = yaml.string(spec.get("regex"), what + ".regex").orElse(null);
            if (text != null) {
                try {
                    regex = Pattern.compile(text);
                } catch (PatternSyntaxException ex) {
                    yaml.error(spec.get("regex"), what + ".regex is not a valid regular expression: "
                            + ex.getDescription());
                }
            }
        }
        return new Condition.Text(field, in, notIn, regex);
    }

    /** A name list where {@code @name} items pull in a named set. */
    NameSet names(final Node value, final String what) {
        final List<NameSet> refs = new ArrayList<>();
        final List<String> literal = new ArrayList<>();
        for (final String item : yaml.strings(value, what)) {
            if (item.startsWith("@")) {
                final NameSet ref = sets.get(item.substring(1));
                if (ref == null) {
                    yaml.error(value, what + ": unknown set '" + item + "'");
                } else {
                    refs.add(ref);
                }
            } else {
                literal.add(item);
            }
        }
        return NameSet.union(what, literal, refs);
    }

    private Condition perms(final Node value) {
        if (!(value instanceof MappingNode)) {
            return new Condition.Perms(names(value, "perms"), Set.of());
        }
        final Map<String, Node> spec = yaml.mapping(value, "perms", PERM_KEYS);
        final NameSet any = spec.containsKey("any") ? names(spec.get("any"), "perms.any") : null;
        final Set<String> all = spec.containsKey("all") ? Set.copyOf(yaml.strings(spec.get("all"), "perms.all")) : Set.of();
        if (any == null && all.isEmpty()) {
            yaml.error(value, "perms needs any or all");
        }
        return new Condition.Perms(any, all);
    }

    private Condition mcs(final Node value) {
        final String text = yaml.string(value, "mcs").orElse(null);
        if (text == null) {
            return null;
        }
        for (final Condition.Mcs.Relation r : Condition.Mcs.Relation.values()) {
            if (r.wireName().equals(text)) {
                return new Condition.Mcs(r);
            }
        }
        yaml.error(value, "mcs must be one of target_not_dominated, same, target_empty");
        return null;
    }

    private Condition container(final Node value) {
        final Set<String> names = new HashSet<>();
        for (final Condition.ContainerFact.Fact f : Condition.ContainerFact.Fact.values()) {
            names.add(f.wireName());
        }
        final List<Condition> parts = new ArrayList<>();
        for (final Map.Entry<String, Node> e : yaml.mapping(value, "container", names).entrySet()) {
            final Condition.ContainerFact.Fact fact =
                    Condition.ContainerFact.Fact.valueOf(e.getKey().toUpperCase(Locale.ROOT));
            yaml.bool(e.getValue(), "container." + e.getKey())
                    .ifPresent(b -> parts.add(new Condition.ContainerFact(fact, b)));
        }
        return parts.size() == 1 ? parts.get(0) : new Condition.AllOf(parts);
    }

    private Condition hostEnforcing(final Node value) {
        if (value instanceof ScalarNode && "unknown".equals(((ScalarNode) value).getValue().trim())) {
            return new Condition.HostEnforcing(null);
        }
        return yaml.bool(value, "host_enforcing (or unknown)").map(Condition.HostEnforcing::new).orElse(null);
    }

    private static Set<String> union(final Set<String> a, final Set<String> b, final List<String> c) {
        final Set<String> out = new HashSet<>(a);
        out.addAll(b);
        out.addAll(c);
        return Set.copyOf(out);
    }
}
