package io.avcwatch.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void everyDesignTopicAndTheCheckpointTopicIsDescribed() {
        assertThat(Topics.all()).extracting(Topic::baseName).containsExactly("audit.raw", "audit.events",
                "avc.denials", "avc.mac-events", "avc.containers", "avc.alerts", "audit.deadletter",
                "audit.raw.checkpoints");
    }

    @Test
    void onlyContainerLabelsAndCheckpointsAreCompacted() {
        assertThat(Topics.all()).filteredOn(Topic::compacted).containsExactlyInAnyOrder(Topics.AVC_CONTAINERS,
                Topics.TAILER_CHECKPOINTS);
        assertThat(Topics.AVC_CONTAINERS.configs()).containsEntry("cleanup.policy", "compact");
        assertThat(Topics.AVC_ALERTS.configs()).containsEntry("cleanup.policy", "delete");
    }

    @Test
    void containerLabelVersionsOutliveTheReplayHorizonBeforeCompaction() {
        assertThat(Topics.AVC_CONTAINERS.configs()).containsEntry("min.compaction.lag.ms", "3024000000");
        assertThat(Topics.AVC_CONTAINERS.newTopic(Topics.NO_PREFIX, java.util.Optional.empty(),
                java.util.Optional.empty()).configs()).containsEntry("min.compaction.lag.ms", "3024000000")
                .containsEntry("cleanup.policy", "compact");
        assertThat(Topics.AVC_ALERTS.configs()).containsOnlyKeys("cleanup.policy");
    }

    @Test
    void namesCarryThePrefix() {
        assertThat(Topics.AVC_ALERTS.name(Topics.NO_PREFIX)).isEqualTo("avc.alerts");
        assertThat(Topics.AVC_ALERTS.name(Topics.casePrefix("2024-017"))).isEqualTo("case.2024-017.avc.alerts");
        assertThat(Topics.AUDIT_RAW.name("staging.")).isEqualTo("staging.audit.raw");
    }

    @Test
    void illegalCaseIdsAndPrefixesAreRejectedWithAUserMessage() {
        assertThatThrownBy(() -> Topics.casePrefix("a/b")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("case id");
        assertThatThrownBy(() -> Topics.casePrefix("a.b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Topics.casePrefix("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Topics.AVC_ALERTS.name("bad prefix ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Topics.AVC_ALERTS.name("x".repeat(240))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void newTopicUsesDefaultsUnlessOverridden() {
        final NewTopic byDefault = Topics.AVC_CONTAINERS.newTopic("case.7.", Optional.empty(), Optional.empty());
        assertThat(byDefault.name()).isEqualTo("case.7.avc.containers");
        assertThat(byDefault.numPartitions()).isEqualTo(Topics.AVC_CONTAINERS.defaultPartitions());
        assertThat(byDefault.replicationFactor()).isEqualTo((short) -1);
        assertThat(byDefault.configs()).containsEntry("cleanup.policy", "compact");

        final NewTopic overridden = Topics.AVC_ALERTS.newTopic("", Optional.of(1), Optional.of((short) 1));
        assertThat(overridden.numPartitions()).isEqualTo(1);
        assertThat(overridden.replicationFactor()).isEqualTo((short) 1);
    }

    @Test
    void valueSerdesWriteWhatTheSchemaDescribes() {
        final byte[] bytes = Topics.AVC_ALERTS.valueSerde().serializer().serialize("avc.alerts",
                SampleRecords.fullAlert());
        assertThat(SchemaValidation.strict().errors(Topics.AVC_ALERTS.valueSchema(), new String(bytes,
                StandardCharsets.UTF_8))).isEmpty();
        assertThat(Topics.AVC_DENIALS.valueSerde()).isInstanceOf(JsonSerde.class);
        assertThat(((JsonSerde<?>) Topics.AVC_CONTAINERS.valueSerde()).type()).isEqualTo(ContainerLabel.class);
    }
}
