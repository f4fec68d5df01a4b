package io.avcwatch.app.topology;

import static io.avcwatch.app.topology.TopologyHarness.avcEvent;
import static org.assertj.core.api.Assertions.assertThat;

import io.avcwatch.schemas.SourcePosition;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class WaitingEventTest {
    private static final String[] LINES = avcEvent("node1", "1764971460.000", 100,
            "system_u:system_r:container_t:s0:c1,c2", "system_u:object_r:shadow_t:s0");

    @Test
    void anEventAndItsProvenanceSurviveTheRoundTrip() {
        for (final SourcePosition source : Arrays.asList(null, new SourcePosition("/var/log/audit/audit log 1", 77L, 4096L),
                new SourcePosition(null, null, 12L), new SourcePosition("", 1L, null))) {
            final WaitingEvent event = WaitingEvent.decode("-\n" + String.join("\n", LINES));
            final WaitingEvent withSource = new WaitingEvent(event.event(), source);

            final WaitingEvent back = WaitingEvent.decode(withSource.encode());

            assertThat(back.source()).isEqualTo(source);
            assertThat(back.event().records()).extracting(r -> r.raw()).containsExactlyElementsOf(List.of(LINES));
            assertThat(back.event().id()).isEqualTo(event.event().id());
        }
    }

    @Test
    void linesThatNoLongerParseLeaveNothing() {
        assertThat(WaitingEvent.decode("-\nnot an audit line")).isNull();
    }
}
