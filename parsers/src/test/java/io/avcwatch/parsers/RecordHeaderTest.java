package io.avcwatch.parsers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RecordHeaderTest {

    @Test
    void rawLineWithoutNode() {
        RecordHeader header = RecordHeader.scan("type=AVC msg=audit(1713603292.240:1088): avc:  denied  { read } for pid=1");
        assertThat(header).isEqualTo(new RecordHeader(null, "AVC", 1_713_603_292_240L, 1088));
        assertThat(header.id().timestamp()).isEqualTo("1713603292.240");
    }

    @Test
    void rawLineWithNode() {
        RecordHeader header = RecordHeader.scan(
                "node=host01.example.com type=SYSCALL msg=audit(1166045975.667:1128): arch=40000003 syscall=125");
        assertThat(header).isEqualTo(new RecordHeader("host01.example.com", "SYSCALL", 1_166_045_975_667L, 1128));
    }

    @Test
    void unknownTypeKeptAsWritten() {
        assertThat(RecordHeader.scan("type=UNKNOWN[1420] msg=audit(1700000000.001:7): x=1"))
                .isEqualTo(new RecordHeader(null, "UNKNOWN[1420]", 1_700_000_000_001L, 7));
    }

    @Test
    void headerWithoutBody() {
        assertThat(RecordHeader.scan("type=EOE msg=audit(1700000000.100:8): "))
                .isEqualTo(new RecordHeader(null, "EOE", 1_700_000_000_100L, 8));
    }

    @Test
    void dmesgWrapperMapsNumericType() {
        RecordHeader header = RecordHeader.scan("[169759.365427] audit: type=1400 audit(1598482910.854:4): avc:  denied"
                + "  { entrypoint } for  pid=5723");
        assertThat(header).isEqualTo(new RecordHeader(null, "AVC", 1_598_482_910_854L, 4));
    }

    @Test
    void syslogKernelWrapper() {
        RecordHeader header = RecordHeader.scan(
                "Jan 10 15:51:17 alien3 kernel: audit: type=1300 audit(1598482910.854:5): arch=c000003e syscall=2");
        assertThat(header).isEqualTo(new RecordHeader(null, "SYSCALL", 1_598_482_910_854L, 5));
    }

    @Test
    void unmappedNumericTypeBecomesUnknown() {
        assertThat(RecordHeader.scan("audit: type=2999 audit(1598482910.854:6): x=1").type()).isEqualTo("UNKNOWN[2999]");
    }

    @Test
    void journaldLineHasNoStampSoNoHeader() {
        assertThat(RecordHeader.scan("Jan 10 15:51:17 alien3 audit[20404]: AVC avc:  denied  { read } for  pid=20404"))
                .isNull();
    }

    @Test
    void interpretedStampReadAsUtcWithTheRightSerial() {
        RecordHeader header = RecordHeader.scan(
                "type=MAC_STATUS msg=audit(08/23/2017 17:23:47.012:123) : enforcing=1 old_enforcing=0");
        assertThat(header.serial()).isEqualTo(123);
        assertThat(Instant.ofEpochMilli(header.epochMillis())).isEqualTo(Instant.parse("2017-08-23T17:23:47.012Z"));
        RecordHeader dotted = RecordHeader.scan("type=AVC msg=audit(08.12.2025 14:31:48.168:119) : avc:  denied");
        assertThat(dotted.serial()).isEqualTo(119);
        assertThat(Instant.ofEpochMilli(dotted.epochMillis())).isEqualTo(Instant.parse("2025-12-08T14:31:48.168Z"));
    }

    @Test
    void shortFractionIsScaledToMillis() {
        assertThat(RecordHeader.scan("type=AVC msg=audit(1700000000.5:9): x").epochMillis()).isEqualTo(1_700_000_000_500L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "----", "time->Tue Apr 16 10:00:00 2024", "...", "# comment type=AVC",
        "type=AVC msg=audit(", "type=AVC msg=audit(1700000000.100:): x", "type=AVC msg=audit(abc:12): x",
        "node=host", "type= msg=audit(1.000:1):", "random text audit[12]: lower case",
        "SELINUX_ERR op=security_bounded_transition seresult=denied"})
    void linesWithoutHeaderGiveNull(String line) {
        assertThat(RecordHeader.scan(line)).isNull();
    }

    @Test
    void syslogHostOfCentralSyslogLines() {
        assertThat(RecordHeader.syslogHost("Dec  5 21:50:43 host-a kernel: audit: type=1400 audit(1764971443.672:100):"
                + " avc: denied { read }")).isEqualTo("host-a");
        assertThat(RecordHeader.syslogHost("Dec  5 21:50:43 node-delta0 audit: MAC_STATUS enforcing=0"))
                .isEqualTo("node-delta0");
        assertThat(RecordHeader.syslogHost("type=AVC msg=audit(1.000:1): avc:  denied  { read }")).isNull();
        assertThat(RecordHeader.syslogHost("[169759.365427] audit: type=1400 audit(1598482910.854:4): avc:")).isNull();
        assertThat(RecordHeader.syslogHost(null)).isNull();
    }

    @Test
    void nullLineGivesNull() {
        assertThat(RecordHeader.scan(null)).isNull();
    }
}
