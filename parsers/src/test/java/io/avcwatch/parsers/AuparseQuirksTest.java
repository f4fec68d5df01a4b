package io.avcwatch.parsers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where libauparse 3.0.9 is wrong (shared/research/corpus.md) avcwatch stays correct; each case is
 * pinned against the committed oracle output, so a regenerated golden file that changes the
 * oracle's behaviour shows up here.
 */
class AuparseQuirksTest {
    private static final Path CORPUS = Path.of("src/test/resources/io/avcwatch/parsers/conformance/corpus");

    private static String golden(String name) throws IOException {
        return Files.readString(CORPUS.resolve(name + ".oracle.jsonl"), StandardCharsets.UTF_8);
    }

    private static List<String> lines(String name) throws IOException {
        return Files.readAllLines(CORPUS.resolve(name + ".log"), StandardCharsets.UTF_8);
    }

    private static AuditRecord firstRecordContaining(String name, String text) throws IOException {
        String line = lines(name).stream().filter(l -> l.contains(text)).findFirst().orElseThrow();
        return (AuditRecord) AuditLineParser.parse(line);
    }

    @Test
    void auparseCutsQuotedUserAvcValuesAtSpacesWeKeepThemWhole() throws IOException {
        assertThat(golden("gh-OwlCyberDefense-clip-issue-198")).contains("\"cmdline\": \"\\\"systemctl\"");
        AuditRecord record = firstRecordContaining("gh-OwlCyberDefense-clip-issue-198", "cmdline=\"systemctl restart");
        assertThat(record.rawValue("cmdline")).isEqualTo("\"systemctl restart rsyslog.service\"");
    }

    @Test
    void auparseMisreadsInterpretedTimestampsAsSerialZeroWeReadTheRealSerial() throws IOException {
        assertThat(golden("gh-misc-nonraw-formats")).contains("\"serial\": 0,").contains("\"seresult\": \"05:40:08.117:543)\"");
        AuditRecord record = firstRecordContaining("gh-misc-nonraw-formats", "msg=audit(06/03/2024 05:40:08.117:543)");
        assertThat(record.id().serial()).isEqualTo(543);
        assertThat(record.id().timestamp()).isEqualTo("1717393208.117");
        assertThat(record.rawValue("seresult")).isEqualTo("denied");
        assertThat(record.rawValue("seperms")).isEqualTo("create");
    }

    @Test
    void auparseTakesTheWordUserAsTheUserAvcVerdictWeReadTheNestedAvc() throws IOException {
        assertThat(golden("selinux-sepolgen-audit2allow-testdata")).contains("\"seresult\": \"user\"");
        AuditRecord record = firstRecordContaining("selinux-sepolgen-audit2allow-testdata", ":1164): user pid=2350");
        assertThat(record.rawValue("seresult")).isEqualTo("denied");
        assertThat(record.rawValue("seperms")).isEqualTo("send_msg");
    }

    @Test
    void auparseDoesNotSynthesiseUserAvcVerdictsWeDo() throws IOException {
        String oracle = golden("gh-OwlCyberDefense-clip-issue-198");
        String userAvc = oracle.lines().filter(l -> l.contains("USER_AVC")).findFirst().orElseThrow();
        assertThat(userAvc).doesNotContain("seresult");
        AuditRecord record = firstRecordContaining("gh-OwlCyberDefense-clip-issue-198", "type=USER_AVC");
        assertThat(record.rawValue("seresult")).isEqualTo("denied");
    }
}
