package io.avcwatch.app.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.AnnotationKeyword;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A compose file read the way Compose reads it (YAML with anchors and merge keys) and checked against
 * the Compose Specification schema in {@code src/test/resources/deploy/compose-spec/}.
 *
 * @param tree the document as a JSON tree, before variable interpolation
 */
record ComposeFile(JsonNode tree) {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?}");
    /** The {@code $schema} the Compose Specification file declares. */
    private static final String SPEC_META_SCHEMA = "http://json-schema.org/draft/2019-09/schema#";
    private static final JsonSchema SCHEMA = loadSchema();

    /** Reads {@code docker/NAME} from the repository. */
    static ComposeFile load(final String name) {
        return parse(RepoFiles.read("docker/" + name));
    }

    /** Parses compose YAML text. */
    static ComposeFile parse(final String yaml) {
        final Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        return new ComposeFile(MAPPER.valueToTree(document));
    }

    /** The schema violations; empty when the file is valid. */
    List<String> violations() {
        return SCHEMA.validate(tree).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    /** The service named {@code name}. */
    JsonNode service(final String name) {
        final JsonNode service = tree.path("services").path(name);
        if (service.isMissingNode()) {
            throw new AssertionError("no service " + name);
        }
        return service;
    }

    /** A copy of the tree to mutate in tests. */
    ObjectNode mutableCopy() {
        return (ObjectNode) tree.deepCopy();
    }

    /**
     * Resolves Compose's {@code ${VAR}}, {@code ${VAR:-default}} and {@code $$} as Compose would with
     * no variables set: every variable takes its default.
     */
    static String withDefaults(final String value) {
        final Matcher m = VARIABLE.matcher(value.replace("$$", "\u0000"));
        final StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(2) == null ? "" : m.group(2)));
        }
        m.appendTail(out);
        return out.toString().replace('\u0000', '$');
    }

    private static JsonSchema loadSchema() {
        // Compose's "duration" format is Go's (10s, 1m30s), not the ISO 8601 duration JSON Schema means:
        // format stays an annotation, as it is in Compose's own validator.
        final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(false).build();
        try (InputStream in = ComposeFile.class.getResourceAsStream("/deploy/compose-spec/compose_spec.json")) {
            if (in == null) {
                throw new IllegalStateException("compose_spec.json is not on the test classpath");
            }
            // The spec still carries draft-04's "id" beside its 2019-09 $schema; it names, it does not validate.
            final JsonMetaSchema meta = JsonMetaSchema.builder(SPEC_META_SCHEMA, JsonMetaSchema.getV201909())
                    .keyword(new AnnotationKeyword("id")).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909, b -> b.metaSchema(meta))
                    .getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
