package io.avcwatch.app.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.avcwatch.schemas.Alert;
import io.avcwatch.schemas.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class OcsfAlertWriterTest {
    private static final OcsfReference OCSF = OcsfReference.load();
    private static final OcsfReference.Definition DETECTION_FINDING = OCSF.eventClass("findings/detection_finding.json");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final OcsfAlertWriter writer = new OcsfAlertWriter();

    static List<Alert> alerts() {
        return SampleAlerts.all();
    }

    private JsonNode event(final Alert alert) throws Exception {
        return MAPPER.readTree(writer.line(alert));
    }

    @ParameterizedTest
    @MethodSource("alerts")
    void everyEventIsAValidDetectionFinding(final Alert alert) throws Exception {
        assertThat(OCSF.violations(event(alert), DETECTION_FINDING)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Severity.class)
    void everySeverityMapsToAValidSeverityId(final Severity severity) throws Exception {
        final Alert alert = SampleAlerts.apiSocket().toBuilder().severity(severity).build();
        assertThat(OCSF.violations(event(alert), DETECTION_FINDING)).isEmpty();
    }

    @Test
    void classificationIdsFollowTheSchema() throws Exception {
        final JsonNode e = event(SampleAlerts.apiSocket());
        assertThat(e.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(e.get("category_uid").asInt()).isEqualTo(2);
        assertThat(e.get("activity_id").asInt()).isEqualTo(1);
        assertThat(e.get("type_uid").asLong()).isEqualTo(2004 * 100 + 1);
        assertThat(e.get("severity_id").asInt()).isEqualTo(5);
        assertThat(e.get("time").asLong()).isEqualTo(1764971455782L);
        assertThat(e.at("/metadata/version").asText()).isEqualTo("1.8.0");
    }

    @Test
    void findingInfoCarriesRuleAndAttacks() throws Exception {
        final JsonNode info = event(SampleAlerts.secretRead()).get("finding_info");
        assertThat(info.get("uid").asText()).isEqualTo(SampleAlerts.secretRead().alertId());
        assertThat(info.at("/analytic/uid").asText()).isEqualTo("container-reads-host-secrets");
        final JsonNode attacks = info.get("attacks");
        assertThat(attacks).hasSize(3);
        assertThat(attacks.at("/1/technique/uid").asText()).isEqualTo("T1003");
        assertThat(attacks.at("/1/sub_technique/uid").asText()).isEqualTo("T1003.008");
        assertThat(attacks.at("/1/tactic/uid").asText()).isEqualTo("TA0006");
        assertThat(attacks.at("/0/tactics/0/uid").asText()).isEqualTo("TA0004");
    }

    @Test
    void actorAndEvidenceNameTheProcessAndContainer() throws Exception {
        final JsonNode e = event(SampleAlerts.apiSocket());
        assertThat(e.at("/actor/process/pid").asInt()).isEqualTo(31337);
        assertThat(e.at("/actor/process/container/name").asText()).isEqualTo("db");
        assertThat(e.at("/evidences/0/file/path").asText()).isEqualTo("/run/docker.sock");
        assertThat(e.at("/device/hostname").asText()).isEqualTo(SampleAlerts.HOST);
        assertThat(e.at("/unmapped/tcontext/type").asText()).isEqualTo("container_runtime_t");
        assertThat(e.at("/unmapped/scontext/categories").asText()).isEqualTo("c170,c393");
    }

    @Test
    void aCrossContainerAlertListsTheTargetAsAffectedResource() throws Exception {
        final JsonNode e = event(SampleAlerts.crossContainer());
        assertThat(e.at("/resources/0/name").asText()).isEqualTo("ci-builder");
        assertThat(e.at("/resources/0/type").asText()).isEqualTo("container");
    }
}
