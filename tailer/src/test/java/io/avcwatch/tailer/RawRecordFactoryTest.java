package io.avcwatch.tailer;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.avcwatch.schemas.RawRecordHeaders;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class RawRecordFactoryTest {

    private static Line line(final String s, final long offset) {
        return new Line(s.getBytes(UTF_8), "/var/log/audit/audit.log", 42, offset, offset + s.length() + 1);
    }

    @Test
    void keysByNodeAndStampsWithTheEventTime() {
        final RawRecordFactory f = new RawRecordFactory("audit.raw", "fallback");
        final ProducerRecord<byte[], byte[]> r = f.toRecord(line(
                "node=web01 type=AVC msg=audit(1713603292.240:1088): avc:  denied  { read }", 10));
        assertThat(new String(r.key(), UTF_8)).isEqualTo("web01");
        assertThat(r.timestamp()).isEqualTo(1713603292240L);
        assertThat(new String(r.headers().lastHeader(RawRecordHeaders.SOURCE_PATH).value(), UTF_8))
                .isEqualTo("/var/log/audit/audit.log");
        assertThat(new String(r.headers().lastHeader(RawRecordHeaders.SOURCE_INODE).value(), UTF_8)).isEqualTo("42");
        assertThat(new String(r.headers().lastHeader(RawRecordHeaders.SOURCE_OFFSET).value(), UTF_8)).isEqualTo("10");
    }

    @Test
    void linesWithoutNodeUseTheHostAndUnstampedLinesTheLastEventTime() {
        final RawRecordFactory f = new RawRecordFactory("audit.raw", "fallback");
        f.toRecord(line("type=SYSCALL msg=audit(1700000000.5:7): arch=c000003e", 0));
        final ProducerRecord<byte[], byte[]> stray = f.toRecord(line("garbage \u00ff without a stamp", 60));
        assertThat(new String(stray.key(), UTF_8)).isEqualTo("fallback");
        assertThat(stray.timestamp()).isEqualTo(1700000000500L);
    }

    @Test
    void aCentralSyslogFileKeysEachLineOnItsSyslogHost() {
        final RawRecordFactory f = new RawRecordFactory("audit.raw", "collector");
        final String alpha = "Dec  5 21:50:43 node-alpha1 kernel: audit: type=1400 audit(1701813043.120:501): "
                + "avc:  denied  { read } for  pid=9 comm=\"sh\" scontext=system_u:system_r:container_t:s0:c1,c2 "
                + "tcontext=system_u:object_r:etc_t:s0 tclass=file permissive=0";
        final String delta = alpha.replace("node-alpha1", "node-delta0");
        assertThat(new String(f.toRecord(line(alpha, 0)).key(), UTF_8)).isEqualTo("node-alpha1");
        assertThat(new String(f.toRecord(line(delta, 300)).key(), UTF_8)).isEqualTo("node-delta0");
        assertThat(RawRecordFactory.hostOf(delta.getBytes(UTF_8), "collector")).isEqualTo("node-delta0");
        assertThat(RawRecordFactory.hostOf(
                "node=web01 type=AVC msg=audit(1713603292.240:1088): avc:  denied  { read }".getBytes(UTF_8),
                "collector")).isEqualTo("web01");
        assertThat(RawRecordFactory.hostOf(
                "type=SYSCALL msg=audit(1700000000.5:7): arch=c000003e".getBytes(UTF_8), "collector"))
                .isEqualTo("collector");
    }
}
