package io.avcwatch.app.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A text fact a rule can name in YAML: {@code source_type}, {@code path}, {@code field.kmod}, ...
 *
 * @param key the YAML key
 */
public record FactField(String key) {

    /** The YAML keys of the standard text facts, in documentation order. */
    public static final List<String> STANDARD = List.of(
            "record_type", "verdict", "source_type", "target_type", "tclass", "comm", "exe",
            "path", "name", "cwd", "paths", "any_path", "image", "container_name");

    /** The prefix of extra record fields: {@code field.kmod}, {@code field.bool}. */
    public static final String EXTRA_PREFIX = "field.";

    public static Optional<FactField> of(final String key) {
        if (STANDARD.contains(key) || (key.startsWith(EXTRA_PREFIX) && key.length() > EXTRA_PREFIX.length())) {
            return Optional.of(new FactField(key));
        }
        return Optional.empty();
    }

    /** The fact's values; empty when absent. */
    public List<String> values(final Facts f) {
        switch (key) {
            case "record_type":
                return one(f.recordType());
            case "verdict":
                return one(f.verdict());
            case "source_type":
                return one(f.stype());
            case "target_type":
                return one(f.ttype());
            case "tclass":
                return one(f.tclass());
            case "comm":
                return one(f.comm());
            case "exe":
                return one(f.exe());
            case "path":
                return one(f.path());
            case "name":
                return one(f.name());
            case "cwd":
                return one(f.cwd());
            case "paths":
                return f.paths();
            case "any_path":
                return anyPath(f);
            case "image":
                return one(f.container() == null ? null : f.container().image());
            case "container_name":
                return one(f.container() == null ? null : f.container().name());
            default:
                return one(f.fields().get(key.substring(EXTRA_PREFIX.length()).toLowerCase(Locale.ROOT)));
        }
    }

    private static List<String> anyPath(final Facts f) {
        final List<String> out = new ArrayList<>(f.paths());
        if (f.path() != null) {
            out.add(f.path());
        }
        if (f.name() != null) {
            out.add(f.name());
        }
        if (f.cwd() != null) {
            out.add(f.cwd());
        }
        return out;
    }

    private static List<String> one(final String v) {
        return v == null ? List.of() : List.of(v);
    }
}
