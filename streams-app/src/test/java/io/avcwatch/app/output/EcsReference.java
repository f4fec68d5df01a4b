package io.avcwatch.app.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The official ECS field definitions ({@code reference/ecs/ecs_flat.yml}, ECS 9.4.0) and a checker
 * that reports every way a document departs from them: unknown field paths (outside the custom
 * namespace), JSON types that do not fit the ECS type, arrays where ECS does not normalize to an
 * array, values outside {@code allowed_values}, and event.type values not expected for the
 * event.category.
 */
final class EcsReference {
    private static final Set<String> CATEGORIZATION = Set.of("event.kind", "event.category", "event.type", "event.outcome");
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3}\\.){3}\\d{1,3}");

    private final Map<String, Field> fields;

    record Field(String type, boolean array, List<String> allowed, Map<String, List<String>> expectedTypes) {
    }

    private EcsReference(final Map<String, Field> fields) {
        this.fields = Map.copyOf(fields);
    }

    static EcsReference load() {
        try (InputStream in = EcsReference.class.getResourceAsStream("/reference/ecs/ecs_flat.yml")) {
            final LoaderOptions options = new LoaderOptions();
            options.setCodePointLimit(8 * 1024 * 1024);
            final Map<String, Map<String, Object>> raw = new Yaml(options).load(in);
            final Map<String, Field> fields = new HashMap<>();
            raw.forEach((name, def) -> fields.put(name, field(def)));
            return new EcsReference(fields);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read ecs_flat.yml", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Field field(final Map<String, Object> def) {
        final List<String> normalize = (List<String>) def.getOrDefault("normalize", List.of());
        final List<String> allowed = new ArrayList<>();
        final Map<String, List<String>> expected = new HashMap<>();
        for (Map<String, Object> value : (List<Map<String, Object>>) def.getOrDefault("allowed_values", List.of())) {
            final String name = (String) value.get("name");
            allowed.add(name);
            expected.put(name, (List<String>) value.getOrDefault("expected_event_types", List.of()));
        }
        return new Field((String) def.get("type"), normalize.contains("array"), allowed, expected);
    }

    boolean has(final String path) {
        return fields.containsKey(path);
    }

    Field field(final String path) {
        return fields.get(path);
    }

    /** Every violation of the ECS definitions in {@code doc}; fields under {@code customNamespace.} are exempt. */
    List<String> violations(final JsonNode doc, final String customNamespace) {
        final List<String> out = new ArrayList<>();
        final List<Map.Entry<String, JsonNode>> flat = new ArrayList<>();
        flatten("", doc, flat);
        flat.forEach(entry -> {
            final String path = entry.getKey();
            final JsonNode value = entry.getValue();
            if (path.startsWith(customNamespace + ".")) {
                return;
            }
            final Field field = fields.get(path);
            if (field == null) {
                if (!underObjectField(path)) {
                    out.add(path + ": not an ECS field");
                }
                return;
            }
            if (value.isArray() && !field.array()) {
                out.add(path + ": ECS does not normalize " + path + " to an array");
            }
            final List<JsonNode> values = new ArrayList<>();
            if (value.isArray()) {
                value.forEach(values::add);
            } else {
                values.add(value);
            }
            for (JsonNode v : values) {
                final String problem = typeProblem(field.type(), v);
                if (problem != null) {
                    out.add(path + ": " + problem);
                }
                if (CATEGORIZATION.contains(path) && !field.allowed().contains(v.asText())) {
                    out.add(path + ": '" + v.asText() + "' is not an allowed value");
                }
            }
        });
        out.addAll(categoryTypeMismatches(flat));
        return List.copyOf(out);
    }

    /** ECS lists, per category, the event.type values that make sense with it. */
    private List<String> categoryTypeMismatches(final List<Map.Entry<String, JsonNode>> flat) {
        final JsonNode categories = valueOf(flat, "event.category");
        final JsonNode types = valueOf(flat, "event.type");
        if (categories == null || types == null) {
            return List.of();
        }
        final List<String> out = new ArrayList<>();
        final Field category = fields.get("event.category");
        for (JsonNode type : types) {
            boolean expected = false;
            for (JsonNode c : categories) {
                expected |= category.expectedTypes().getOrDefault(c.asText(), List.of()).contains(type.asText());
            }
            if (!expected) {
                out.add("event.type '" + type.asText() + "' is not expected for event.category " + categories);
            }
        }
        return out;
    }

    private static JsonNode valueOf(final List<Map.Entry<String, JsonNode>> flat, final String path) {
        return flat.stream().filter(e -> e.getKey().equals(path)).map(Map.Entry::getValue).findFirst().orElse(null);
    }

    private boolean underObjectField(final String path) {
        for (int dot = path.lastIndexOf('.'); dot > 0; dot = path.lastIndexOf('.', dot - 1)) {
            final Field parent = fields.get(path.substring(0, dot));
            if (parent != null) {
                return "object".equals(parent.type()) || "flattened".equals(parent.type());
            }
        }
        return false;
    }

    private static String typeProblem(final String type, final JsonNode v) {
        final boolean ok = switch (type) {
            case "keyword", "constant_keyword", "wildcard", "match_only_text", "text" -> v.isTextual();
            case "long", "integer", "short", "byte", "unsigned_long" -> v.isIntegralNumber();
            case "scaled_float", "float", "double", "half_float" -> v.isNumber();
            case "boolean" -> v.isBoolean();
            case "date" -> v.isTextual() && isIsoDate(v.asText());
            case "ip" -> v.isTextual() && (IPV4.matcher(v.asText()).matches() || v.asText().contains(":"));
            case "object", "flattened", "nested" -> v.isObject();
            default -> false;
        };
        return ok ? null : v.getNodeType() + " " + v + " does not fit ECS type " + type;
    }

    private static boolean isIsoDate(final String text) {
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** Dotted paths down to leaves; arrays of scalars are leaves, arrays of objects descend into each. */
    private static void flatten(final String prefix, final JsonNode node, final List<Map.Entry<String, JsonNode>> out) {
        if (node.isObject()) {
            final Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                final Map.Entry<String, JsonNode> e = it.next();
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else if (node.isArray() && node.size() > 0 && node.get(0).isObject()) {
            node.forEach(element -> flatten(prefix, element, out));
        } else {
            out.add(Map.entry(prefix, node));
        }
    }
}
