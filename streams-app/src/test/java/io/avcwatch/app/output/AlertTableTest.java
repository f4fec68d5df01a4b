package io.avcwatch.app.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.avcwatch.schemas.Alert;
import io.avcwatch.schemas.ContainerRef;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertTableTest {
    private static String table(final List<Alert> alerts) throws Exception {
        final StringBuilder out = new StringBuilder();
        new AlertTable().writeAll(alerts, out);
        return out.toString();
    }

    /** Display column where each header starts. */
    private static List<Integer> columnStarts(final String header) {
        final List<Integer> starts = new ArrayList<>();
        for (String name : List.of("SEVERITY", "TIME (UTC)", "HOST", "CONTAINER", "RULE", "PROCESS", "ACCESS", "TARGET", "COUNT")) {
            starts.add(header.indexOf(name));
        }
        return starts;
    }

    /** The text from display column {@code col} on. */
    private static String fromColumn(final String line, final int col) {
        int used = 0;
        int i = 0;
        while (i < line.length() && used < col) {
            final int c = line.codePointAt(i);
            used += DisplayWidth.of(c);
            i += Character.charCount(c);
        }
        return line.substring(i);
    }

    private static void assertAligned(final String[] lines, final int rows) {
        final List<Integer> starts = columnStarts(lines[0]);
        for (int r = 1; r <= rows; r++) {
            for (int c = 1; c < starts.size(); c++) {
                final String rest = fromColumn(lines[r], starts.get(c) - 2);
                assertThat(rest).as("row %d column %d of%n%s", r, c, String.join("\n", lines)).startsWith("  ");
                assertThat(rest.charAt(2)).as("row %d column %d", r, c).isNotEqualTo(' ');
            }
        }
    }

    @Test
    void rowsAreSortedByTimeWithSeverityFirstAndColumnsAligned() throws Exception {
        final String[] lines = table(SampleAlerts.wellBehaved()).split("\n");
        assertThat(lines).hasSize(6);
        assertThat(lines[0]).startsWith("SEVERITY  TIME (UTC)");
        assertThat(lines[1]).startsWith("high      2025-12-05 21:50:44").contains("ci-builder", "/etc/shadow", "cat[4242]");
        assertThat(lines[2]).startsWith("critical  2025-12-05 21:50:55").contains("db", "unix_stream_socket { connectto }");
        assertThat(lines[3]).startsWith("medium    2025-12-05 21:51:02").contains("one of 2: web,…");
        assertThat(lines[4]).startsWith("critical  2025-12-05 21:51:10").contains("node-alpha1", "(host)");
        assertThat(lines[5]).isEqualTo("4 alerts: 2 critical, 1 high, 1 medium");
        assertAligned(lines, 4);
    }

    @Test
    void longValuesAreCutWithAnEllipsisAndWideCharactersKeepAlignment() throws Exception {
        final Alert longPath = SampleAlerts.secretRead().toBuilder()
                .path("/var/lib/containers/storage/overlay/0123456789abcdef/merged/etc/shadow").build();
        final Alert wide = SampleAlerts.apiSocket().toBuilder()
                .container(new ContainerRef(SampleAlerts.DB.id(), "데이터베이스", null)).build();
        final String[] lines = table(List.of(longPath, wide)).split("\n");
        assertThat(lines[1]).contains("/var/lib/containers/storage/overlay/012…").doesNotContain("merged");
        assertThat(lines[2]).contains("데이터베이스");
        assertAligned(lines, 2);
    }

    @Test
    void anEmptyListStillPrintsTheHeaderAndTheCount() throws Exception {
        assertThat(table(List.of())).startsWith("SEVERITY").endsWith("0 alerts\n");
    }
}
