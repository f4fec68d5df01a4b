package io.avcwatch.app.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.avcwatch.schemas.Topics;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The topology's defaults agree with how its topics are created. */
class TopologyConfigTest {

    @Test
    void compactionKeepsEveryLabelVersionTheVersionedStoreMayStillServe() {
        final long lagMs = Long.parseLong(Topics.AVC_CONTAINERS.configs().get("min.compaction.lag.ms"));
        assertThat(Duration.ofMillis(lagMs)).isGreaterThanOrEqualTo(TopologyConfig.DEFAULT_INVENTORY_HISTORY);
    }
}
