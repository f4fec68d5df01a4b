package io.avcwatch.app.denials;

import io.avcwatch.parsers.AuditEvent;
import io.avcwatch.parsers.AuditRecord;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Host and time of an audit record that reached the log through syslog or journald
 * ({@code Dec  5 21:50:43 node-delta0 audit[4242]: AVC avc:  denied ...},
 * {@code ... node-delta0 kernel: audit: type=1400 audit(...): ...}).
 *
 * <p>Decision (detections.md §3.6): such lines carry no {@code node=}, so the host is the syslog
 * hostname field: that is the machine whose kernel wrote the record, even when a central syslog
 * server collected the file. The journald form also drops {@code audit(time:serial)}: its time
 * comes from the syslog stamp (whole seconds, read as UTC, the year is not written so it is the
 * latest year that does not put the stamp after {@code reference} plus a day) and its serial
 * stays 0, so such records cannot be grouped with their SYSCALL/PATH siblings or keyed by serial.
 */
public record SyslogOrigin(String host, Instant time) {
    private static final Pattern BSD = Pattern.compile(
            "^([A-Z][a-z]{2}) +(\\d{1,2}) (\\d{2}):(\\d{2}):(\\d{2})(?:\\.\\d+)? (\\S+) ");
    private static final Pattern ISO = Pattern.compile(
            "^(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?(?:Z|[+-]\\d{2}:?\\d{2})) (\\S+) ");
    private static final List<String> MONTHS = List.of(
            "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

    /** The origin of the first record of {@code event} that has a syslog prefix. */
    public static Optional<SyslogOrigin> of(final AuditEvent event, final Instant reference) {
        for (final AuditRecord r : event.records()) {
            final Optional<SyslogOrigin> o = of(r.raw(), reference);
            if (o.isPresent()) {
                return o;
            }
        }
        return Optional.empty();
    }

    /** The origin in a raw line's syslog prefix; empty when the line has none. */
    public static Optional<SyslogOrigin> of(final String raw, final Instant reference) {
        if (raw == null || raw.startsWith("type=") || raw.startsWith("node=")) {
            return Optional.empty();
        }
        final Matcher iso = ISO.matcher(raw);
        if (iso.find()) {
            try {
                return Optional.of(new SyslogOrigin(iso.group(2), OffsetDateTime.parse(normalizeOffset(iso.group(1))).toInstant()));
            } catch (DateTimeParseException unreadable) {
                return Optional.empty();
            }
        }
        final Matcher bsd = BSD.matcher(raw);
        if (!bsd.find()) {
            return Optional.empty();
        }
        final int month = MONTHS.indexOf(bsd.group(1).toLowerCase(Locale.ROOT)) + 1;
        if (month == 0) {
            return Optional.empty();
        }
        final Instant ref = reference == null ? Instant.EPOCH : reference;
        final int refYear = ref.atOffset(ZoneOffset.UTC).getYear();
        try {
            for (int year = refYear + 1; year >= refYear - 1; year--) {
                final Instant t = LocalDateTime.of(year, month, Integer.parseInt(bsd.group(2)),
                        Integer.parseInt(bsd.group(3)), Integer.parseInt(bsd.group(4)),
                        Integer.parseInt(bsd.group(5))).toInstant(ZoneOffset.UTC);
                if (!t.isAfter(ref.plusSeconds(86_400))) {
                    return Optional.of(new SyslogOrigin(bsd.group(6), t));
                }
            }
        } catch (DateTimeException impossibleDate) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static String normalizeOffset(final String stamp) {
        // journalctl -o short-iso writes +0000; java.time wants +00:00
        return stamp.matches(".*[+-]\\d{4}$")
                ? stamp.substring(0, stamp.length() - 2) + ":" + stamp.substring(stamp.length() - 2) : stamp;
    }
}
