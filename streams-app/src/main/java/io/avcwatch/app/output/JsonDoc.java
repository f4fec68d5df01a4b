package io.avcwatch.app.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Collection;

/**
 * Builds a nested JSON document from dotted paths ({@code process.pid}), the way ECS and OCSF
 * mappings read. Null values and empty collections are left out: a SIEM document has no nulls.
 */
final class JsonDoc {
    private final ObjectNode root;

    JsonDoc() {
        this(SafeJson.object());
    }

    JsonDoc(final ObjectNode root) {
        this.root = root;
    }

    ObjectNode node() {
        return root;
    }

    /** Sets {@code value} (String, Number, Boolean, Instant as ISO, a collection, JsonNode or JsonDoc) at the path. */
    JsonDoc put(final String path, final Object value) {
        final JsonNode node = toNode(value);
        if (node == null) {
            return this;
        }
        ObjectNode parent = root;
        final String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            final JsonNode child = parent.get(parts[i]);
            parent = child instanceof ObjectNode existing ? existing : parent.putObject(parts[i]);
        }
        parent.set(parts[parts.length - 1], node);
        return this;
    }

    private static JsonNode toNode(final Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof JsonDoc doc) {
            return doc.root.isEmpty() ? null : doc.root;
        }
        if (value instanceof JsonNode node) {
            return withoutNulls(node);
        }
        if (value instanceof Instant instant) {
            return SafeJson.tree(instant.toString());
        }
        if (value instanceof Collection<?> collection) {
            if (collection.isEmpty()) {
                return null;
            }
            final ArrayNode array = SafeJson.object().arrayNode();
            collection.forEach(element -> {
                final JsonNode node = toNode(element);
                if (node != null) {
                    array.add(node);
                }
            });
            return array.isEmpty() ? null : array;
        }
        return withoutNulls(SafeJson.tree(value));
    }

    /** The node without null members and empty containers, recursively; null if nothing is left. */
    private static JsonNode withoutNulls(final JsonNode node) {
        if (node.isObject()) {
            final ObjectNode out = SafeJson.object();
            node.fields().forEachRemaining(e -> {
                final JsonNode child = withoutNulls(e.getValue());
                if (child != null) {
                    out.set(e.getKey(), child);
                }
            });
            return out.isEmpty() ? null : out;
        }
        if (node.isArray()) {
            final ArrayNode out = SafeJson.object().arrayNode();
            node.forEach(element -> {
                final JsonNode child = withoutNulls(element);
                if (child != null) {
                    out.add(child);
                }
            });
            return out.isEmpty() ? null : out;
        }
        return node.isNull() || node.isMissingNode() ? null : node;
    }
}
