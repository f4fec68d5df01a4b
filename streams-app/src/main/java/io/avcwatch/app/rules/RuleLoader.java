package io.avcwatch.app.rules;

import io.avcwatch.schemas.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Loads rule files: the built-in ones shipped as resources, then any user files, which may add
 * rules, add named sets and extend existing sets ({@code extend: true}), for example to declare a
 * site's own container types. All files share one namespace of sets and rule ids.
 *
 * <p>A file has up to four top-level keys: {@code sets} (named name lists, referenced as
 * {@code @name}), {@code booleans} (the risky-boolean table), {@code rules} and
 * {@code suppressions}. The format is documented in {@code streams-app/src/main/resources/rules/README.md}.
 */
public final class RuleLoader {
    /** Lists the built-in files in load order, one classpath resource per line. */
    public static final String BUILTIN_INDEX = "rules/builtin.index";

    private static final Set<String> TOP_KEYS = Set.of("sets", "booleans", "rules", "suppressions");
    private static final Set<String> SET_KEYS = Set.of("include", "exclude", "extend");
    private static final Set<String> BOOLEAN_KEYS = Set.of("weakens_when", "severity");
    private static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*");

    private RuleLoader() {
    }

    /** The built-in rule set; a broken built-in file is a bug, so it throws. */
    public static RuleSet builtIn() {
        final LoadResult r = load(builtInSources());
        if (r instanceof LoadResult.Invalid) {
            throw new IllegalStateException("built-in rules are invalid: " + ((LoadResult.Invalid) r).errors());
        }
        return ((LoadResult.Loaded) r).ruleSet();
    }

    /** The built-in files followed by the user's; unreadable files are reported, not thrown. */
    public static LoadResult loadWithBuiltIns(final List<Path> userFiles) {
        final List<RuleSource> sources = new ArrayList<>(builtInSources());
        final List<RuleFileError> unreadable = new ArrayList<>();
        for (final Path p : userFiles) {
            try {
                sources.add(new RuleSource(p.toString(), Files.readString(p, StandardCharsets.UTF_8)));
            } catch (IOException | RuntimeException ex) {
                unreadable.add(new RuleFileError(p.toString(), 0, 0, "cannot read: " + ex.getMessage()));
            }
        }
        if (!unreadable.isEmpty()) {
            return new LoadResult.Invalid(unreadable);
        }
        return load(sources);
    }

    public static List<RuleSource> builtInSources() {
        final List<RuleSource> out = new ArrayList<>();
        for (final String line : resource(BUILTIN_INDEX).split("\n")) {
            final String name = line.trim();
            if (!name.isEmpty() && !name.startsWith("#")) {
                out.add(new RuleSource(name, resource(name)));
            }
        }
        return out;
    }

    /** Loads sources in order; sets and booleans of every file are known before any rule is read. */
    public static LoadResult load(final List<RuleSource> sources) {
        final List<RuleFileError> errors = new ArrayList<>();
        final List<Map<String, Node>> tops = new ArrayList<>();
        final List<YamlReader> readers = new ArrayList<>();
        for (final RuleSource s : sources) {
            final YamlReader yaml = new YamlReader(s.name(), errors);
            final Node root = compose(s, errors);
            readers.add(yaml);
            tops.add(root == null ? Map.of() : yaml.mapping(root, "file", TOP_KEYS));
        }
        final Map<String, NameSet> sets = new LinkedHashMap<>();
        final Map<String, RiskyBooleans.Entry> booleans = new LinkedHashMap<>();
        for (int i = 0; i < tops.size(); i++) {
            if (tops.get(i).containsKey("sets")) {
                readSets(readers.get(i), tops.get(i).get("sets"), sets);
            }
            if (tops.get(i).containsKey("booleans")) {
                readBooleans(readers.get(i), tops.get(i).get("booleans"), booleans);
            }
        }
        final RiskyBooleans table = new RiskyBooleans(booleans);
        final List<Rule> rules = new ArrayList<>();
        final Map<String, Rule> byId = new LinkedHashMap<>();
        for (int i = 0; i < tops.size(); i++) {
            final Node list = tops.get(i).get("rules");
            if (list == null) {
                continue;
            }
            final RuleParser parser = new RuleParser(readers.get(i), new ConditionParser(readers.get(i), sets, table));
            for (final Node item : readers.get(i).sequence(list, "rules")) {
                parser.parse(item).ifPresent(rule -> {
                    final Rule earlier = byId.putIfAbsent(rule.id(), rule);
                    if (earlier != null) {
                        errors.add(new RuleFileError(rule.location().file(), rule.location().line(), 1,
                                "rule id '" + rule.id() + "' is already defined at " + earlier.location()));
                    } else {
                        rules.add(rule);
                    }
                });
            }
        }
        final List<Suppression> suppressions = new ArrayList<>();
        for (int i = 0; i < tops.size(); i++) {
            final Node list = tops.get(i).get("suppressions");
            if (list != null) {
                final SuppressionParser parser = new SuppressionParser(readers.get(i),
                        new ConditionParser(readers.get(i), sets, table));
                for (final Node item : readers.get(i).sequence(list, "suppressions")) {
                    parser.parse(item, byId).ifPresent(suppressions::add);
                }
            }
        }
        if (!errors.isEmpty()) {
            return new LoadResult.Invalid(errors);
        }
        return new LoadResult.Loaded(new RuleSet(rules, sets, table, suppressions));
    }

