package io.avcwatch.app.denials;

import static org.assertj.core.api.Assertions.assertThat;

import io.avcwatch.parsers.AuditEvent;
import io.avcwatch.parsers.AuditLineParser;
import io.avcwatch.parsers.AuditRecord;
import io.avcwatch.schemas.AvcDenial;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyslogOriginTest {
    private static final Instant DEC_2025 = Instant.parse("2025-12-05T22:00:00Z");

    @Test
    void bsdStampTakesTheLatestYearNotInTheFuture() {
        assertThat(SyslogOrigin.of("Dec  5 21:50:43 node-delta0 audit[4242]: AVC avc:  denied", DEC_2025))
                .contains(new SyslogOrigin("node-delta0", Instant.parse("2025-12-05T21:50:43Z")));
        assertThat(SyslogOrigin.of("Dec 31 23:59:59 h audit[1]: AVC x", Instant.parse("2026-01-01T00:00:10Z")))
                .as("a stamp just before new year read on new year's day").get()
                .extracting(SyslogOrigin::time).isEqualTo(Instant.parse("2025-12-31T23:59:59Z"));
        assertThat(SyslogOrigin.of("Dec  6 00:10:00 h audit[1]: AVC x", DEC_2025)).get()
                .as("up to a day ahead is clock skew, not last year").extracting(SyslogOrigin::time)
                .isEqualTo(Instant.parse("2025-12-06T00:10:00Z"));
    }

    @Test
    void isoStampsCarryTheirYearAndOffset() {
        assertThat(SyslogOrigin.of("2024-04-20T10:53:50.123+0200 rocky9 audit[21476]: AVC avc:  denied", DEC_2025))
                .contains(new SyslogOrigin("rocky9", Instant.parse("2024-04-20T08:53:50.123Z")));
        assertThat(SyslogOrigin.of("2024-04-20T08:53:50Z rocky9 kernel: audit: type=1400 audit(1.0:1): x", DEC_2025))
                .contains(new SyslogOrigin("rocky9", Instant.parse("2024-04-20T08:53:50Z")));
    }

    @Test
    void rawAndDmesgLinesHaveNoSyslogOrigin() {
        assertThat(SyslogOrigin.of("node=n1 type=AVC msg=audit(1.0:1): avc:  denied", DEC_2025)).isEmpty();
        assertThat(SyslogOrigin.of("type=AVC msg=audit(1.0:1): avc:  denied", DEC_2025)).isEmpty();
        assertThat(SyslogOrigin.of("[169759.365427] audit: type=1400 audit(1598482910.854:4): avc:", DEC_2025)).isEmpty();
        assertThat(SyslogOrigin.of("Foo 31 25:99:99 h audit[1]: AVC x", DEC_2025)).isEmpty();
    }

    @Test
    void journaldDenialTakesHostAndTimeFromTheSyslogPrefix() {
        final String line = "Dec  5 21:50:43 node-delta0 audit[4242]: AVC avc:  denied  { read } for  pid=4242"
                + " comm=\"cat\" name=\"shadow\" scontext=system_u:system_r:container_t:s0:c1,c2"
                + " tcontext=system_u:object_r:shadow_t:s0 tclass=file permissive=0";
        final AuditRecord record = (AuditRecord) AuditLineParser.parse(line);
        final List<AvcDenial> denials = DenialBuilder.build(new AuditEvent(null, record.id(), List.of(record)),
                "tailer-host", DEC_2025);
        assertThat(denials).singleElement().satisfies(d -> {
            assertThat(d.host()).isEqualTo("node-delta0");
            assertThat(d.event().time()).isEqualTo(Instant.parse("2025-12-05T21:50:43Z"));
            assertThat(d.event().serial()).isZero();
        });
    }

    @Test
    void eachDenialOfAMergedCentralSyslogEventKeepsItsOwnHost() {
        final String a = "Dec  5 21:50:43 host-a kernel: audit: type=1400 audit(1764971443.672:100): avc:  denied"
                + "  { read } for  pid=1 comm=\"cat\" name=\"shadow\" scontext=system_u:system_r:container_t:s0:c1,c2"
                + " tcontext=system_u:object_r:shadow_t:s0 tclass=file permissive=0";
        final String b = "Dec  5 21:50:43 host-b kernel: audit: type=1400 audit(1764971443.700:100): avc:  denied"
                + "  { write } for  pid=2 comm=\"sh\" name=\"runc\" scontext=system_u:system_r:container_t:s0:c3,c4"
                + " tcontext=system_u:object_r:container_runtime_exec_t:s0 tclass=file permissive=0";
        final AuditRecord ra = (AuditRecord) AuditLineParser.parse(a);
        final AuditRecord rb = (AuditRecord) AuditLineParser.parse(b);
        // the assembler keys these by (node=null, serial 100) and hands them over as one event
        final List<AvcDenial> denials = DenialBuilder.build(new AuditEvent(null, ra.id(), List.of(ra, rb)),
                "collector", DEC_2025);
        assertThat(denials).extracting(AvcDenial::host).containsExactly("host-a", "host-b");
    }
}
