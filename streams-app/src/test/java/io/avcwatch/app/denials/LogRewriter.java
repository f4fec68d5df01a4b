package io.avcwatch.app.denials;

import io.avcwatch.parsers.AuditTypes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites raw {@code audit.log} lines of a scenario set into the other shapes the same events
 * reach us in (syslog, journald, dmesg, ENRICHED, pre-4.x kernels, legacy type names,
 * reordered records), so one hand-checked scenario scores every format. Test code only: the
 * rewrites follow the formats' documented shapes, they do not parse audit records.
 */
final class LogRewriter {
    /** {@code [node=N ]type=T msg=audit(S.M:SERIAL): BODY}. */
    private static final Pattern RAW = Pattern.compile(
            "^(?:node=(\\S+) )?type=(\\S+) msg=audit\\((\\d+)\\.(\\d+):(\\d+)\\): ?(.*)$");
    private static final DateTimeFormatter SYSLOG =
            DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final char GS = '\u001d';

    private LogRewriter() {
    }

    /** One raw line taken apart. */
    record Raw(String node, String type, long seconds, String fraction, long serial, String body) {
        Instant time() {
            return Instant.ofEpochSecond(seconds, Long.parseLong((fraction + "000000000").substring(0, 9)));
        }

        String stamp() {
            return "audit(" + seconds + "." + fraction + ":" + serial + ")";
        }

        /** The record's {@code pid=}, null when it has none (CWD, PATH, PROCTITLE, MAC_STATUS, ...). */
        String pid() {
            final Matcher m = Pattern.compile("(?:^| )pid=(\\d+)").matcher(body);
            return m.find() ? m.group(1) : null;
        }
    }

