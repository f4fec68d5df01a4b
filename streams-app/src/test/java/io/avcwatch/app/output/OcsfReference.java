package io.avcwatch.app.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The official OCSF 1.8.0 definitions under {@code reference/ocsf/} (dictionary, the Findings
 * classes, objects, profiles) resolved the way the OCSF schema server does it: {@code extends}
 * chains, {@code $include}d profiles, class attributes merged key by key over the dictionary's.
 * {@link #violations} checks an emitted event against one class: required attributes (profile
 * attributes only when the profile is listed in {@code metadata.profiles}), scalar types and their
 * regexes, arrays, enum values and their sibling captions, object constraints and unknown keys.
 */
final class OcsfReference {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> FREE_FORM = Set.of("unmapped", "vendor_attributes");

    private final JsonNode dictionary;
    private final JsonNode types;
    private final Map<String, Definition> objects = new HashMap<>();

    /** One attribute of a resolved class or object. */
    record Attribute(String name, String type, boolean array, String requirement, String profile, JsonNode enumeration,
            String sibling) {
    }

    /** A class or object with its inherited and included attributes. */
    record Definition(String name, Map<String, Attribute> attributes, JsonNode constraints) {
    }

    private OcsfReference(final JsonNode dictionary) {
        this.dictionary = dictionary.get("attributes");
        this.types = dictionary.get("types").get("attributes");
    }

    static OcsfReference load() {
        return new OcsfReference(read("dictionary.json"));
    }

