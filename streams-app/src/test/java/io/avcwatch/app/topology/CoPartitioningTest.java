package io.avcwatch.app.topology;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CoPartitioningTest {

    @Test
    void equalCountsPass() {
        assertThatCode(() -> CoPartitioning.check("audit.raw", 3, "avc.containers", 3)).doesNotThrowAnyException();
    }

    @Test
    void differentCountsNameBothTopicsAndTheFix() {
        assertThatThrownBy(() -> CoPartitioning.check("audit.raw", 6, "avc.containers", 3))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("audit.raw has 6 partitions but avc.containers has 3")
                .hasMessageContaining("recreate avc.containers with 6 partitions");
    }
}
