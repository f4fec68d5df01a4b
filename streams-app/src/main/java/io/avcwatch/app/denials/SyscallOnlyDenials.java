package io.avcwatch.app.denials;

import io.avcwatch.parsers.AuditEvent;
import io.avcwatch.parsers.AuditRecord;
import io.avcwatch.parsers.record.SyscallRecord;
import io.avcwatch.parsers.selinux.SecurityContext;
import io.avcwatch.schemas.AuditPath;
import io.avcwatch.schemas.AvcDenial;
import io.avcwatch.schemas.AvcRecordType;
import io.avcwatch.schemas.EventRef;
import io.avcwatch.schemas.SyscallContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Denials the kernel never logs as AVCs: the policy dontaudits container writes to sysctls
 * (core_pattern, modprobe) and allows {@code mknod} of device nodes, so only an audit syscall
 * rule sees them (detections.md §0.3, R7, R16). An event whose SYSCALL is one of the watched
 * calls ({@code tables/syscall-only.txt}) and that carries no SELinux record becomes one
 * {@link AvcRecordType#SYSCALL} denial: scontext is the SYSCALL's {@code subj}, tcontext the
 * target PATH's {@code obj}, {@code path} the target made absolute with CWD, and
 * {@code fields} the decoded arguments rules test: {@code syscall}, {@code success},
 * {@code exit}, {@code open_access} (read, write, rdwr, unknown) and {@code mknod_type}
 * (block, char, fifo, socket, regular).
 */
final class SyscallOnlyDenials {
    private static final Set<String> WATCHED = load("/tables/syscall-only.txt");
    private static final int O_ACCMODE = 3;
    private static final int S_IFMT = 0170000;

    private SyscallOnlyDenials() {
    }

    static Optional<AvcDenial> of(final AuditEvent event, final String node, final EventRef ref,
                                  final SyscallContext syscall, final String cwd, final List<AuditPath> paths,
                                  final List<String> argv) {
        if (syscall == null || syscall.name() == null || syscall.subj() == null || !WATCHED.contains(syscall.name())) {
            return Optional.empty();
        }
        final AuditRecord raw = event.first("SYSCALL");
        final SyscallRecord sc = SyscallRecord.of(raw).orElse(null);
        if (sc == null) {
            return Optional.empty();
        }
        final Map<String, String> fields = new LinkedHashMap<>();
        fields.put("syscall", syscall.name());
        fields.put("success", Boolean.TRUE.equals(syscall.success()) ? "yes" : "no");
        if (syscall.exit() != null) {
            fields.put("exit", String.valueOf(syscall.exit()));
        }
        openAccess(syscall.name(), raw).ifPresent(a -> fields.put("open_access", a));
        mknodType(syscall.name(), raw).ifPresent(t -> fields.put("mknod_type", t));
        final AuditPath target = target(paths);
        final String obj = target == null ? null : target.obj();
        return Optional.of(AvcDenial.builder()
                .host(node).event(ref).recordType(AvcRecordType.SYSCALL)
                .scontext(DenialBuilder.context(SecurityContext.parse(syscall.subj()).orElse(null), syscall.subj()))
                .tcontext(obj == null ? null : DenialBuilder.context(SecurityContext.parse(obj).orElse(null), obj))
                .pid(syscall.pid()).comm(syscall.comm()).exe(syscall.exe())
                .path(target == null ? null : absolute(target.name(), cwd))
                .fields(fields).syscall(syscall).cwd(cwd).paths(paths).proctitle(argv)
                .build());
    }

    /** The object the call acted on: the last item that is not a PARENT, else the first. */
    private static AuditPath target(final List<AuditPath> paths) {
        AuditPath chosen = null;
        for (final AuditPath p : paths) {
            if (p.name() != null && !"PARENT".equals(p.nametype())) {
                chosen = p;
            }
        }
        return chosen != null ? chosen : paths.stream().filter(p -> p.name() != null).findFirst().orElse(null);
    }

    private static String absolute(final String name, final String cwd) {
        if (name == null || name.startsWith("/") || cwd == null) {
            return name;
        }
        return (cwd.endsWith("/") ? cwd : cwd + "/") + name;
    }

    private static Optional<String> openAccess(final String name, final AuditRecord r) {
        final String flags;
        switch (name) {
            case "open":
                flags = r.value("a1");
                break;
            case "openat":
                flags = r.value("a2");
                break;
            case "creat":
            case "truncate":
                return Optional.of("write");
            case "openat2":
            case "open_by_handle_at":
                return Optional.of("unknown");
            default:
                return Optional.empty();
        }
        if (flags != null && flags.startsWith("O_")) {
            // ausearch -i writes the flags by name: O_WRONLY|O_CREAT|O_TRUNC
            return Optional.of(flags.contains("O_RDWR") ? "rdwr" : flags.contains("O_WRONLY") ? "write" : "read");
        }
        return hex(flags).map(f -> {
            final long mode = f & O_ACCMODE;
            return mode == 0 ? "read" : mode == 1 ? "write" : "rdwr";
        });
    }

    private static Optional<String> mknodType(final String name, final AuditRecord r) {
        final String mode = "mknod".equals(name) ? r.value("a1") : "mknodat".equals(name) ? r.value("a2") : null;
        if (mode == null) {
            return Optional.empty();
        }
        if (mode.startsWith("S_IF")) {
            // ausearch -i writes the file type by name: S_IFBLK|660
            final String kind = mode.replaceFirst("\\|.*", "");
            return Optional.of(switch (kind) {
                case "S_IFBLK" -> "block";
                case "S_IFCHR" -> "char";
                case "S_IFIFO" -> "fifo";
                case "S_IFSOCK" -> "socket";
                default -> "regular";
            });
        }
        return hex(mode).map(m -> {
            switch ((int) (m & S_IFMT)) {
                case 0060000:
                    return "block";
                case 0020000:
                    return "char";
                case 0010000:
                    return "fifo";
                case 0140000:
                    return "socket";
                default:
                    return "regular";
            }
        });
    }

    private static Optional<Long> hex(final String v) {
        try {
            return v == null ? Optional.empty() : Optional.of(Long.parseUnsignedLong(v, 16));
        } catch (NumberFormatException notHex) {
            return Optional.empty();
        }
    }

    private static Set<String> load(final String resource) {
        try (InputStream in = SyscallOnlyDenials.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(l -> l.replaceFirst("#.*", "").trim()).filter(l -> !l.isEmpty())
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
