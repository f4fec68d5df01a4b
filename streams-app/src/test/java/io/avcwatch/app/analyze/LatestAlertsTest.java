package io.avcwatch.app.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import io.avcwatch.schemas.Alert;
import io.avcwatch.schemas.EventRef;
import io.avcwatch.schemas.Severity;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatestAlertsTest {
    private static final long T = Instant.parse("2025-12-05T21:50:00Z").toEpochMilli();

    @Test
    void aStormAggregateReplacesItsFirstHitAndDistinctIdsStay() {
        final Alert first = alert("node1", 100, T + 2000, 1);
        final Alert aggregate = first.toBuilder().count(5).build();
        final Alert other = alert("node1", 50, T, 1);
        final Alert otherHost = alert("node2", 100, T + 2000, 1);

        final List<Alert> set = LatestAlerts.of(List.of(first, other, otherHost, aggregate));

        assertThat(set).extracting(Alert::alertId)
                .containsExactly(other.alertId(), first.alertId(), otherHost.alertId());
        assertThat(set.get(1).count()).isEqualTo(5);
    }

    @Test
    void theOrderDoesNotDependOnTheReadOrder() {
        final List<Alert> a = List.of(alert("n1", 1, T, 1), alert("n2", 2, T, 1), alert("n1", 3, T + 1, 1));
        assertThat(LatestAlerts.of(a)).isEqualTo(LatestAlerts.of(List.of(a.get(2), a.get(1), a.get(0))));
    }

    private static Alert alert(final String host, final long serial, final long millis, final long count) {
        return Alert.builder().rule("R2").title("t").severity(Severity.HIGH).host(host)
                .event(EventRef.of(millis, serial)).summary("s").count(count).build();
    }
}
