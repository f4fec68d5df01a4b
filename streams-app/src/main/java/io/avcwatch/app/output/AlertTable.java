package io.avcwatch.app.output;

import io.avcwatch.schemas.Alert;
import io.avcwatch.schemas.ContainerRef;
import io.avcwatch.schemas.Severity;
import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The alerts as an aligned terminal table, sorted by time, severity first. Columns are as wide as
 * their widest value up to a cap; longer values end in an ellipsis. Control characters, terminal
 * escapes and bidi overrides from the log are replaced (see {@link SafeText#displayable}) so a
 * hostile {@code comm} cannot break a row or recolour the terminal. A closing line counts the
 * alerts per severity.
 */
public final class AlertTable implements AlertWriter {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final String GAP = "  ";
    private static final Comparator<Alert> BY_TIME = Comparator.comparing(AlertFacts::eventTime)
            .thenComparing(Alert::host).thenComparingLong(a -> a.event().serial()).thenComparing(Alert::rule);

    private record Column(String header, int cap, Function<Alert, String> value) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("SEVERITY", 8, a -> a.severity().label()),
            new Column("TIME (UTC)", 19, a -> TIME.format(AlertFacts.eventTime(a))),
            new Column("HOST", 20, Alert::host),
            new Column("CONTAINER", 24, AlertTable::container),
            new Column("RULE", 32, Alert::rule),
            new Column("PROCESS", 20, a -> a.comm() == null ? "-" : a.comm() + (a.pid() == null ? "" : "[" + a.pid() + "]")),
            new Column("ACCESS", 36, AlertTable::access),
            new Column("TARGET", 40, AlertTable::target),
            new Column("COUNT", 6, a -> String.valueOf(a.count())));

    @Override
    public void writeAll(final Iterable<Alert> alerts, final Appendable out) throws IOException {
        final List<Alert> sorted = new ArrayList<>();
        alerts.forEach(sorted::add);
        sorted.sort(BY_TIME);
        final List<List<String>> rows = new ArrayList<>();
        for (Alert a : sorted) {
            rows.add(COLUMNS.stream().map(c -> cell(c, a)).toList());
        }
        final int[] widths = new int[COLUMNS.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = DisplayWidth.of(COLUMNS.get(i).header());
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], DisplayWidth.of(row.get(i)));
            }
        }
        writeRow(COLUMNS.stream().map(Column::header).toList(), widths, out);
        for (List<String> row : rows) {
            writeRow(row, widths, out);
        }
        out.append(totals(sorted)).append('\n');
    }

    private static String cell(final Column column, final Alert alert) {
        final String raw = column.value().apply(alert);
        final String shown = raw == null || raw.isBlank() ? "-" : SafeText.displayable(raw);
        return DisplayWidth.truncate(shown, column.cap());
    }

    private static void writeRow(final List<String> cells, final int[] widths, final Appendable out) throws IOException {
        final StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            final boolean last = i == cells.size() - 1;
            line.append(last ? cells.get(i) : DisplayWidth.pad(cells.get(i), widths[i]) + GAP);
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    private static String totals(final List<Alert> alerts) {
        final Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        alerts.forEach(a -> counts.merge(a.severity(), 1, Integer::sum));
        final StringBuilder out = new StringBuilder().append(alerts.size()).append(alerts.size() == 1 ? " alert" : " alerts");
        final List<String> parts = new ArrayList<>();
        counts.forEach((severity, n) -> parts.add(n + " " + severity.label()));
        return parts.isEmpty() ? out.toString() : out.append(": ").append(String.join(", ", parts)).toString();
    }

    /** Name, else the short id Docker prints; several candidates are counted, not guessed. */
    private static String container(final Alert a) {
        if (a.container() != null) {
            return shortName(a.container());
        }
        if (!a.candidates().isEmpty()) {
            return "one of " + a.candidates().size() + ": " + shortName(a.candidates().get(0)) + ",…";
        }
        return "(host)";
    }

    private static String shortName(final ContainerRef c) {
        if (c.name() != null && !c.name().isBlank()) {
            return c.name();
        }
        return c.id().length() > 12 ? c.id().substring(0, 12) : c.id();
    }

    private static String access(final Alert a) {
        final String perms = a.perms().isEmpty() ? "" : " { " + String.join(" ", a.perms()) + " }";
        return a.tclass() == null ? perms.strip() : a.tclass() + perms;
    }

    /** The path when known, else the target's SELinux type. */
    private static String target(final Alert a) {
        if (a.path() != null && !a.path().isBlank()) {
            return a.path();
        }
        final SelinuxContextParts t = SelinuxContextParts.parse(a.tcontext());
        return t == null ? null : t.type() != null ? t.type() : t.raw();
    }
}