    static JsonNode read(final String path) {
        try (InputStream in = OcsfReference.class.getResourceAsStream("/reference/ocsf/" + path)) {
            if (in == null) {
                throw new IllegalStateException("missing OCSF file " + path);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read OCSF file " + path, e);
        }
    }

    /**
     * The class in {@code events/<path>}, e.g. {@code findings/detection_finding.json}, resolved,
     * with the enums the schema server derives: class_uid = category uid * 1000 + class uid,
     * category_uid, and type_uid = class_uid * 100 + activity_id with captions "Class: Activity".
     */
    Definition eventClass(final String path) {
        final Definition resolved = resolve(merged("events/" + path, OcsfReference::classFile));
        final JsonNode file = read("events/" + path);
        String category = file.path("category").asText("");
        for (JsonNode f = file; category.isEmpty() && f.has("extends"); f = read(classFile(f.get("extends").asText()))) {
            category = f.path("category").asText("");
        }
        final String parentCategory = category;
        final JsonNode categoryNode = read("categories.json").get("attributes").get(parentCategory);
        final int categoryUid = categoryNode.get("uid").asInt();
        final int classUid = categoryUid * 1000 + file.get("uid").asInt();
        final String caption = file.get("caption").asText();
        final Map<String, Attribute> attributes = new LinkedHashMap<>(resolved.attributes());
        attributes.computeIfPresent("class_uid", (k, a) -> withEnum(a, enumOf(classUid, caption)));
        attributes.computeIfPresent("category_uid",
                (k, a) -> withEnum(a, enumOf(categoryUid, categoryNode.get("caption").asText())));
        final ObjectNode typeUids = MAPPER.createObjectNode();
        attributes.get("activity_id").enumeration().fields().forEachRemaining(e -> typeUids.set(
                String.valueOf(classUid * 100L + Integer.parseInt(e.getKey())),
                MAPPER.createObjectNode().put("caption", caption + ": " + e.getValue().path("caption").asText())));
        attributes.computeIfPresent("type_uid", (k, a) -> withEnum(a, typeUids));
        return new Definition(resolved.name(), Map.copyOf(attributes), resolved.constraints());
    }

    private static ObjectNode enumOf(final int uid, final String caption) {
        final ObjectNode e = MAPPER.createObjectNode();
        e.set(String.valueOf(uid), MAPPER.createObjectNode().put("caption", caption));
        return e;
    }

    private static Attribute withEnum(final Attribute a, final JsonNode enumeration) {
        return new Attribute(a.name(), a.type(), a.array(), a.requirement(), a.profile(), enumeration, a.sibling());
    }

    Definition object(final String name) {
        return objects.computeIfAbsent(name, n -> resolve(merged("objects/" + n + ".json", p -> "objects/" + p + ".json")));
    }

    private static String classFile(final String name) {
        return "base_event".equals(name) ? "events/base_event.json" : "events/findings/" + name + ".json";
    }

    /** Raw attribute entries after extends and $include, child entries merged key by key over the parent's. */
    private static ObjectNode merged(final String path, final java.util.function.Function<String, String> parentPath) {
        final JsonNode file = read(path);
        final ObjectNode attributes = MAPPER.createObjectNode();
        JsonNode constraints = null;
        final String parent = file.path("extends").asText("");
        if (!parent.isEmpty() && !"object".equals(parent)) {
            final ObjectNode inherited = merged(parentPath.apply(parent), parentPath);
            attributes.setAll((ObjectNode) inherited.get("attributes"));
            constraints = inherited.get("constraints");
        }
        for (JsonNode include : file.path("attributes").path("$include")) {
            final JsonNode included = read(include.asText());
            final boolean profile = "profile".equals(included.path("meta").asText());
            included.get("attributes").fields().forEachRemaining(e -> {
                final ObjectNode entry = e.getValue().deepCopy();
                if (profile && !entry.has("profile")) {
                    entry.put("profile", included.get("name").asText());
                }
                mergeEntry(attributes, e.getKey(), entry);
            });
        }
        file.path("attributes").fields().forEachRemaining(e -> {
            if (!"$include".equals(e.getKey())) {
                mergeEntry(attributes, e.getKey(), (ObjectNode) e.getValue());
            }
        });
        if (file.has("constraints")) {
            constraints = file.get("constraints");
        }
        final ObjectNode out = MAPPER.createObjectNode();
        out.put("name", file.get("name").asText());
        out.set("attributes", attributes);
        out.set("constraints", constraints == null ? MAPPER.createObjectNode() : constraints);
        return out;
    }

    private static void mergeEntry(final ObjectNode attributes, final String name, final ObjectNode entry) {
        final JsonNode existing = attributes.get(name);
        final ObjectNode target = existing == null ? MAPPER.createObjectNode() : ((ObjectNode) existing).deepCopy();
        target.setAll(entry);
        attributes.set(name, target);
    }

    private Definition resolve(final ObjectNode merged) {
        final Map<String, Attribute> attributes = new LinkedHashMap<>();
        merged.get("attributes").fields().forEachRemaining(e -> {
            final JsonNode local = e.getValue();
            final JsonNode dict = dictionary.path(e.getKey());
            final String type = local.has("type") ? local.get("type").asText() : dict.path("type").asText();
            final ObjectNode enumeration = MAPPER.createObjectNode();
            if (dict.has("enum")) {
                enumeration.setAll((ObjectNode) dict.get("enum"));
            }
            if (local.has("enum")) {
                enumeration.setAll((ObjectNode) local.get("enum"));
            }
            final String profile = local.path("profile").isTextual() ? local.get("profile").asText() : null;
            attributes.put(e.getKey(), new Attribute(e.getKey(), type, dict.path("is_array").asBoolean(false),
                    local.path("requirement").asText("optional"), profile, enumeration.isEmpty() ? null : enumeration,
                    dict.path("sibling").asText(null)));
        });
        return new Definition(merged.get("name").asText(), attributes, merged.get("constraints"));
    }

    /** Every violation of {@code definition} in {@code event}; paths are dotted, array elements indexed. */
    List<String> violations(final JsonNode event, final Definition definition) {
        final Set<String> profiles = new HashSet<>();
        event.path("metadata").path("profiles").forEach(p -> profiles.add(p.asText()));
        final List<String> out = new ArrayList<>();
        checkObject("", event, definition, profiles, out);
        return List.copyOf(out);
    }

    private void checkObject(final String path, final JsonNode node, final Definition def, final Set<String> profiles,
            final List<String> out) {
        if (!node.isObject()) {
            out.add(path + ": expected object " + def.name() + ", got " + node.getNodeType());
            return;
        }
        def.attributes().values().stream()
                .filter(a -> "required".equals(a.requirement()))
                .filter(a -> a.profile() == null || profiles.contains(a.profile()))
                .filter(a -> !node.has(a.name()))
                .forEach(a -> out.add(at(path, a.name()) + ": required by " + def.name() + " but missing"));
        checkConstraints(path, node, def, out);
        final Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            final Map.Entry<String, JsonNode> e = fields.next();
            final Attribute attribute = def.attributes().get(e.getKey());
            final String where = at(path, e.getKey());
            if (attribute == null) {
                out.add(where + ": not an attribute of " + def.name());
            } else if (!FREE_FORM.contains(e.getKey())) {
                checkAttribute(where, e.getValue(), attribute, node, profiles, out);
            }
        }
    }

