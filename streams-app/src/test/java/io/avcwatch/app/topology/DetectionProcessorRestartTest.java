package io.avcwatch.app.topology;

import static io.avcwatch.app.topology.TopologyHarness.avcEvent;
import static org.assertj.core.api.Assertions.assertThat;

import io.avcwatch.app.denials.DenialBuilder;
import io.avcwatch.app.rules.Detector;
import io.avcwatch.app.rules.HostState;
import io.avcwatch.app.rules.StormState;
import io.avcwatch.schemas.Alert;
import io.avcwatch.schemas.AvcDenial;
import io.avcwatch.schemas.JsonSerde;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A restarted detection task continues its open storms from the stores: the opening state plus the growth. */
class DetectionProcessorRestartTest {
    private static final String HOST = "node1";
    private static final String WEB = "system_u:system_r:container_t:s0:c170,c393";
    private static final String SHADOW = "system_u:object_r:shadow_t:s0";

    private MockProcessorContext<String, Alert> context;
    private KeyValueStore<String, String> growth;

    @BeforeEach
    void setUp() {
        context = new MockProcessorContext<>();
        context.setCurrentSystemTimeMs(TopologyHarness.WALL_START.toEpochMilli());
        final KeyValueStore<String, HostState> hosts = Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(AvcwatchTopology.HOST_STATE_STORE), Serdes.String(),
                JsonSerde.of(HostState.class)).withLoggingDisabled().build();
        final KeyValueStore<String, StormState> storms = Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(AvcwatchTopology.STORM_STORE), Serdes.String(),
                JsonSerde.of(StormState.class)).withLoggingDisabled().build();
        growth = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(AvcwatchTopology.STORM_GROWTH_STORE),
                Serdes.String(), Serdes.String()).withLoggingDisabled().build();
        for (final KeyValueStore<?, ?> store : List.of(hosts, storms, growth)) {
            store.init(context.getStateStoreContext(), store);
            context.addStateStore(store);
        }
    }

    @Test
    void aStormThatGrewBeforeTheRestartClosesWithItsWholeCount() {
        final DetectionProcessor before = processor();
        before.process(denial(100, "1764971460.000"));
        before.process(denial(101, "1764971461.000"));
        before.process(denial(102, "1764971462.500"));
        assertThat(context.forwarded()).singleElement()
                .satisfies(r -> assertThat(r.record().value().count()).isEqualTo(1));
        assertThat(growth.approximateNumEntries()).as("repeats are growth, not a new opening state").isEqualTo(1);
        context.resetForwards();

        final DetectionProcessor after = processor();
        after.process(new Record<>("", new DetectionInput.End(), 0L));

        assertThat(context.forwarded()).singleElement().satisfies(r -> {
            assertThat(r.record().value().count()).isEqualTo(3);
            assertThat(r.record().value().lastSeen()).hasToString("2025-12-05T21:51:02.500Z");
        });
    }

    private DetectionProcessor processor() {
        final DetectionProcessor processor = new DetectionProcessor(TopologyConfig.defaults().withFiniteInput(true),
                Detector.builtIn());
        processor.init(context);
        return processor;
    }

    private static Record<String, DetectionInput> denial(final long serial, final String stamp) {
        final WaitingEvent event = WaitingEvent.decode("-\n" + String.join("\n", avcEvent(HOST, stamp, serial, WEB, SHADOW)));
        final AvcDenial denial = DenialBuilder.build(event.event(), HOST).get(0);
        return new Record<>(HOST, new DetectionInput.Denial(denial), event.event().id().epochMillis());
    }
}
