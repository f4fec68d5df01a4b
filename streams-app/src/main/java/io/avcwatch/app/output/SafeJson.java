package io.avcwatch.app.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.avcwatch.schemas.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes JSON that no attacker-chosen string can break out of. JSON escaping already keeps a
 * document on one line; on top of it this escapes DEL, C1 controls, U+2028/U+2029 and the bidi
 * overrides (harmless to parsers, harmful to whoever reads the line in a terminal), replaces
 * unpaired surrogates (no UTF-8 encoder can write them) and, for documents embedded in an HTML
 * {@code <script>} element, escapes {@code < > & '} so that {@code </script>} cannot end it.
 */
public final class SafeJson {
    private static final ObjectMapper MAPPER = Json.newMapper();
    private static final ObjectWriter LINE = MAPPER.writer().with(new Escapes(false));
    private static final ObjectWriter SCRIPT = MAPPER.writer().with(new Escapes(true));

    private SafeJson() {
    }

    /** The value as a tree with avcwatch's JSON conventions (snake_case, ISO instants). */
    public static JsonNode tree(final Object value) {
        return MAPPER.valueToTree(value);
    }

    /** A fresh empty object node. */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** One line of JSON, without a line terminator. */
    public static String line(final JsonNode node) {
        return write(LINE, node);
    }

    /** JSON safe to place between {@code <script type="application/json">} and {@code </script>}. */
    public static String forScript(final JsonNode node) {
        return write(SCRIPT, node);
    }

    private static String write(final ObjectWriter writer, final JsonNode node) {
        try {
            return writer.writeValueAsString(wellFormed(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree is always writable", e);
        }
    }

    private static JsonNode wellFormed(final JsonNode node) {
        if (node.isTextual()) {
            final String text = node.textValue();
            final String fixed = SafeText.wellFormed(text);
            return fixed.equals(text) ? node : TextNode.valueOf(fixed);
        }
        if (node.isArray()) {
            final ArrayNode out = MAPPER.createArrayNode();
            node.forEach(element -> out.add(wellFormed(element)));
            return out;
        }
        if (node.isObject()) {
            final ObjectNode out = MAPPER.createObjectNode();
            final List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            node.fields().forEachRemaining(fields::add);
            fields.forEach(e -> out.set(SafeText.wellFormed(e.getKey()), wellFormed(e.getValue())));
            return out;
        }
        return node;
    }

    /** Jackson escapes C0 controls itself; these are the characters it would otherwise write raw. */
    private static final class Escapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] ascii;

        Escapes(final boolean html) {
            ascii = standardAsciiEscapesForJSON();
            ascii[0x7f] = ESCAPE_STANDARD;
            if (html) {
                for (char c : new char[] {'<', '>', '&', '\''}) {
                    ascii[c] = ESCAPE_STANDARD;
                }
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii.clone();
        }

        @Override
        public SerializableString getEscapeSequence(final int ch) {
            return SafeText.isUnsafe(ch) ? new SerializedString(String.format("\\u%04x", ch)) : null;
        }
    }
}
