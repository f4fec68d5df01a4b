package io.avcwatch.app.denials;

import io.avcwatch.parsers.AuditEvent;
import io.avcwatch.parsers.AuditRecord;
import io.avcwatch.parsers.Field;
import io.avcwatch.parsers.record.ExecveRecord;
import io.avcwatch.parsers.record.ProctitleRecord;
import io.avcwatch.parsers.record.SyscallRecord;
import io.avcwatch.schemas.EventRef;
import io.avcwatch.schemas.MacEvent;
import io.avcwatch.schemas.MacEventKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SELinux state changes in an audit event: MAC_STATUS, MAC_CONFIG_CHANGE (one per boolean),
 * MAC_POLICY_LOAD, and the userspace notices systemd and dbus log as USER_AVC
 * ({@code received setenforce notice (enforcing=0)}, {@code received policyload notice}).
 */
public final class MacEvents {
    private static final Pattern SETENFORCE = Pattern.compile("received setenforce notice \\(enforcing=(\\d)\\)");
    private static final Pattern POLICYLOAD = Pattern.compile("received policyload notice");
    /** The record types {@link #build} turns into events; an event without any gives none. */
    private static final Set<String> STATE_CHANGE_TYPES =
            Set.of("MAC_STATUS", "MAC_CONFIG_CHANGE", "MAC_POLICY_LOAD", "USER_MAC_POLICY_LOAD", "USER_AVC");

    private MacEvents() {
    }

    /** The state changes of {@code event}, in record order; {@code host} when records carry no node. */
    public static List<MacEvent> build(final AuditEvent event, final String host) {
        return build(event, host, Instant.now());
    }

    /** {@link #build(AuditEvent, String)} dating year-less syslog stamps against {@code reference}. */
    public static List<MacEvent> build(final AuditEvent event, final String host, final Instant reference) {
        if (event.records().stream().noneMatch(r -> STATE_CHANGE_TYPES.contains(r.type()))) {
            return List.of(); // most events: skip the host, reference, SYSCALL and command line work below
        }
        final String node = DenialBuilder.hostOf(event, host, reference);
        final EventRef ref = DenialBuilder.refOf(event, reference);
        final SyscallRecord sc = event.records().stream().filter(r -> "SYSCALL".equals(r.type()))
                .findFirst().flatMap(SyscallRecord::of).orElse(null);
        final String cmdline = cmdline(event);
        final List<MacEvent> out = new ArrayList<>();
        for (final AuditRecord r : event.records()) {
            switch (r.type()) {
                case "MAC_STATUS":
                    out.add(event(node, ref, MacEventKind.MAC_STATUS, flag(r.value("enforcing")),
                            flag(r.value("old_enforcing")), null, null, null, r, sc));
                    break;
                case "MAC_CONFIG_CHANGE":
                    out.add(event(node, ref, MacEventKind.MAC_CONFIG_CHANGE, null, null, r.value("bool"),
                            flag(r.value("val")), flag(r.value("old_val")), r, sc));
                    break;
                case "MAC_POLICY_LOAD":
                case "USER_MAC_POLICY_LOAD":
                    out.add(event(node, ref, MacEventKind.MAC_POLICY_LOAD, null, null, null, null, null, r, sc));
                    break;
                case "USER_AVC":
                    notice(node, ref, r, sc, out);
                    break;
                default:
                    break;
            }
        }
        if (cmdline == null) {
            return List.copyOf(out);
        }
        final List<MacEvent> withCmdline = new ArrayList<>();
        for (final MacEvent m : out) {
            final Map<String, String> fields = new LinkedHashMap<>(m.fields());
            fields.put("cmdline", cmdline);
            withCmdline.add(new MacEvent(m.host(), m.event(), m.kind(), m.enforcing(), m.oldEnforcing(), m.bool(),
                    m.val(), m.oldVal(), m.auid(), m.ses(), m.pid(), m.uid(), m.subj(), m.comm(), m.exe(), m.res(),
                    fields, m.source()));
        }
        return List.copyOf(withCmdline);
    }

    /**
     * The command line of the event's process from EXECVE (argv) or PROCTITLE, space-joined:
     * H3 tells {@code semodule -i} and {@code semanage permissive -a} from a package update.
     */
    private static String cmdline(final AuditEvent event) {
        final AuditRecord execve = event.first("EXECVE");
        if (execve != null) {
            final List<String> argv = ExecveRecord.of(execve).map(ExecveRecord::args).orElse(List.of());
            if (!argv.isEmpty()) {
                return String.join(" ", argv);
            }
        }
        final AuditRecord title = event.first("PROCTITLE");
        if (title != null) {
            final List<String> argv = ProctitleRecord.of(title).map(ProctitleRecord::argv).orElse(List.of());
            if (!argv.isEmpty()) {
                return String.join(" ", argv);
            }
        }
        return null;
    }

    private static void notice(final String node, final EventRef ref, final AuditRecord r, final SyscallRecord sc,
                               final List<MacEvent> out) {
        final String raw = r.raw();
        final Matcher m = SETENFORCE.matcher(raw);
        if (m.find()) {
            out.add(event(node, ref, MacEventKind.MAC_STATUS, "1".equals(m.group(1)), null, null, null, null, r, sc));
        } else if (POLICYLOAD.matcher(raw).find()) {
            out.add(event(node, ref, MacEventKind.MAC_POLICY_LOAD, null, null, null, null, null, r, sc));
        }
    }

    private static MacEvent event(final String node, final EventRef ref, final MacEventKind kind,
                                  final Boolean enforcing, final Boolean old, final String bool, final Boolean val,
                                  final Boolean oldVal, final AuditRecord r, final SyscallRecord sc) {
        final Map<String, String> fields = new LinkedHashMap<>();
        for (final Field f : r.fields().asList()) {
            final String v = r.value(f.name());
            if (v != null) {
                fields.put(f.name(), v);
            }
        }
        fields.put("origin", r.type().toLowerCase(java.util.Locale.ROOT));
        return new MacEvent(node, ref, kind, enforcing, old, bool, val, oldVal, number(r.value("auid")),
                number(r.value("ses")), sc != null ? sc.pid() : number(r.value("pid")),
                sc != null ? sc.uid() : number(r.value("uid")), sc != null ? sc.subj() : r.value("subj"),
                sc == null ? null : sc.comm(), sc != null ? sc.exe() : r.value("exe"), flag(r.value("res")), fields, null);
    }

    private static Boolean flag(final String v) {
        if (v == null) {
            return null;
        }
        try {
            return Long.parseLong(v.trim()) != 0;
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static Long number(final String v) {
        try {
            return v == null ? null : Long.parseLong(v.trim());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