    static Raw split(final String line) {
        final Matcher m = RAW.matcher(line);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a raw audit line: " + line);
        }
        return new Raw(m.group(1), m.group(2), Long.parseLong(m.group(3)), m.group(4), Long.parseLong(m.group(5)),
                m.group(6));
    }

    /** dmesg: {@code [UPTIME] audit: type=NNNN audit(S.M:SERIAL): BODY}; node= is lost. */
    static List<String> dmesg(final List<String> lines) {
        final List<String> out = new ArrayList<>();
        final long boot = lines.isEmpty() ? 0 : split(lines.get(0)).seconds() - 86_400;
        for (final String line : lines) {
            final Raw r = split(line);
            final Integer number = AuditTypes.number(r.type());
            out.add(String.format(Locale.ROOT, "[%6d.%s] audit: type=%d %s: %s", r.seconds() - boot,
                    (r.fraction() + "000000").substring(0, 6), number == null ? 0 : number, r.stamp(), r.body()));
        }
        return out;
    }

    /** Syslog file of kernel messages: {@code MMM DD HH:MM:SS HOST kernel: audit: type=NNNN audit(...): BODY}. */
    static List<String> syslogKernel(final String host, final List<String> lines) {
        final List<String> out = new ArrayList<>();
        for (final String line : lines) {
            final Raw r = split(line);
            final Integer number = AuditTypes.number(r.type());
            out.add(SYSLOG.format(r.time()) + " " + host + " kernel: audit: type=" + (number == null ? 0 : number)
                    + " " + r.stamp() + ": " + r.body());
        }
        return out;
    }

    /**
     * journald short output: {@code MMM DD HH:MM:SS HOST audit[PID]: TYPE BODY}, where journald
     * takes _PID from the record's {@code pid=}; records without one print as {@code audit: TYPE BODY}.
     * node=, the time fraction and the serial are lost.
     */
    static List<String> journald(final String host, final List<String> lines) {
        final List<String> out = new ArrayList<>();
        for (final String line : lines) {
            final Raw r = split(line);
            final String ident = r.pid() == null ? "audit" : "audit[" + r.pid() + "]";
            out.add(SYSLOG.format(r.time()) + " " + host + " " + ident + ": " + r.type() + " " + r.body());
        }
        return out;
    }

    /** log_format=ENRICHED: SYSCALL and PATH records gain 0x1d and UPPERCASE interpreted fields. */
    static List<String> enriched(final List<String> lines) {
        final List<String> out = new ArrayList<>();
        for (final String line : lines) {
            final Raw r = split(line);
            if ("SYSCALL".equals(r.type())) {
                out.add(line + GS + "ARCH=x86_64 SYSCALL=openat AUID=\"unset\" UID=\"root\" GID=\"root\" EUID=\"root\""
                        + " SUID=\"root\" FSUID=\"root\" EGID=\"root\" SGID=\"root\" FSGID=\"root\"");
            } else if ("PATH".equals(r.type())) {
                out.add(line + GS + "OUID=\"root\" OGID=\"root\"");
            } else if (r.type().startsWith("USER_")) {
                out.add(line + GS + "UID=\"root\" AUID=\"unset\"");
            } else {
                out.add(line);
            }
        }
        return out;
    }

    /**
     * {@code ausearch -i} output: events separated by {@code ----}, records of an event in reverse
     * order, the header time written as {@code MM/DD/YYYY HH:MM:SS.mmm} (UTC here) followed by
     * {@code " : "}, and {@code comm}/{@code exe} unquoted.
     */
    static List<String> ausearchInterpreted(final List<String> lines) {
        final Map<String, List<String>> events = new LinkedHashMap<>();
        for (final String line : lines) {
            final Raw r = split(line);
            events.computeIfAbsent(r.node() + ":" + r.serial(), k -> new ArrayList<>()).add(line);
        }
        final DateTimeFormatter interpreted =
                DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneOffset.UTC);
        final List<String> out = new ArrayList<>();
        for (final List<String> event : events.values()) {
            out.add("----");
            for (int i = event.size() - 1; i >= 0; i--) {
                final Raw r = split(event.get(i));
                final String body = r.body().replaceAll("(^| )(comm|exe)=\"([^\" ]*)\"", "$1$2=$3");
                out.add((r.node() == null ? "" : "node=" + r.node() + " ") + "type=" + r.type() + " msg=audit("
                        + interpreted.format(r.time()) + ":" + r.serial() + ") : " + body);
            }
        }
        return out;
    }

    /** Kernels before 4.x: AVC records without {@code permissive=}. */
    static List<String> withoutPermissive(final List<String> lines) {
        return lines.stream().map(l -> l.replaceAll(" permissive=[01]", "")).toList();
    }

    /** Pre-container-selinux names: svirt_lxc_net_t processes, svirt_sandbox_file_t files, docker_t. */
    static String oldTypes(final String text) {
        return text.replace(":container_t:", ":svirt_lxc_net_t:")
                .replace(":container_file_t:", ":svirt_sandbox_file_t:")
                .replace(":container_runtime_t:", ":docker_t:")
                .replace(":container_runtime_exec_t:", ":docker_exec_t:")
                .replace(":container_var_run_t:", ":docker_var_run_t:");
    }

    static List<String> oldTypes(final List<String> lines) {
        return lines.stream().map(LogRewriter::oldTypes).toList();
    }

    /** Each event's PROCTITLE moved to the front of its records. */
    static List<String> proctitleFirst(final List<String> lines) {
        return regroup(lines, true, false);
    }

    /** Every multi-record event closed by an EOE record. */
    static List<String> withEoe(final List<String> lines) {
        return regroup(lines, false, true);
    }

    /** EOE records dropped. */
    static List<String> withoutEoe(final List<String> lines) {
        return lines.stream().filter(l -> !"EOE".equals(split(l).type())).toList();
    }

    private static List<String> regroup(final List<String> lines, final boolean proctitleFirst, final boolean eoe) {
        final Map<String, List<String>> events = new LinkedHashMap<>();
        for (final String line : lines) {
            final Raw r = split(line);
            events.computeIfAbsent(r.node() + ":" + r.serial(), k -> new ArrayList<>()).add(line);
        }
        final List<String> out = new ArrayList<>();
        for (final List<String> event : events.values()) {
            final List<String> ordered = new ArrayList<>(event);
            if (proctitleFirst) {
                ordered.sort(Comparator.comparing(l -> "PROCTITLE".equals(split(l).type()) ? 0 : 1));
            }
            out.addAll(ordered);
            if (eoe && ordered.size() > 1) {
                final Raw r = split(ordered.get(0));
                out.add((r.node() == null ? "" : "node=" + r.node() + " ") + "type=EOE msg=" + r.stamp() + ":");
            }
        }
        return out;
    }

    /** All hosts' lines in one stream, ordered by event time as a central collector writes them. */
    static List<String> mergedByTime(final List<List<String>> hosts) {
        final List<String> all = new ArrayList<>();
        hosts.forEach(all::addAll);
        final List<String> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparing(l -> split(l).time()));
        return sorted;
    }

    /**
     * A central syslog server's file: every host's kernel audit lines, by time, each under its own
     * syslog hostname (the record's node=, which the syslog form drops).
     */
    static List<String> centralSyslog(final List<List<String>> hosts) {
        final List<String> out = new ArrayList<>();
        for (final String line : mergedByTime(hosts)) {
            final Raw r = split(line);
            out.addAll(syslogKernel(r.node(), List.of(line.replaceFirst("^node=\\S+ ", ""))));
        }
        return out;
    }

    /** All hosts' lines in one stream, alternating line by line regardless of time (clock skew, batching). */
    static List<String> roundRobin(final List<List<String>> hosts) {
        final List<String> out = new ArrayList<>();
        for (int i = 0; hosts.stream().anyMatch(h -> h.size() > 0); i++) {
            boolean any = false;
            for (final List<String> h : hosts) {
                if (i < h.size()) {
                    out.add(h.get(i));
                    any = true;
                }
            }
            if (!any) {
                break;
            }
        }
        return out;
    }
}
