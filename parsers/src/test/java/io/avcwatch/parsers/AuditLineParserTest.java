package io.avcwatch.parsers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuditLineParserTest {

    private static AuditRecord record(String line) {
        ParseResult result = AuditLineParser.parse(line);
        assertThat(result).isInstanceOf(AuditRecord.class);
        return (AuditRecord) result;
    }

    private static List<String> names(AuditRecord record) {
        return record.fields().asList().stream().map(Field::name).toList();
    }

    @Test
    void kernelAvcGivesVerdictPermsAndFollowingFields() {
        AuditRecord avc = record("type=AVC msg=audit(1713603292.240:1088): avc:  denied  { read write } for  pid=9235"
                + " comm=\"date\" path=\"/dev/null\" dev=\"tmpfs\" ino=5 scontext=system_u:system_r:container_t:s0:c24,c709"
                + " tcontext=system_u:object_r:container_file_t:s0:c24,c709 tclass=chr_file permissive=0");
        assertThat(avc.type()).isEqualTo("AVC");
        assertThat(avc.id()).isEqualTo(new EventId(1_713_603_292_240L, 1088));
        assertThat(names(avc)).containsExactly("seresult", "seperms", "pid", "comm", "path", "dev", "ino", "scontext",
                "tcontext", "tclass", "permissive");
        assertThat(avc.rawValue("seperms")).isEqualTo("read,write");
        assertThat(avc.rawValue("comm")).isEqualTo("\"date\"");
        assertThat(avc.value("comm")).isEqualTo("date");
        assertThat(avc.enriched().size()).isZero();
    }

    @Test
    void singleSpaceAvcPrefixParsesTheSame() {
        AuditRecord avc = record("type=AVC msg=audit(1.000:2): avc: denied { write } for comm=local dev=dm-0");
        assertThat(avc.rawValue("seresult")).isEqualTo("denied");
        assertThat(avc.rawValue("seperms")).isEqualTo("write");
        assertThat(avc.rawValue("dev")).isEqualTo("dm-0");
    }

    @Test
    void nodePrefixAndUnknownType() {
        AuditRecord record = record("node=web1 type=UNKNOWN[1420] msg=audit(1700000000.000:5): a=1");
        assertThat(record.node()).isEqualTo("web1");
        assertThat(record.type()).isEqualTo("UNKNOWN[1420]");
        assertThat(record.typeNumber()).isEqualTo(1420);
    }

    @Test
    void unknownTypeWithAKnownNumberGetsItsName() {
        AuditRecord record = record("type=UNKNOWN[1334] msg=audit(1700000000.000:5): prog-id=45 op=UNLOAD");
        assertThat(record.type()).isEqualTo("BPF");
        assertThat(record.rawType()).isEqualTo("UNKNOWN[1334]");
    }

    @Test
    void nestedUserMessageIsFlattenedAndQuotedValuesWithSpacesStayWhole() {
        AuditRecord record = record("type=USER_AVC msg=audit(1705928748.141:203): pid=1 uid=0 auid=4294967295"
                + " ses=4294967295 subj=system_u:system_r:init_t:s0 msg='avc:  denied  { status } for auid=n/a uid=114"
                + " gid=114 path=\"/usr/lib/systemd/system/user@.service\" cmdline=\"/usr/lib/polkit-1/polkitd --no-debug\""
                + " scontext=system_u:system_r:policykit_t:s0 tcontext=system_u:object_r:systemd_unit_file_t:s0"
                + " tclass=service permissive=0 exe=\"/usr/lib/systemd/systemd\" sauid=0 hostname=? addr=? terminal=?'");
        assertThat(record.rawValue("cmdline")).isEqualTo("\"/usr/lib/polkit-1/polkitd --no-debug\"");
        assertThat(record.rawValue("seresult")).isEqualTo("denied");
        assertThat(record.rawValue("seperms")).isEqualTo("status");
        assertThat(record.rawValue("terminal")).isEqualTo("?");
        assertThat(record.fields().lastIndexOf("auid")).isGreaterThan(record.fields().indexOf("auid"));
    }

    @Test
    void enrichedPairsAreKeptApartFromRawFields() {
        AuditRecord record = record("type=SYSCALL msg=audit(1700000000.800:8): arch=c000003e syscall=59 auid=1000"
                + " key=(null)\u001dARCH=x86_64 SYSCALL=execve AUID=\"bob\"");
        assertThat(record.rawValue("key")).isEqualTo("(null)");
        assertThat(record.fields().has("ARCH")).isFalse();
        assertThat(record.enriched().asList()).containsExactly(new Field("ARCH", "x86_64"),
                new Field("SYSCALL", "execve"), new Field("AUID", "\"bob\""));
    }

    @Test
    void hexValuesAreDecodedOnlyForEncodedFields() {
        AuditRecord record = record("type=PATH msg=audit(1.000:3): item=0 name=2F746D702F6120622E747874 inode=1234"
                + " dev=FD00");
        assertThat(record.rawValue("name")).isEqualTo("2F746D702F6120622E747874");
        assertThat(record.value("name")).isEqualTo("/tmp/a b.txt");
        assertThat(record.value("dev")).isEqualTo("FD00");
    }

    @Test
    void punctuationOfFreeTextMessagesIsTrimmedLikeAuparse() {
        AuditRecord record = record("type=USER_START msg=audit(1170021601.344:297): user pid=13015 uid=0 msg='PAM:"
                + " session open acct=root : exe=\"/usr/sbin/crond\" (hostname=?, addr=?, terminal=cron res=success)'");
        assertThat(record.rawValue("hostname")).isEqualTo("?");
        assertThat(record.rawValue("addr")).isEqualTo("?");
        assertThat(record.rawValue("res")).isEqualTo("success");
        assertThat(record.rawValue("acct")).isEqualTo("root");
    }

    @Test
    void journaldWrappedLineKeepsTypeAndFields() {
        AuditRecord record = record("Jan 10 15:51:17 alien3 audit[20404]: AVC avc:  denied  { read } for  pid=20404"
                + " comm=\"nslookup\" tclass=file permissive=0");
        assertThat(record.type()).isEqualTo("AVC");
        assertThat(record.id().serial()).isZero();
        assertThat(record.rawValue("seperms")).isEqualTo("read");
        assertThat(record.rawValue("tclass")).isEqualTo("file");
    }

    @Test
    void journaldLineWithoutPidKeepsTypeAndFields() {
        AuditRecord record = record("Nov 25 01:00:00 node1 audit: MAC_STATUS enforcing=0 old_enforcing=1 auid=1000 ses=2");
        assertThat(record.type()).isEqualTo("MAC_STATUS");
        assertThat(record.rawValue("enforcing")).isEqualTo("0");
        assertThat(AuditLineParser.parse("Nov 25 01:00:00 node1 audit: lowercase words only"))
                .isInstanceOf(ParseError.class);
    }

    @Test
    void dmesgWrappedLineMapsNumericType() {
        AuditRecord record = record("[169759.365427] audit: type=1400 audit(1598482910.854:4): avc:  denied"
                + "  { entrypoint } for  pid=5723 comm=\"runc:[2:INIT]\" tclass=file permissive=0");
        assertThat(record.type()).isEqualTo("AVC");
        assertThat(record.rawType()).isEqualTo("1400");
        assertThat(record.id().serial()).isEqualTo(4);
        assertThat(record.value("comm")).isEqualTo("runc:[2:INIT]");
    }

    @Test
    void policyLoadNoticeHasAVerdictWordAndNoPerms() {
        AuditRecord record = record("type=AVC msg=audit(1.000:3): avc:  received policyload notice (seqno=2)");
        assertThat(record.rawValue("seresult")).isEqualTo("received");
        assertThat(record.rawValue("seperms")).isNull();
        assertThat(record.rawValue("seqno")).isEqualTo("2");
    }

    @Test
    void truncatedAvcKeepsWhatItHas() {
        AuditRecord record = record("type=AVC msg=audit(1.000:3): avc:  denied  { read } for  pid=1 tclass=file permiss");
        assertThat(record.rawValue("tclass")).isEqualTo("file");
        assertThat(record.fields().has("permiss")).isFalse();
    }

    @Test
    void crlfLineEndingIsNotPartOfTheLastValue() {
        assertThat(record("type=EOE msg=audit(1.000:3): a=1\r").rawValue("a")).isEqualTo("1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "----", "time->Mon Jan  1 00:00:00 2024", "# execve(...)", "..."})
    void linesWithoutRecordsAreSkippedOnPurpose(String line) {
        assertThat(AuditLineParser.parse(line)).isInstanceOf(SkippedLine.class);
    }

    @Test
    void garbageIsAnErrorCarryingTheLine() {
        ParseResult result = AuditLineParser.parse("hello world");
        assertThat(result).isEqualTo(new ParseError(ParseError.Kind.NOT_AUDIT, "no audit header", "hello world"));
    }

    @Test
    void cutHeaderIsTruncated() {
        ParseResult result = AuditLineParser.parse("type=AVC msg=audit(1700000000.1");
        assertThat(result).isInstanceOf(ParseError.class);
        assertThat(((ParseError) result).kind()).isEqualTo(ParseError.Kind.TRUNCATED);
        assertThat(result.raw()).isEqualTo("type=AVC msg=audit(1700000000.1");
    }

    @Test
    void brokenStampIsMalformed() {
        ParseResult result = AuditLineParser.parse("type=AVC msg=audit(yesterday:12): avc: denied");
        assertThat(((ParseError) result).kind()).isEqualTo(ParseError.Kind.MALFORMED_HEADER);
    }

    @Test
    void recordsWithEqualContentAreEqual() {
        String line = "type=CWD msg=audit(1.000:3): cwd=\"/\"";
        assertThat(AuditLineParser.parse(line)).isEqualTo(AuditLineParser.parse(line));
    }
}
