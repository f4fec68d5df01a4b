package io.avcwatch.app.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CefAlertWriterTest {
    private final CefAlertWriter writer = new CefAlertWriter();

    @Test
    void headerNamesProductRuleTitleAndSeverity() {
        final CefLine cef = CefLine.parse(writer.line(SampleAlerts.apiSocket()));
        assertThat(cef.header().subList(0, 2)).containsExactly("avcwatch", "avcwatch");
        assertThat(cef.header().get(3)).isEqualTo("container-api-socket");
        assertThat(cef.header().get(4)).isEqualTo("Container connected to the container runtime socket");
        assertThat(cef.header().get(5)).isEqualTo("10");
        assertThat(cef.header()).hasSize(6);
    }

    @Test
    void extensionUsesStandardKeysAndLabelledCustomStrings() {
        final CefLine cef = CefLine.parse(writer.line(SampleAlerts.secretRead()));
        assertThat(cef.extension())
                .containsEntry("rt", "1764971444065")
                .containsEntry("end", "1764971450000")
                .containsEntry("cnt", "3")
                .containsEntry("dvchost", SampleAlerts.HOST)
                .containsEntry("act", "denied")
                .containsEntry("sproc", "cat")
                .containsEntry("spid", "4242")
                .containsEntry("filePath", "/etc/shadow")
                .containsEntry("fname", "shadow")
                .containsEntry("cs1Label", "scontext")
                .containsEntry("cs1", "system_u:system_r:container_t:s0:c12,c988")
                .containsEntry("cs4", "read open")
                .containsEntry("cs5", "T1611,T1003.008,T1552.001")
                .containsEntry("flexString2", "ci-builder")
                .containsEntry("cn1", "86565");
    }

    @Test
    void escapesFollowTheSpecification() {
        assertThat(CefAlertWriter.extensionValue("a=b\\c\nd\re|f")).isEqualTo("a\\=b\\\\c\\nd\\re|f");
        assertThat(CefAlertWriter.header("a|b\\c=d")).isEqualTo("a\\|b\\\\c=d");
        assertThat(CefAlertWriter.header("two\nlines")).isEqualTo("two\uFFFDlines");
    }

    @Test
    void missingValuesAreLeftOutNotWrittenAsNull() {
        final String line = writer.line(SampleAlerts.setenforce());
        assertThat(CefLine.parse(line).extension()).doesNotContainKeys("filePath", "cs2", "flexString1");
        assertThat(line).doesNotContain("null");
    }
}