    private static Node compose(final RuleSource s, final List<RuleFileError> errors) {
        try {
            return new Yaml(new LoaderOptions()).compose(new StringReader(s.text()));
        } catch (MarkedYAMLException ex) {
            final Mark m = ex.getProblemMark() != null ? ex.getProblemMark() : ex.getContextMark();
            errors.add(new RuleFileError(s.name(), m == null ? 0 : m.getLine() + 1,
                    m == null ? 0 : m.getColumn() + 1, "not valid YAML: " + ex.getProblem()));
        } catch (YAMLException ex) {
            errors.add(new RuleFileError(s.name(), 0, 0, "not valid YAML: " + ex.getMessage()));
        }
        return null;
    }

    private static void readSets(final YamlReader yaml, final Node node, final Map<String, NameSet> sets) {
        for (final Map.Entry<String, Node> e : yaml.mapping(node, "sets", null).entrySet()) {
            final String name = e.getKey();
            final ConditionParser refs = new ConditionParser(yaml, sets, RiskyBooleans.empty());
            boolean extend = false;
            NameSet set;
            if (e.getValue() instanceof MappingNode) {
                final Map<String, Node> spec = yaml.mapping(e.getValue(), "set " + name, SET_KEYS);
                extend = spec.containsKey("extend") && yaml.bool(spec.get("extend"), "extend").orElse(false);
                final NameSet inc = spec.containsKey("include") ? refs.names(spec.get("include"), name) : NameSet.of(name, List.of());
                final List<String> exc = spec.containsKey("exclude") ? yaml.strings(spec.get("exclude"), name + ".exclude") : List.of();
                set = new NameSet(name, inc.include(), NameSet.patterns(exc), inc.refs());
            } else {
                set = refs.names(e.getValue(), name);
            }
            final NameSet existing = sets.get(name);
            if (existing != null && !extend) {
                yaml.error(e.getValue(), "set '" + name + "' is already defined; add 'extend: true' to widen it");
            } else if (existing == null && extend) {
                yaml.error(e.getValue(), "set '" + name + "' does not exist yet, so it cannot be extended");
            } else {
                sets.put(name, existing == null ? set : existing.plus(set));
            }
        }
    }

    private static void readBooleans(final YamlReader yaml, final Node node,
                                     final Map<String, RiskyBooleans.Entry> out) {
        for (final Map.Entry<String, Node> e : yaml.mapping(node, "booleans", null).entrySet()) {
            final Map<String, Node> spec = yaml.mapping(e.getValue(), "boolean " + e.getKey(), BOOLEAN_KEYS);
            final Node when = spec.get("weakens_when");
            final Node sev = spec.get("severity");
            if (when == null || sev == null) {
                yaml.error(e.getValue(), "boolean " + e.getKey() + " needs weakens_when (0 or 1) and severity");
                continue;
            }
            final String w = yaml.string(when, "weakens_when").orElse("");
            final var severity = yaml.string(sev, "severity").flatMap(Severities::parse);
            if (!w.equals("0") && !w.equals("1")) {
                yaml.error(when, "weakens_when must be 0 or 1");
            } else if (severity.isEmpty()) {
                yaml.error(sev, "severity must be one of info, low, medium, high, critical");
            } else {
                out.put(e.getKey(), new RiskyBooleans.Entry(Integer.parseInt(w), severity.get()));
            }
        }
    }

    static boolean validId(final String id) {
        return ID.matcher(id).matches();
    }

    private static String resource(final String name) {
        try (InputStream in = RuleLoader.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing built-in resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new IllegalStateException("cannot read built-in resource " + name, ex);
        }
    }
}
