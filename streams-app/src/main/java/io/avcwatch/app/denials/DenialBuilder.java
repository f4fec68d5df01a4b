package io.avcwatch.app.denials;

import io.avcwatch.parsers.AuditEvent;
import io.avcwatch.parsers.AuditRecord;
import io.avcwatch.parsers.Field;
import io.avcwatch.parsers.avc.AvcRecord;
import io.avcwatch.parsers.record.CwdRecord;
import io.avcwatch.parsers.record.PathRecord;
import io.avcwatch.parsers.record.ProctitleRecord;
import io.avcwatch.parsers.record.SelinuxErrRecord;
import io.avcwatch.parsers.record.SyscallRecord;
import io.avcwatch.parsers.selinux.SecurityContext;
import io.avcwatch.schemas.AuditPath;
import io.avcwatch.schemas.AvcDenial;
import io.avcwatch.schemas.AvcRecordType;
import io.avcwatch.schemas.AvcResult;
import io.avcwatch.schemas.EventRef;
import io.avcwatch.schemas.SelinuxContext;
import io.avcwatch.schemas.SyscallContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns an assembled audit event into one {@link AvcDenial} per AVC, USER_AVC or SELINUX_ERR
 * record, each joined with the event's SYSCALL, CWD, PATH names and PROCTITLE argv. Container
 * fields stay empty: attributing a label to a container is time-scoped correlation, done by the
 * Streams topology.
 */
public final class DenialBuilder {
    private DenialBuilder() {
    }

    /**
     * The denials of {@code event}; an event with no SELinux record but a watched SYSCALL (see
     * {@link SyscallOnlyDenials}) gives one {@code SYSCALL} denial. USER_AVC notices ({@code received policyload notice}) are
     * state changes, not decisions, and are left to {@link MacEvents}.
     *
     * @param host the host to use when the records carry no {@code node=}
     */
    public static List<AvcDenial> build(final AuditEvent event, final String host) {
        return build(event, host, Instant.now());
    }

    /**
     * {@link #build(AuditEvent, String)} with the instant that dates syslog stamps without a year
     * (journald lines); see {@link SyslogOrigin}.
     */
    public static List<AvcDenial> build(final AuditEvent event, final String host, final Instant reference) {
        final String node = hostOf(event, host, reference);
        final EventRef ref = refOf(event, reference);
        SyscallContext syscall = null;
        String cwd = null;
        final List<AuditPath> paths = new ArrayList<>();
        List<String> argv = List.of();
        for (final AuditRecord r : event.records()) {
            switch (r.type()) {
                case "SYSCALL":
                    syscall = SyscallRecord.of(r).map(DenialBuilder::syscall).orElse(null);
                    break;
                case "CWD":
                    cwd = CwdRecord.of(r).map(CwdRecord::cwd).orElse(null);
                    break;
                case "PATH":
                    PathRecord.of(r).ifPresent(p -> paths.add(new AuditPath(p.item() == null ? null : p.item().intValue(),
                            p.name(), null, r.value("dev"), r.value("mode"), null, null, p.objContext(), p.nametype())));
                    break;
                case "PROCTITLE":
                    argv = ProctitleRecord.of(r).map(ProctitleRecord::argv).orElse(List.of());
                    break;
                default:
                    break;
            }
        }
        final List<AvcDenial> out = new ArrayList<>();
        for (final AuditRecord r : event.records()) {
            if (r.isAvc()) {
                final AvcRecord avc = AvcRecord.of(r).orElse(null);
                if (avc != null && ("denied".equals(avc.verdict()) || "granted".equals(avc.verdict()))) {
                    out.add(fromAvc(avc, recordHost(r, node, reference), ref, syscall, cwd, paths, argv));
                }
            } else if ("SELINUX_ERR".equals(r.type())) {
                final SelinuxErrRecord err = SelinuxErrRecord.of(r).orElse(null);
                if (err != null) {
                    out.add(fromSelinuxErr(err, recordHost(r, node, reference), ref, syscall, cwd, paths, argv));
                }
            }
        }
        if (out.isEmpty()) {
            SyscallOnlyDenials.of(event, node, ref, syscall, cwd, paths, argv).ifPresent(out::add);
        }
        return List.copyOf(out);
    }

