package io.avcwatch.app.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import io.avcwatch.app.topology.AvcwatchTopology;
import io.avcwatch.app.topology.TopologyConfig;
import io.avcwatch.schemas.Topics;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class CatchUpTest {

    @Test
    void inputTopicsAreTheSourcesWithInternalOnesUnderTheApplicationId() {
        final String prefix = Topics.casePrefix("42");
        final var topology = AvcwatchTopology.build(TopologyConfig.defaults().withTopicPrefix(prefix));
        final Set<String> external = Topics.all().stream().map(t -> t.name(prefix)).collect(Collectors.toSet());

        assertThat(CatchUp.inputTopics(topology, "avcwatch-case-42-streams", external)).containsExactlyInAnyOrder(
                "case.42.audit.raw", "case.42.avc.containers",
                "avcwatch-case-42-streams-denials-by-container-repartition");
    }

    @Test
    void caughtUpOnlyWhenEveryPartitionReachedItsEnd() {
        final TopicPartition a0 = new TopicPartition("a", 0);
        final TopicPartition a1 = new TopicPartition("a", 1);
        final TopicPartition empty = new TopicPartition("b", 0);
        final Map<TopicPartition, Long> end = Map.of(a0, 10L, a1, 5L, empty, 0L);

        assertThat(new CatchUp.Snapshot(Map.of(a0, 10L, a1, 5L), end, true).caughtUp()).isTrue();
        assertThat(new CatchUp.Snapshot(Map.of(a0, 10L, a1, 4L), end, true).caughtUp()).isFalse();
        assertThat(new CatchUp.Snapshot(Map.of(a0, 10L), end, true).caughtUp())
                .as("a partition with records but no commit").isFalse();
        assertThat(new CatchUp.Snapshot(Map.of(a0, 10L, a1, 5L), end, false).caughtUp())
                .as("an input topic is still missing").isFalse();
        assertThat(new CatchUp.Snapshot(Map.of(a0, 7L, a1, 5L), end, true).consumed("a")).isEqualTo(12);
        assertThat(new CatchUp.Snapshot(Map.of(), end, true).written("a")).isEqualTo(15);
    }
}
