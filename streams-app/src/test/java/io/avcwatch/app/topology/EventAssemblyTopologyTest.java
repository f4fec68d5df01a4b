package io.avcwatch.app.topology;

import static io.avcwatch.app.topology.TopologyHarness.avcEvent;
import static org.assertj.core.api.Assertions.assertThat;

import io.avcwatch.schemas.DeadLetter;
import io.avcwatch.schemas.LineEncoding;
import io.avcwatch.schemas.MacEventKind;
import io.avcwatch.schemas.RawRecordHeaders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parsing, event assembly, dead letters and MAC events through the whole topology. */
class EventAssemblyTopologyTest {
    private static final String HOST = "node1";
    private static final String CONTAINER = "system_u:system_r:container_t:s0:c170,c393";
    private static final String FILE = "system_u:object_r:shadow_t:s0";

    @TempDir
    Path stateDir;
    private TopologyHarness topo;

    @BeforeEach
    void start() {
        topo = new TopologyHarness(stateDir);
    }

    @AfterEach
    void stop() {
        topo.close();
    }

    @Test
    void recordsOfOneSerialBecomeOneEventAndOneDenialWithTheEventTime() {
        topo.ship(HOST, avcEvent(HOST, "1764971449.577", 62181, CONTAINER, FILE));
        topo.idle();

        final var events = topo.events.readRecordsToList();
        assertThat(events).hasSize(1);
        assertThat(events.get(0).key()).isEqualTo(HOST);
        assertThat(events.get(0).timestamp()).isEqualTo(1764971449577L);
        final var denials = topo.denials.readRecordsToList();
        assertThat(denials).hasSize(1);
        assertThat(denials.get(0).key()).isEqualTo(HOST);
        assertThat(denials.get(0).timestamp()).isEqualTo(1764971449577L);
        assertThat(denials.get(0).value().event().serial()).isEqualTo(62181L);
        assertThat(denials.get(0).value().scontext().categories()).isEqualTo("c170,c393");
    }

    @Test
    void anEventWithoutEoeCompletesWhenItsHostsEventTimeMovesPastTheTimeout() {
        final String head = "node=" + HOST + " type=%s msg=audit(%s:%d): ";
        topo.ship(HOST, String.format(head, "AVC", "1764971449.577", 100)
                + "avc:  denied  { read } for  pid=1 comm=\"cat\" scontext=" + CONTAINER + " tcontext=" + FILE
                + " tclass=file permissive=0");
        assertThat(topo.events.isEmpty()).isTrue();
        topo.ship(HOST, String.format(head, "CWD", "1764971449.578", 101) + "cwd=\"/\"");
        assertThat(topo.events.isEmpty()).as("within the timeout the AVC may still get records").isTrue();
        topo.ship(HOST, String.format(head, "CWD", "1764971452.000", 102) + "cwd=\"/\"");

        assertThat(topo.events.readKeyValuesToList()).hasSize(2);
    }

    @Test
    void oneHostsClockDoesNotTimeOutAnotherHostsEvents() {
        final String avc = "node=%s type=AVC msg=audit(%s:100): avc:  denied  { read } for  pid=1 comm=\"cat\""
                + " scontext=" + CONTAINER + " tcontext=" + FILE + " tclass=file permissive=0";
        topo.ship("a", String.format(avc, "a", "1764971449.577"));
        topo.ship("b", String.format(avc, "b", "1764979999.000"));

        assertThat(topo.events.isEmpty()).isTrue();
    }

    @Test
    void aQuietHostsOpenEventsCompleteByTheWallClock() {
        final String head = "node=" + HOST + " type=%s msg=audit(1764971449.577:100): ";
        topo.ship(HOST, String.format(head, "AVC") + "avc:  denied  { read } for  pid=1 comm=\"cat\" scontext="
                + CONTAINER + " tcontext=" + FILE + " tclass=file permissive=0");
        topo.driver.advanceWallClockTime(Duration.ofMillis(500));
        assertThat(topo.events.isEmpty()).isTrue();

        topo.driver.advanceWallClockTime(Duration.ofSeconds(3));

        assertThat(topo.events.readValuesToList()).hasSize(1);
    }

