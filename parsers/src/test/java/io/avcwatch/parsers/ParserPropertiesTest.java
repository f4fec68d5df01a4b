package io.avcwatch.parsers;

import static org.assertj.core.api.Assertions.assertThat;

import io.avcwatch.parsers.assemble.AssemblerSettings;
import io.avcwatch.parsers.stream.AuditStreamParser;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ParserPropertiesTest {

    @Property(tries = 2000)
    void arbitraryBytesNeverThrowAndEveryLineIsAccountedFor(@ForAll byte[] bytes) throws Exception {
        List<AuditEvent> events = new ArrayList<>();
        List<ParseError> errors = new ArrayList<>();
        AuditStreamParser parser = new AuditStreamParser(new AssemblerSettings(1000, 4), events::add,
                (n, e) -> errors.add(e));
        parser.parse(new ByteArrayInputStream(bytes));
        parser.finish();
        AuditStreamParser.Stats stats = parser.stats();
        assertThat(stats.records() + stats.errors() + stats.skipped()).isEqualTo(stats.lines());
        assertThat(events.stream().mapToLong(e -> e.records().size()).sum()).isLessThanOrEqualTo(stats.records());
    }

    @Property(tries = 3000)
    void recordLikeTextNeverThrowsAndKeepsTheRawLine(@ForAll("recordish") String line) {
        ParseResult result = AuditLineParser.parse(line);
        assertThat(result.raw()).isEqualTo(line);
        if (result instanceof AuditRecord record) {
            for (int i = 0; i < record.fields().size(); i++) {
                assertThat(record.fields().name(i)).isNotEmpty();
                assertThat(record.fields().raw(i)).isNotEmpty();
                record.fields().asList().get(i).value();
            }
            record.id().timestamp();
            RecordHeader header = RecordHeader.scan(line);
            if (header != null) {
                assertThat(header.id()).isEqualTo(record.id());
                assertThat(header.type()).isEqualTo(record.type());
                assertThat(header.node()).isEqualTo(record.node());
            }
        }
        if (result instanceof ParseError error) {
            assertThat(error.raw()).isEqualTo(line);
            assertThat(error.detail()).as("a parser bug caught as an error value").doesNotStartWith("internal");
        }
    }

    @Provide
    Arbitrary<String> recordish() {
        Arbitrary<String> prefix = Arbitraries.of("type=AVC msg=audit(1700000000.123:42): ", "node=h type=SYSCALL msg=audit(",
                "type=USER_AVC msg=audit(1.5:1): pid=1 msg='", "audit: type=1400 audit(1.000:0): ", "x audit[1]: AVC ",
                "type=UNKNOWN[", "", "type=PATH msg=audit(08/23/2017 17:23:47.012:123) : ",
                "Dec  5 21:50:43 h audit: MAC_STATUS ", "Feb 29 23:59:60.5 h audit[", "Dec  5 21:50:43 h audispd: type=AVC ",
                "2024-04-20T10:53:50.123+02", "2024-02-30T10:53:50Z h audit: CWD ", "Jan 1 00:00:00 h kernel: ");
        Arbitrary<String> body = Arbitraries.strings()
                .withChars("avc: denied{}()=\"' \u001d,.:-_abcsx0123456789\r\t\u00e9\ud83d\ude00")
                .ofMaxLength(120);
        return prefix.flatMap(p -> body.map(b -> p + b));
    }

    @Property(tries = 500)
    void arbitraryUnicodeLinesNeverThrow(@ForAll String line) {
        assertThat(AuditLineParser.parse(line).raw()).isEqualTo(line);
        RecordHeader.scan(line);
        byte[] utf8 = line.getBytes(StandardCharsets.UTF_8);
        assertThat(utf8.length).isGreaterThanOrEqualTo(0);
    }
}
