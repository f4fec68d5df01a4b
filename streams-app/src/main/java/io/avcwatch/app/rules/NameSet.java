package io.avcwatch.app.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * A set of names given by patterns and referenced sets ({@code @name}), minus exclusions: {@code svirt_sandbox_*} is a container
 * domain but {@code svirt_sandbox_file_t} is a file type, so the domain list excludes
 * {@code *_file_t}.
 */
public record NameSet(String name, List<NamePattern> include, List<NamePattern> exclude, List<NameSet> refs) {

    public NameSet {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
        refs = List.copyOf(refs);
    }

    public NameSet(final String name, final List<NamePattern> include, final List<NamePattern> exclude) {
        this(name, include, exclude, List.of());
    }

    public static NameSet of(final String name, final List<String> include) {
        return new NameSet(name, patterns(include), List.of());
    }

    /** A set whose members are those of {@code refs} (each with its own exclusions) plus {@code include}. */
    public static NameSet union(final String name, final List<String> include, final List<NameSet> refs) {
        return new NameSet(name, patterns(include), List.of(), refs);
    }

    public static List<NamePattern> patterns(final List<String> texts) {
        final List<NamePattern> out = new ArrayList<>(texts.size());
        for (final String t : texts) {
            out.add(new NamePattern(t));
        }
        return out;
    }

    public boolean contains(final String value) {
        if (value == null) {
            return false;
        }
        for (final NamePattern x : exclude) {
            if (x.matches(value)) {
                return false;
            }
        }
        for (final NamePattern p : include) {
            if (p.matches(value)) {
                return true;
            }
        }
        for (final NameSet r : refs) {
            if (r.contains(value)) {
                return true;
            }
        }
        return false;
    }

    /** This set widened by another one's patterns (a user file extending a built-in list). */
    public NameSet plus(final NameSet more) {
        final List<NamePattern> inc = new ArrayList<>(include);
        inc.addAll(more.include);
        final List<NamePattern> exc = new ArrayList<>(exclude);
        exc.addAll(more.exclude);
        final List<NameSet> r = new ArrayList<>(refs);
        r.addAll(more.refs);
        return new NameSet(name, inc, exc, r);
    }
}