    private void checkConstraints(final String path, final JsonNode node, final Definition def, final List<String> out) {
        final JsonNode atLeastOne = def.constraints().path("at_least_one");
        if (atLeastOne.isArray() && atLeastOne.size() > 0 && count(node, atLeastOne) == 0) {
            out.add(path + ": " + def.name() + " needs at least one of " + atLeastOne);
        }
        final JsonNode justOne = def.constraints().path("just_one");
        if (justOne.isArray() && justOne.size() > 0 && count(node, justOne) != 1) {
            out.add(path + ": " + def.name() + " needs exactly one of " + justOne);
        }
    }

    private static int count(final JsonNode node, final JsonNode names) {
        int n = 0;
        for (JsonNode name : names) {
            n += node.has(name.asText()) ? 1 : 0;
        }
        return n;
    }

    private void checkAttribute(final String where, final JsonNode value, final Attribute a, final JsonNode parent,
            final Set<String> profiles, final List<String> out) {
        if (a.array() != value.isArray()) {
            out.add(where + ": " + (a.array() ? "must be an array" : "must not be an array"));
            return;
        }
        final List<JsonNode> values = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(values::add);
        } else {
            values.add(value);
        }
        for (int i = 0; i < values.size(); i++) {
            final String at = a.array() ? where + "[" + i + "]" : where;
            final JsonNode v = values.get(i);
            if (a.type().endsWith("_t")) {
                checkScalar(at, v, a.type(), out);
                checkEnum(at, v, a, parent, out);
            } else if ("object".equals(a.type())) {
                if (!v.isObject()) {
                    out.add(at + ": must be an object");
                }
            } else {
                checkObject(at, v, object(a.type()), profiles, out);
            }
        }
    }

    private void checkEnum(final String at, final JsonNode v, final Attribute a, final JsonNode parent,
            final List<String> out) {
        if (a.enumeration() == null) {
            return;
        }
        final JsonNode entry = a.enumeration().get(v.asText());
        if (entry == null) {
            out.add(at + ": " + v + " is not in the enum of " + a.name());
            return;
        }
        // A sibling string carries the caption of the id, except for 99 (Other), where it is free text.
        if (a.sibling() != null && parent.has(a.sibling()) && !"99".equals(v.asText())
                && !entry.path("caption").asText().equals(parent.get(a.sibling()).asText())) {
            out.add(at + ": sibling " + a.sibling() + " '" + parent.get(a.sibling()).asText() + "' is not the caption '"
                    + entry.path("caption").asText() + "'");
        }
    }

    private void checkScalar(final String at, final JsonNode v, final String type, final List<String> out) {
        String base = type;
        final List<String> regexes = new ArrayList<>();
        while (types.has(base) && types.get(base).has("type")) {
            if (types.get(base).has("regex")) {
                regexes.add(types.get(base).get("regex").asText());
            }
            base = types.get(base).get("type").asText();
        }
        final boolean ok = switch (base) {
            case "string_t" -> v.isTextual();
            case "integer_t" -> v.isInt() || v.isLong() && v.canConvertToInt();
            case "long_t" -> v.isIntegralNumber();
            case "float_t" -> v.isNumber();
            case "boolean_t" -> v.isBoolean();
            case "json_t" -> true;
            default -> false;
        };
        if (!ok) {
            out.add(at + ": " + v.getNodeType() + " " + v + " does not fit " + type);
            return;
        }
        for (String regex : regexes) {
            if (!Pattern.compile(regex).matcher(v.asText()).find()) {
                out.add(at + ": '" + v.asText() + "' does not match the pattern of " + type);
            }
        }
    }

    private static String at(final String path, final String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
