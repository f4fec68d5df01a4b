package io.avcwatch.app.rules;

import io.avcwatch.parsers.selinux.CategorySet;
import io.avcwatch.schemas.AuditPath;
import io.avcwatch.schemas.AvcDenial;
import io.avcwatch.schemas.AvcRecordType;
import io.avcwatch.schemas.AvcResult;
import io.avcwatch.schemas.ContainerInstance;
import io.avcwatch.schemas.ContainerMount;
import io.avcwatch.schemas.MacEvent;
import io.avcwatch.schemas.SelinuxContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** Flattens the wire records (denials, state changes, inventory entries) into rule {@link Facts}. */
public final class FactsFrom {
    /** A host runs a few hundred containers: their category strings repeat in every denial. */
    private static final int CATEGORY_MEMO_LIMIT = 8192;
    private static final Map<String, Set<Integer>> PARSED_CATEGORIES = new ConcurrentHashMap<>();

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
                d.tclass(), d.perms(), permissive(d, host), d.comm(),
                d.exe() != null ? d.exe() : d.syscall() == null ? null : d.syscall().exe(),
                d.path(), d.name(), d.cwd(), paths, lowerKeys(d.fields()), container,
                host == null ? null : host.enforcing());
    }

    /**
     * The record's {@code permissive=} flag. Kernels before 4.x do not write it; then the access
     * counts as having happened when the host's last MAC_STATUS said permissive, or when the
     * event's SYSCALL succeeded despite the denial. Otherwise it stays unknown (null).
     */
    static Boolean permissive(final AvcDenial d, final HostState host) {
        if (d.permissive() != null || d.recordType() == AvcRecordType.SELINUX_ERR || d.result() != AvcResult.DENIED) {
            return d.permissive();
        }
        final boolean hostPermissive = host != null && Boolean.FALSE.equals(host.enforcing());
        final boolean succeeded = d.syscall() != null && Boolean.TRUE.equals(d.syscall().success());
        return hostPermissive || succeeded ? Boolean.TRUE : null;
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
                Boolean.TRUE.equals(c.privileged()), c.securityOpt(), c.pidMode(), c.ipcMode(), c.networkMode(), mounts);
    }

    /**
     * The effective categories of a context, parsed by the parser's {@link CategorySet} (ranges
     * such as {@code c0.c1023}, user order such as {@code c393,c170}); anything unreadable gives
     * the empty set, which no MCS rule treats as a violation.
     */
    static Set<Integer> categories(final SelinuxContext ctx) {
        if (ctx == null || ctx.categories() == null || ctx.categories().isEmpty()) {
            return Set.of();
        }
        final Set<Integer> known = PARSED_CATEGORIES.get(ctx.categories());
        if (known != null) {
            return known;
        }
        final Set<Integer> parsed = CategorySet.parse(ctx.categories())
                .map(set -> set.stream().boxed().collect(Collectors.toUnmodifiableSet()))
                .orElse(Set.of());
        if (PARSED_CATEGORIES.size() < CATEGORY_MEMO_LIMIT) {
            PARSED_CATEGORIES.put(ctx.categories(), parsed);
        }
        return parsed;
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
