package io.avcwatch.app.rules;

import io.avcwatch.schemas.AuditPath;
import io.avcwatch.schemas.AvcDenial;
import io.avcwatch.schemas.ContainerInstance;
import io.avcwatch.schemas.ContainerMount;
import io.avcwatch.schemas.MacEvent;
import io.avcwatch.schemas.SelinuxContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Flattens the wire records (denials, state changes, inventory entries) into rule {@link Facts}. */
public final class FactsFrom {
    private FactsFrom() {
    }

    /**
     * Facts for one denial record.
     *
     * @param container inventory facts of the attributed container, or null
     */
    public static Facts denial(final AvcDenial d, final HostState host, final ContainerFacts container) {
        final List<String> paths = new ArrayList<>();
        for (final AuditPath p : d.paths()) {
            if (p.name() != null) {
                paths.add(p.name());
            }
        }
        return new Facts(Subject.DENIAL, d.recordType().name(),
                d.result() == null ? null : d.result().name().toLowerCase(java.util.Locale.ROOT),
                type(d.scontext()), type(d.tcontext()), categories(d.scontext()), categories(d.tcontext()),
                d.tclass(), d.perms(), d.permissive(), d.comm(),
                d.exe() != null ? d.exe() : d.syscall() == null ? null : d.syscall().exe(),
                d.path(), d.name(), d.cwd(), paths, lowerKeys(d.fields()), container,
                host == null ? null : host.enforcing());
    }

    /** Facts for a state change; the values rules see are in {@link Facts#fields()}. */
    public static Facts macEvent(final MacEvent e, final HostState host) {
        final Map<String, String> v = lowerKeys(e.fields());
        putFlag(v, "enforcing", e.enforcing());
        putFlag(v, "old_enforcing", e.oldEnforcing());
        if (e.bool() != null) {
            v.put("bool", e.bool());
        }
        putFlag(v, "val", e.val());
        putFlag(v, "old_val", e.oldVal());
        if (e.auid() != null) {
            v.put("auid", String.valueOf(e.auid()));
        }
        if (e.comm() != null) {
            v.put("comm", e.comm());
        }
        if (e.exe() != null) {
            v.put("exe", e.exe());
        }
        return Facts.macEvent(e.kind().name(), v, host == null ? null : host.enforcing());
    }

    /** The rule view of an inventory entry. */
    public static ContainerFacts container(final ContainerInstance c) {
        final List<ContainerFacts.Mount> mounts = new ArrayList<>();
        for (final ContainerMount m : c.mounts()) {
            mounts.add(new ContainerFacts.Mount(m.source(), m.destination(), !Boolean.FALSE.equals(m.rw())));
        }
        return new ContainerFacts(c.id(), c.name(), c.image(), c.engine(), c.processLabel(),
                Boolean.TRUE.equals(c.privileged()), c.securityOpt(), c.pidMode(), null, c.networkMode(), mounts);
    }

    /**
     * Parses canonical categories ({@code c170,c393}, {@code c0.c1023}) into a set; anything
     * unreadable gives the empty set, which no MCS rule treats as a violation.
     */
    static Set<Integer> categories(final SelinuxContext ctx) {
        if (ctx == null || ctx.categories() == null || ctx.categories().isEmpty()) {
            return Set.of();
        }
        final Set<Integer> out = new HashSet<>();
        try {
            for (final String part : ctx.categories().split(",")) {
                final int dot = part.indexOf('.');
                if (dot < 0) {
                    out.add(category(part));
                } else {
                    final int lo = category(part.substring(0, dot));
                    final int hi = category(part.substring(dot + 1));
                    for (int c = lo; c <= hi && c - lo <= 65_535; c++) {
                        out.add(c);
                    }
                }
            }
        } catch (NumberFormatException | StringIndexOutOfBoundsException bad) {
            return Set.of();
        }
        return out;
    }

    private static int category(final String text) {
        final String t = text.trim();
        if (!t.startsWith("c")) {
            throw new NumberFormatException(t);
        }
        return Integer.parseInt(t.substring(1));
    }

    private static String type(final SelinuxContext ctx) {
        return ctx == null ? null : ctx.type();
    }

    private static Map<String, String> lowerKeys(final Map<String, String> in) {
        final Map<String, String> out = new HashMap<>();
        if (in != null) {
            in.forEach((k, v) -> {
                if (k != null && v != null) {
                    out.put(k.toLowerCase(java.util.Locale.ROOT), unquote(v));
                }
            });
        }
        return out;
    }

    private static String unquote(final String v) {
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }

    private static void putFlag(final Map<String, String> v, final String key, final Boolean flag) {
        if (flag != null) {
            v.put(key, flag ? "1" : "0");
        }
    }
}