    private static AvcDenial fromAvc(final AvcRecord avc, final String node, final EventRef ref,
                                     final SyscallContext syscall, final String cwd, final List<AuditPath> paths,
                                     final List<String> argv) {
        final Map<String, String> other = new LinkedHashMap<>();
        for (final Field f : avc.otherFields()) {
            if (!List.of("pid", "comm", "exe", "path", "name", "dev", "ino").contains(f.name())) {
                other.put(f.name(), avc.record().value(f.name()));
            }
        }
        other.values().removeIf(v -> v == null);
        final String comm = avc.comm() != null ? avc.comm() : syscall == null ? null : syscall.comm();
        return AvcDenial.builder()
                .host(node).event(ref)
                .recordType("USER_AVC".equals(avc.record().type()) ? AvcRecordType.USER_AVC : AvcRecordType.AVC)
                .result("granted".equals(avc.verdict()) ? AvcResult.GRANTED : AvcResult.DENIED)
                .perms(avc.perms()).tclass(avc.tclass()).permissive(avc.permissive())
                .scontext(context(avc.scontext(), avc.rawScontext()))
                .tcontext(context(avc.tcontext(), avc.rawTcontext()))
                .pid(avc.pid() != null ? avc.pid() : syscall == null ? null : syscall.pid())
                .comm(comm).exe(avc.exe() != null ? avc.exe() : syscall == null ? null : syscall.exe())
                .path(avc.path()).name(avc.name()).dev(avc.field("dev")).ino(parseLong(avc.field("ino")))
                .fields(other).syscall(syscall).cwd(cwd).paths(paths).proctitle(argv)
                .build();
    }

    private static AvcDenial fromSelinuxErr(final SelinuxErrRecord err, final String node, final EventRef ref,
                                            final SyscallContext syscall, final String cwd,
                                            final List<AuditPath> paths, final List<String> argv) {
        final Map<String, String> other = new LinkedHashMap<>();
        if (err.op() != null) {
            other.put("op", err.op());
        }
        if (err.invalidContext() != null) {
            other.put("invalid_context", err.invalidContext());
        }
        return AvcDenial.builder()
                .host(node).event(ref).recordType(AvcRecordType.SELINUX_ERR)
                .tclass(err.tclass())
                .scontext(context(err.scontext(), err.scontext() == null ? null : err.scontext().toString()))
                .tcontext(context(err.tcontext(), err.tcontext() == null ? null : err.tcontext().toString()))
                .pid(syscall == null ? null : syscall.pid()).comm(syscall == null ? null : syscall.comm())
                .exe(syscall == null ? null : syscall.exe())
                .fields(other).syscall(syscall).cwd(cwd).paths(paths).proctitle(argv)
                .build();
    }

    /** The event's host: {@code node=}, else the syslog hostname, else {@code fallback}. */
    static String hostOf(final AuditEvent event, final String fallback, final Instant reference) {
        if (event.node() != null) {
            return event.node();
        }
        return SyslogOrigin.of(event, reference).map(SyslogOrigin::host).orElse(fallback);
    }

    /**
     * The host of one record: its own syslog hostname when it has no {@code node=}. A central
     * syslog file of several hosts carries no node=, so the assembler can put two hosts' records
     * that share a serial into one event; each denial still names the host that wrote it.
     */
    private static String recordHost(final AuditRecord r, final String eventHost, final Instant reference) {
        if (r.node() != null) {
            return r.node();
        }
        return SyslogOrigin.of(r.raw(), reference).map(SyslogOrigin::host).orElse(eventHost);
    }

    /** The event's time and serial; a stamp-less (journald) record takes its syslog time, serial 0. */
    static EventRef refOf(final AuditEvent event, final Instant reference) {
        if (event.id().serial() == 0 && event.id().epochMillis() == 0) {
            final Optional<SyslogOrigin> origin = SyslogOrigin.of(event, reference);
            if (origin.isPresent()) {
                return EventRef.of(origin.get().time().toEpochMilli(), 0L);
            }
        }
        return EventRef.of(event.id().epochMillis(), event.id().serial());
    }

    /** The wire form of a parsed context; null when there is none. */
    static SelinuxContext context(final SecurityContext parsed, final String raw) {
        if (parsed == null) {
            return raw == null ? null : new SelinuxContext(raw, null, null, null, null, null, null);
        }
        final String level = parsed.range() == null ? null : parsed.range().toString();
        final String sens = parsed.range() == null ? null : parsed.range().effective().sensitivity();
        final String cats = parsed.range() == null ? null : parsed.categories().toString();
        return new SelinuxContext(raw == null ? parsed.toString() : raw, parsed.user(), parsed.role(), parsed.type(),
                level, sens, cats);
    }

    private static SyscallContext syscall(final SyscallRecord s) {
        final AuditRecord r = s.record();
        return new SyscallContext(s.archName(), s.name(), s.number() == null ? null : s.number().intValue(),
                s.success(), s.exit(), null, s.pid(), s.ppid(), s.uid(),
                s.id("euid"), s.id("gid"), s.auid(), s.id("ses"), r.value("tty"), s.comm(), s.exe(), s.subj(), s.key());
    }

    private static Long parseLong(final String v) {
        try {
            return v == null ? null : Long.parseLong(v);
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
