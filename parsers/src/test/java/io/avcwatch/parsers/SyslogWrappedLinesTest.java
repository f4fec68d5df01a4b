package io.avcwatch.parsers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Records behind a syslog prefix: journald without pid=, the audisp syslog plugin, syslog host and time. */
class SyslogWrappedLinesTest {
    private static final long DEC_2025 = Instant.parse("2025-12-06T12:00:00Z").toEpochMilli();
    private static final String MAC_STATUS = "Dec  5 21:50:43 node-delta0 audit: MAC_STATUS enforcing=0 old_enforcing=1"
            + " auid=1000 ses=3 enabled=1 old-enabled=1 lsm=selinux res=1";
    private static final String AVC_RECORD = "type=AVC msg=audit(1764971443.672:86554): avc:  denied  { write } for"
            + "  pid=1 comm=\"sh\" name=\"x\" scontext=system_u:system_r:container_t:s0:c1,c2"
            + " tcontext=system_u:object_r:etc_t:s0 tclass=file permissive=0";

    private static AuditRecord record(String line) {
        ParseResult result = AuditLineParser.parse(line, false, DEC_2025);
        assertThat(result).isInstanceOf(AuditRecord.class);
        return (AuditRecord) result;
    }

    @Test
    void journaldMacStatusWithoutPidIsARecordDatedBySyslogStamp() {
        AuditRecord record = record(MAC_STATUS);
        assertThat(record.type()).isEqualTo("MAC_STATUS");
        assertThat(record.node()).isNull();
        assertThat(record.syslogHost()).isEqualTo("node-delta0");
        assertThat(record.host()).isEqualTo("node-delta0");
        assertThat(record.id().serial()).isZero();
        assertThat(Instant.ofEpochMilli(record.id().epochMillis())).isEqualTo(Instant.parse("2025-12-05T21:50:43Z"));
        assertThat(record.value("enforcing")).isEqualTo("0");
        assertThat(record.value("old-enabled")).isEqualTo("1");
        assertThat(record.value("res")).isEqualTo("1");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Dec  5 21:50:43 node-delta0 audit: MAC_CONFIG_CHANGE bool=container_manage_cgroup val=1 old_val=0 auid=0 ses=1",
        "Dec  5 21:50:43 node-delta0 audit: CWD cwd=\"/root\"",
        "Dec  5 21:50:43 node-delta0 audit: PATH item=0 name=\"/etc/x\" inode=1 nametype=NORMAL",
        "Dec  5 21:50:43 node-delta0 audit: PROCTITLE proctitle=6C73002D6C",
        "Dec  5 21:50:43 node-delta0 audit[4242]: AVC avc:  denied  { read } for  pid=4242 comm=\"cat\" tclass=file"})
    void journaldShortFormsWithoutStampAreRecords(String line) {
        AuditRecord record = record(line);
        assertThat(line).contains(" " + record.type() + " ");
        assertThat(record.syslogHost()).isEqualTo("node-delta0");
        assertThat(Instant.ofEpochMilli(record.id().epochMillis())).isEqualTo(Instant.parse("2025-12-05T21:50:43Z"));
        assertThat(record.fields().size()).isPositive();
    }

    @Test
    void journaldWithoutRecognisedStampStillParsesWithTimeZero() {
        AuditRecord record = record("x audit: CWD cwd=\"/\"");
        assertThat(record.type()).isEqualTo("CWD");
        assertThat(record.syslogHost()).isNull();
        assertThat(record.id()).isEqualTo(new EventId(0, 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"audispd", "audisp-syslog", "audispd[812]"})
    void auditSyslogPluginLinesAreRecords(String tag) {
        String line = "Dec  5 21:50:43 node-delta0 " + tag + ": node=node-delta0 " + AVC_RECORD;
        AuditRecord record = record(line);
        assertThat(record.type()).isEqualTo("AVC");
        assertThat(record.node()).isEqualTo("node-delta0");
        assertThat(record.id()).isEqualTo(new EventId(1_764_971_443_672L, 86554));
        assertThat(record.value("scontext")).isEqualTo("system_u:system_r:container_t:s0:c1,c2");
        assertThat(record.rawValue("seresult")).isEqualTo("denied");
        assertThat(record.rawType()).isEqualTo("AVC");
        assertThat(RecordHeader.scan(line))
                .isEqualTo(new RecordHeader("node-delta0", "AVC", 1_764_971_443_672L, 86554));
    }

    @Test
    void auditSyslogPluginLineWithoutNode() {
        String line = "Dec  5 21:50:43 node-delta0 audisp-syslog: " + AVC_RECORD;
        AuditRecord record = record(line);
        assertThat(record.node()).isNull();
        assertThat(record.host()).isEqualTo("node-delta0");
        assertThat(record.id().serial()).isEqualTo(86554);
        assertThat(RecordHeader.scan(line)).isEqualTo(new RecordHeader(null, "AVC", 1_764_971_443_672L, 86554));
    }

    @Test
    void kernelSyslogLineExposesItsHostButKeepsTheAuditStamp() {
        AuditRecord record = record("Dec  5 21:50:43 host-a kernel: audit: type=1400 audit(1764971443.672:100):"
                + " avc: denied { read } for pid=1 tclass=file");
        assertThat(record.node()).isNull();
        assertThat(record.syslogHost()).isEqualTo("host-a");
        assertThat(record.id()).isEqualTo(new EventId(1_764_971_443_672L, 100));
    }

    @Test
    void rawAndDmesgLinesHaveNoSyslogHost() {
        assertThat(record("type=AVC msg=audit(1.000:1): avc:  denied  { read } for pid=1").syslogHost()).isNull();
        assertThat(record("[169759.365427] audit: type=1400 audit(1598482910.854:4): avc:  denied  { read } for pid=1")
                .syslogHost()).isNull();
    }

    @Test
    void yearOfABsdStampFollowsTheReference() {
        long newYear = Instant.parse("2026-01-01T00:00:10Z").toEpochMilli();
        AuditRecord lastDecember = (AuditRecord) AuditLineParser.parse(
                "Dec 31 23:59:59 h audit: CWD cwd=\"/\"", false, newYear);
        assertThat(Instant.ofEpochMilli(lastDecember.id().epochMillis())).isEqualTo(Instant.parse("2025-12-31T23:59:59Z"));
        AuditRecord skewed = record("Dec  7 00:10:00 h audit: CWD cwd=\"/\"");
        assertThat(Instant.ofEpochMilli(skewed.id().epochMillis()))
                .as("up to a day ahead is clock skew, not last year").isEqualTo(Instant.parse("2025-12-07T00:10:00Z"));
        AuditRecord leap = (AuditRecord) AuditLineParser.parse("Feb 29 10:00:00 h audit: CWD cwd=\"/\"", false, DEC_2025);
        assertThat(Instant.ofEpochMilli(leap.id().epochMillis())).isEqualTo(Instant.parse("2024-02-29T10:00:00Z"));
    }

    @Test
    void withoutReferenceABsdStampStaysUndatedButAnIsoStampIsExact() {
        AuditRecord bsd = (AuditRecord) AuditLineParser.parse(MAC_STATUS);
        assertThat(bsd.id()).isEqualTo(new EventId(0, 0));
        assertThat(bsd.syslogHost()).isEqualTo("node-delta0");
        AuditRecord viaInstant = (AuditRecord) AuditLineParser.parse(MAC_STATUS, Instant.ofEpochMilli(DEC_2025));
        assertThat(Instant.ofEpochMilli(viaInstant.id().epochMillis())).isEqualTo(Instant.parse("2025-12-05T21:50:43Z"));
        AuditRecord iso = (AuditRecord) AuditLineParser.parse("2024-04-20T08:53:50Z rocky9 audit: CWD cwd=\"/\"");
        assertThat(Instant.ofEpochMilli(iso.id().epochMillis())).isEqualTo(Instant.parse("2024-04-20T08:53:50Z"));
    }

    @Test
    void isoStampIsExact() {
        AuditRecord record = record("2024-04-20T10:53:50.123+0200 rocky9 audit[21476]: AVC avc:  denied  { read } for"
                + " pid=1 tclass=file");
        assertThat(record.syslogHost()).isEqualTo("rocky9");
        assertThat(Instant.ofEpochMilli(record.id().epochMillis())).isEqualTo(Instant.parse("2024-04-20T08:53:50.123Z"));
        AuditRecord zulu = record("2024-04-20T08:53:50Z rocky9 audit: CWD cwd=\"/\"");
        assertThat(Instant.ofEpochMilli(zulu.id().epochMillis())).isEqualTo(Instant.parse("2024-04-20T08:53:50Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Dec  5 21:50:43 node-delta0 audit: lower case words",
        "Dec  5 21:50:43 node-delta0 sshd[12]: Accepted publickey for root",
        "Dec  5 21:50:43 node-delta0 kernel: audit: backlog limit exceeded"})
    void syslogLinesWithoutARecordStayNotAudit(String line) {
        assertThat(AuditLineParser.parse(line, false, DEC_2025))
                .isInstanceOfSatisfying(ParseError.class, e -> assertThat(e.kind()).isEqualTo(ParseError.Kind.NOT_AUDIT));
    }
}