    @Test
    void anUnparsableLineBecomesADeadLetterWithItsOriginalBytesReasonAndPosition() {
        final byte[] bad = "type=AVC msg=audit(17649714\u00ff".getBytes(StandardCharsets.ISO_8859_1);
        final Headers headers = new RecordHeaders();
        new RawRecordHeaders(HOST, "/var/log/audit/audit.log", 42L, 4096L).writeTo(headers);
        topo.raw.pipeInput(new TestRecord<>(HOST, bad, headers, Instant.ofEpochMilli(1764971449577L)));

        final var letters = topo.deadLetters.readRecordsToList();
        assertThat(letters).hasSize(1);
        final DeadLetter letter = letters.get(0).value();
        assertThat(letter.lineEncoding()).isEqualTo(LineEncoding.BASE64);
        assertThat(letter.lineBytes()).isEqualTo(bad);
        assertThat(letter.reason()).isNotBlank();
        assertThat(letter.errorKind()).isNotBlank();
        assertThat(letter.sourceTopic()).isEqualTo("audit.raw");
        assertThat(letter.sourceOffset()).isZero();
        assertThat(letter.sourceFile()).isEqualTo("/var/log/audit/audit.log");
        assertThat(letter.sourceFileOffset()).isEqualTo(4096L);
        final Headers out = letters.get(0).headers();
        assertThat(header(out, DeadLetters.REASON)).isEqualTo(letter.reason());
        assertThat(header(out, DeadLetters.KIND)).isEqualTo(letter.errorKind());
        assertThat(header(out, DeadLetters.TOPIC)).isEqualTo("audit.raw");
        assertThat(header(out, DeadLetters.PARTITION)).isEqualTo("0");
        assertThat(header(out, DeadLetters.OFFSET)).isEqualTo("0");
        assertThat(header(out, RawRecordHeaders.SOURCE_OFFSET)).isEqualTo("4096");
        assertThat(topo.events.isEmpty()).isTrue();
    }

    @Test
    void macStatusFlowsOutKeyedByHost() {
        topo.ship(HOST, "node=" + HOST + " type=MAC_STATUS msg=audit(1764971470.571:86866): enforcing=0"
                + " old_enforcing=1 auid=1000 ses=2 enabled=1 old-enabled=1 lsm=selinux res=1");
        topo.idle();

        final var mac = topo.macEvents.readRecordsToList();
        assertThat(mac).hasSize(1);
        assertThat(mac.get(0).key()).isEqualTo(HOST);
        assertThat(mac.get(0).value().kind()).isEqualTo(MacEventKind.MAC_STATUS);
        assertThat(mac.get(0).value().enforcing()).isFalse();
        assertThat(topo.denials.isEmpty()).isTrue();
    }

    @Test
    void theWholeDemoLogBecomesOneDenialPerAvcRecord() throws Exception {
        for (final String host : List.of("node-alpha1", "node-delta0")) {
            final List<String> lines = java.nio.file.Files.readAllLines(
                    Path.of("..", "examples", "demo", host + ".audit.log"));
            topo.ship(host, lines.toArray(String[]::new));
        }
        topo.idle();

        final long avcRecords = java.nio.file.Files.readAllLines(Path.of("..", "examples", "demo",
                "node-alpha1.audit.log")).stream().filter(l -> l.contains(" type=AVC ")).count()
                + java.nio.file.Files.readAllLines(Path.of("..", "examples", "demo", "node-delta0.audit.log"))
                .stream().filter(l -> l.contains(" type=AVC ")).count();
        assertThat(topo.denials.readValuesToList()).hasSize((int) avcRecords);
        assertThat(topo.deadLetters.isEmpty()).isTrue();
    }

    private static String header(final Headers headers, final String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
