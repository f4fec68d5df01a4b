package io.avcwatch.app.topology;

import static io.avcwatch.app.topology.TopologyHarness.avcEvent;
import static org.assertj.core.api.Assertions.assertThat;

import io.avcwatch.schemas.ContainerLabel;
import io.avcwatch.schemas.Topics;
import java.io.File;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.VersionedKeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A correlation task that moves resumes its denials waiting for inventory from its stores. */
class CorrelationProcessorRestartTest {
    private static final String HOST = "node1";
    private static final String UNKNOWN = "system_u:system_r:container_t:s0:c1,c2";
    private static final String SHADOW = "system_u:object_r:shadow_t:s0";

    @TempDir
    Path stateDir;

    private MockProcessorContext<String, DetectionInput> context;
    private VersionedKeyValueStore<String, ContainerLabel> containers;
    private KeyValueStore<String, String> waiting;

    @BeforeEach
    void setUp() {
        context = contextAt(TopologyHarness.WALL_START.toEpochMilli());
        containers = Stores.versionedKeyValueStoreBuilder(
                Stores.persistentVersionedKeyValueStore(AvcwatchTopology.CONTAINERS_STORE,
                        TopologyConfig.DEFAULT_INVENTORY_HISTORY),
                Serdes.String(), Topics.AVC_CONTAINERS.valueSerde()).withLoggingDisabled().build();
        waiting = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(AvcwatchTopology.WAITING_STORE),
                Serdes.String(), Serdes.String()).withLoggingDisabled().build();
        containers.init(context.getStateStoreContext(), containers);
        waiting.init(context.getStateStoreContext(), waiting);
        context.addStateStore(containers);
        context.addStateStore(waiting);
    }

    @AfterEach
    void tearDown() {
        containers.close();
        waiting.close();
    }

    @Test
    void liveARestoredDenialWaitsOutItsGraceByTheWallClock() {
        final CorrelationProcessor before = new CorrelationProcessor(TopologyConfig.defaults());
        before.init(context);
        before.process(assembled(avcEvent(HOST, "1764971460.000", 100, UNKNOWN, SHADOW)));
        assertThat(context.forwarded()).as("waits for inventory").isEmpty();
        assertThat(waiting.approximateNumEntries()).isEqualTo(1);

        // the task moves to another instance a minute later: the host's last event is long ago by the wall clock
        final long movedAt = TopologyHarness.WALL_START.toEpochMilli() + 60_000;
        final MockProcessorContext<String, DetectionInput> moved = contextAt(movedAt);
        moved.addStateStore(containers);
        moved.addStateStore(waiting);
        final CorrelationProcessor after = new CorrelationProcessor(TopologyConfig.defaults());
        after.init(moved);
        moved.scheduledPunctuators().forEach(p -> p.getPunctuator().punctuate(movedAt + 1_000));
        assertThat(moved.forwarded()).as("1 s after the move is within the 2 s grace").isEmpty();

        moved.scheduledPunctuators().forEach(p -> p.getPunctuator().punctuate(movedAt + 2_000));
        assertThat(moved.forwarded()).singleElement().satisfies(r -> assertThat(
                ((DetectionInput.Denial) r.record().value()).denial().container()).isNull());
        assertThat(waiting.approximateNumEntries()).isZero();
    }

    private MockProcessorContext<String, DetectionInput> contextAt(final long wallMs) {
        final MockProcessorContext<String, DetectionInput> ctx =
                new MockProcessorContext<>(new Properties(), new TaskId(0, 0), new File(stateDir.toFile(), "0_0"));
        ctx.setCurrentSystemTimeMs(wallMs);
        return ctx;
    }

    private static Record<String, AssemblyOutput> assembled(final String... lines) {
        final WaitingEvent event = WaitingEvent.decode("-\n" + String.join("\n", lines));
        return new Record<>(HOST, new AssemblyOutput.Assembled(event.event(), null), event.event().id().epochMillis());
    }
}
