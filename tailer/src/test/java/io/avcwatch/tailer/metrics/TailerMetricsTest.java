package io.avcwatch.tailer.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class TailerMetricsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final TailerMetrics metrics = new TailerMetrics(registry, "node1", "/var/log/audit/audit.log");

    @Test
    void commitsCountLinesAndBytesPerHostAndFile() {
        metrics.committed(3, 300);
        metrics.committed(2, 50);

        assertThat(registry.get(TailerMetrics.LINES_SHIPPED).tag("host", "node1")
                .tag("file", "/var/log/audit/audit.log").counter().count()).isEqualTo(5);
        assertThat(registry.get(TailerMetrics.BYTES_SHIPPED).counter().count()).isEqualTo(350);
    }

    @Test
    void connectivityFollowsSessionsAndOutagesAreCounted() {
        assertThat(metrics.connected()).isFalse();
        metrics.sessionStarted();
        assertThat(metrics.connected()).isTrue();
        assertThat(registry.get(TailerMetrics.CONNECTED).gauge().value()).isEqualTo(1);

        metrics.sessionFailed();
        assertThat(metrics.connected()).isFalse();
        assertThat(registry.get(TailerMetrics.CONNECTED).gauge().value()).isZero();
        assertThat(registry.get(TailerMetrics.OUTAGES).counter().count()).isEqualTo(1);

        metrics.committed(1, 10);
        assertThat(metrics.connected()).isTrue();
        metrics.stopped();
        assertThat(metrics.connected()).isFalse();
    }
}
