package io.avcwatch.app.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.avcwatch.schemas.Alert;
import io.avcwatch.schemas.Json;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An attacker controls comm, file names, the command line and (through the inventory) container
 * names. Whatever they hold, every format keeps one alert per line (one row for the table) and
 * writes nothing a terminal would interpret.
 */
class HostileStringsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** What survives of {@link SampleAlerts#HOSTILE} once made well-formed: only the lone surrogate changes. */
    private static final String WELL_FORMED = SampleAlerts.HOSTILE.replace('\uD800', '\uFFFD');

    private static String write(final AlertFormat format, final List<Alert> alerts) throws Exception {
        final StringBuilder out = new StringBuilder();
        format.writer().writeAll(alerts, out);
        return out.toString();
    }

    @ParameterizedTest
    @EnumSource(AlertFormat.class)
    void everyFormatKeepsItsFramingAndWritesNothingATerminalWouldInterpret(final AlertFormat format) throws Exception {
        final String out = write(format, SampleAlerts.all());
        final int headerAndTotals = format == AlertFormat.TABLE ? 2 : 0;
        assertThat(out).endsWith("\n");
        assertThat(out.split("\n", -1)).hasSize(SampleAlerts.all().size() + headerAndTotals + 1);
        assertThat(out.chars().filter(c -> c != '\n' && SafeText.isUnsafe(c))).isEmpty();
        assertThat(SafeText.wellFormed(out)).as("no unpaired surrogates").isSameAs(out);
        final byte[] utf8 = out.getBytes(StandardCharsets.UTF_8);
        assertThat(new String(utf8, StandardCharsets.UTF_8)).isEqualTo(out);
    }

    @ParameterizedTest
    @EnumSource(value = AlertFormat.class, names = {"JSONL", "ECS", "OCSF"})
    void jsonFormatsAreOneValidDocumentPerLine(final AlertFormat format) throws Exception {
        for (String line : write(format, SampleAlerts.all()).split("\n")) {
            assertThat(MAPPER.readTree(line).isObject()).isTrue();
        }
    }

    @Test
    void jsonLinesKeepTheHostileTextExactly() throws Exception {
        final String line = new JsonlAlertWriter().line(SampleAlerts.hostile());
        final Alert back = Json.fromJson(line, Alert.class);
        assertThat(back.comm()).isEqualTo(WELL_FORMED);
        assertThat(back.path()).isEqualTo("/etc/" + WELL_FORMED);
        assertThat(back.container().name()).isEqualTo(WELL_FORMED);
        assertThat(line).contains("\\u001B[31m", "\\u2028", "\\u202e", "\\u009b", "\\n", "\\r");
    }

    @Test
    void jsonLinesOfAWellBehavedAlertRoundTrip() {
        for (Alert alert : SampleAlerts.wellBehaved()) {
            assertThat(Json.fromJson(new JsonlAlertWriter().line(alert), Alert.class)).isEqualTo(alert);
        }
    }

    @Test
    void siemDocumentsKeepTheHostileTextInTheirFields() throws Exception {
        final JsonNode ecs = MAPPER.readTree(new EcsAlertWriter().line(SampleAlerts.hostile()));
        assertThat(ecs.at("/process/name").asText()).isEqualTo(WELL_FORMED);
        assertThat(ecs.at("/container/name").asText()).isEqualTo(WELL_FORMED);
        final JsonNode ocsf = MAPPER.readTree(new OcsfAlertWriter().line(SampleAlerts.hostile()));
        assertThat(ocsf.at("/actor/process/name").asText()).isEqualTo(WELL_FORMED);
        assertThat(ocsf.at("/message").asText()).isEqualTo("web denied write on " + WELL_FORMED);
    }

    @Test
    void cefExtensionValuesDecodeBackToTheTextWithoutItsControlCharacters() {
        final CefLine cef = CefLine.parse(new CefAlertWriter().line(SampleAlerts.hostile()));
        assertThat(cef.header()).hasSize(6);
        final String expected = "evil\nCEF:0|x|y|1|z|w|10|fake=1\r\n|=\\\"'\uFFFD[31mred\uFFFD[0m\uFFFD2J"
                + "\uFFFD\uFFFDgnp.exe\uFFFD\uFFFD\uFFFD</script><img src=x onerror=alert(1)>{{DATA}}";
        assertThat(cef.extension().get("sproc")).isEqualTo(expected);
        assertThat(cef.extension().get("filePath")).isEqualTo("/etc/" + expected);
        assertThat(cef.extension().get("msg")).isEqualTo("web denied write on " + expected);
        assertThat(cef.extension().get("flexString2")).isEqualTo(expected);
        assertThat(cef.extension()).doesNotContainKey("fake");
    }

    @Test
    void cefHeaderFieldsEscapePipesAndBackslashesAndHaveNoLineBreaks() {
        final String header = CefAlertWriter.header(SampleAlerts.HOSTILE);
        final CefLine cef = CefLine.parse("CEF:0|" + header + "|p|1|r|t|5|a=b");
        assertThat(cef.header()).hasSize(6);
        assertThat(cef.header().get(0)).startsWith("evil\uFFFDCEF:0|x|y|1|z|w|10|fake=1\uFFFD\uFFFD|=\\\"'");
        assertThat(cef.header().get(1)).isEqualTo("p");
        assertThat(cef.extension()).containsEntry("a", "b");
    }

    @Test
    void tableCellsShowNoControlCharacters() throws Exception {
        final String table = write(AlertFormat.TABLE, List.of(SampleAlerts.hostile()));
        final String row = table.split("\n")[1];
        assertThat(row).contains("evil\uFFFDCEF:0|x|y|1");
        assertThat(Arrays.stream(table.split("\n"))).hasSize(3);
    }
}
