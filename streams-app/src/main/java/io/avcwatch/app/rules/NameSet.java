package io.avcwatch.app.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A set of names given by patterns and referenced sets ({@code @name}), minus exclusions: {@code svirt_sandbox_*} is a container
 * domain but {@code svirt_sandbox_file_t} is a file type, so the domain list excludes
 * {@code *_file_t}.
 */
public final class NameSet {
    /** Type names are a small vocabulary; past this many distinct values the answers are not remembered. */
    private static final int MEMO_LIMIT = 4096;

    private final String name;
    private final List<NamePattern> include;
    private final List<NamePattern> exclude;
    private final List<NameSet> refs;
    /** Answers so far: every denial asks the same few sets about the same few types (shared by threads). */
    private final ConcurrentHashMap<String, Boolean> memo = new ConcurrentHashMap<>();

    public NameSet(final String name, final List<NamePattern> include, final List<NamePattern> exclude,
            final List<NameSet> refs) {
        this.name = name;
        this.include = List.copyOf(include);
        this.exclude = List.copyOf(exclude);
        this.refs = List.copyOf(refs);
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
        final Boolean known = memo.get(value);
        if (known != null) {
            return known;
        }
        final boolean answer = evaluate(value);
        if (memo.size() < MEMO_LIMIT) {
            memo.put(value, answer);
        }
        return answer;
    }

    private boolean evaluate(final String value) {
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

    public String name() {
        return name;
    }

    public List<NamePattern> include() {
        return include;
    }

    public List<NamePattern> exclude() {
        return exclude;
    }

    public List<NameSet> refs() {
        return refs;
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof NameSet other && Objects.equals(name, other.name) && include.equals(other.include)
                && exclude.equals(other.exclude) && refs.equals(other.refs);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, include, exclude, refs);
    }

    @Override
    public String toString() {
        return "NameSet[name=" + name + ", include=" + include + ", exclude=" + exclude + ", refs=" + refs + "]";
    }
}
