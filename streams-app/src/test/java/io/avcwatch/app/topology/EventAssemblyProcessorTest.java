package io.avcwatch.app.topology;

import static io.avcwatch.app.topology.TopologyHarness.avcEvent;
import static org.assertj.core.api.Assertions.assertThat;

import io.avcwatch.parsers.AuditEvent;
import io.avcwatch.schemas.RawRecordHeaders;
import io.avcwatch.schemas.SourcePosition;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The assembly processor on its own: its state store is what a restarted task resumes from. */
class EventAssemblyProcessorTest {
    private static final String HOST = "node1";
    private static final String SOURCE = "/var/log/audit/audit.log";
    private static final String[] EVENT = avcEvent(HOST, "1764971449.577", 500,
            "system_u:system_r:container_t:s0:c1,c9", "system_u:object_r:shadow_t:s0");

    private MockProcessorContext<String, AssemblyOutput> context;
    private KeyValueStore<String, String> store;

    @BeforeEach
    void setUp() {
        context = new MockProcessorContext<>();
        context.setCurrentSystemTimeMs(TopologyHarness.WALL_START.toEpochMilli());
        store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(AvcwatchTopology.INFLIGHT_STORE),
                Serdes.String(), Serdes.String()).withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
    }

    @Test
    void aRestartedTaskCompletesTheEventsThatWereOpenInItsStore() {
        final EventAssemblyProcessor before = processor();
        before.process(line(EVENT[0]));
        before.process(line(EVENT[1]));
        assertThat(store.approximateNumEntries()).isEqualTo(1);
        assertThat(context.forwarded()).isEmpty();

        final EventAssemblyProcessor after = processor();
        after.process(line(EVENT[2]));

        final List<AuditEvent> events = assembled();
        assertThat(events).hasSize(1);
        assertThat(events.get(0).records()).extracting(r -> r.type()).containsExactly("SYSCALL", "AVC", "PROCTITLE");
        assertThat(store.approximateNumEntries()).isZero();
    }

    @Test
    void aRestartedTaskKeepsWhereAnOpenEventWasRead() {
        final EventAssemblyProcessor before = processor();
        before.process(line(EVENT[0], 4096L));
        before.process(line(EVENT[1], 4200L));

        final EventAssemblyProcessor after = processor();
        after.process(line(EVENT[2], 4300L));

        final List<AssemblyOutput.Assembled> out = assembledWithSource();
        assertThat(out).hasSize(1);
        assertThat(out.get(0).event().records()).hasSize(3);
        assertThat(out.get(0).source()).isEqualTo(new SourcePosition(SOURCE, 77L, 4096L));
    }

    @Test
    void aRestoredEventWaitsAFullQuietPeriodForTheRecordsAfterTheCommittedOffset() {
        final EventAssemblyProcessor before = processor();
        before.process(line(EVENT[0]));
        before.process(line(EVENT[1]));

        // the task moves to another instance a minute later: the host's last record is long ago by the wall clock
        final long migratedAt = TopologyHarness.WALL_START.toEpochMilli() + 60_000;
        context.setCurrentSystemTimeMs(migratedAt);
        final MockProcessorContext<String, AssemblyOutput> fresh = freshContextSharingTheStore(migratedAt);
        final EventAssemblyProcessor after = new EventAssemblyProcessor(TopologyConfig.defaults());
        after.init(fresh);
        fresh.scheduledPunctuators().forEach(p -> p.getPunctuator().punctuate(migratedAt + 1_000));
        assertThat(fresh.forwarded()).as("nothing completed before the rest of the event is read").isEmpty();

        after.process(line(EVENT[2]));
        assertThat(fresh.forwarded()).hasSize(1);
        assertThat(((AssemblyOutput.Assembled) fresh.forwarded().get(0).record().value()).event().records())
                .extracting(r -> r.type()).containsExactly("SYSCALL", "AVC", "PROCTITLE");
    }

    @Test
    void aSingleRecordEventNeverTouchesTheStore() {
        final EventAssemblyProcessor processor = processor();
        processor.process(line("node=node1 type=USER_LOGIN msg=audit(1764971437.218:62061): pid=4440 uid=0"
                + " auid=1000 ses=38 subj=system_u:system_r:sshd_t:s0-s0:c0.c1023 msg='op=login id=1000"
                + " exe=\"/usr/sbin/sshd\" hostname=? addr=192.0.2.228 terminal=/dev/pts/1 res=success'"));

        assertThat(assembled()).hasSize(1);
        assertThat(store.approximateNumEntries()).isZero();
    }

    @Test
    void aHostOverItsInFlightBoundCompletesItsOldestEventFirst() {
        final TopologyConfig config = new TopologyConfig("", Duration.ofSeconds(2), Duration.ofSeconds(2),
                Duration.ofSeconds(1), 2, Duration.ofSeconds(2), Duration.ofDays(1), Duration.ofMinutes(1), false);
        final EventAssemblyProcessor processor = new EventAssemblyProcessor(config);
        processor.init(context);
        for (int serial = 1; serial <= 3; serial++) {
            processor.process(line("node=node1 type=CWD msg=audit(1764971449.577:" + serial + "): cwd=\"/\""));
        }

        assertThat(assembled()).extracting(e -> e.id().serial()).containsExactly(1L);
        assertThat(store.approximateNumEntries()).isEqualTo(2);
    }

    private EventAssemblyProcessor processor() {
        final EventAssemblyProcessor processor = new EventAssemblyProcessor(TopologyConfig.defaults());
        processor.init(context);
        return processor;
    }

    private List<AuditEvent> assembled() {
        return context.forwarded().stream()
                .map(f -> f.record().value())
                .filter(v -> v instanceof AssemblyOutput.Assembled)
                .map(v -> ((AssemblyOutput.Assembled) v).event())
                .toList();
    }

    private MockProcessorContext<String, AssemblyOutput> freshContextSharingTheStore(final long wallMs) {
        final MockProcessorContext<String, AssemblyOutput> fresh = new MockProcessorContext<>();
        fresh.setCurrentSystemTimeMs(wallMs);
        fresh.addStateStore(store);
        return fresh;
    }

    private List<AssemblyOutput.Assembled> assembledWithSource() {
        return context.forwarded().stream().map(f -> f.record().value())
                .filter(v -> v instanceof AssemblyOutput.Assembled).map(v -> (AssemblyOutput.Assembled) v).toList();
    }

    /** A line as the tailer ships it: read from {@value #SOURCE} (inode 77) at {@code offset}. */
    private static Record<String, byte[]> line(final String text, final long offset) {
        final Headers headers = new RecordHeaders();
        new RawRecordHeaders(HOST, SOURCE, 77L, offset).writeTo(headers);
        return line(text).withHeaders(headers);
    }

    private static Record<String, byte[]> line(final String text) {
        return new Record<>(HOST, text.getBytes(StandardCharsets.UTF_8), TopologyHarness.eventTime(text).toEpochMilli());
    }
}
