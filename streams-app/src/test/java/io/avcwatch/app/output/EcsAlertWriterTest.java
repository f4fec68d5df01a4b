package io.avcwatch.app.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.avcwatch.schemas.Alert;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EcsAlertWriterTest {
    private static final EcsReference ECS = EcsReference.load();
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final EcsAlertWriter writer = new EcsAlertWriter();

    static List<Alert> alerts() {
        return SampleAlerts.all();
    }

    private JsonNode doc(final Alert alert) throws Exception {
        return MAPPER.readTree(writer.line(alert));
    }

    @ParameterizedTest
    @MethodSource("alerts")
    void everyFieldIsEcsWithItsTypeOrUnderTheCustomNamespace(final Alert alert) throws Exception {
        assertThat(ECS.violations(doc(alert), EcsAlertWriter.NAMESPACE)).isEmpty();
    }

    @Test
    void theCustomNamespaceIsNotAnEcsFieldSet() {
        final List<String> clashes = new ArrayList<>();
        for (String candidate : List.of(EcsAlertWriter.NAMESPACE, EcsAlertWriter.NAMESPACE + ".scontext")) {
            if (ECS.has(candidate)) {
                clashes.add(candidate);
            }
        }
        assertThat(clashes).isEmpty();
    }

    @Test
    void anEscapeAttemptIsAnAlertWithMitreTechniquesAndTactics() throws Exception {
        final JsonNode d = doc(SampleAlerts.secretRead());
        assertThat(d.at("/event/kind").asText()).isEqualTo("alert");
        assertThat(d.at("/event/category/0").asText()).isEqualTo("intrusion_detection");
        assertThat(d.at("/event/type/0").asText()).isEqualTo("denied");
        assertThat(d.at("/event/outcome").asText()).isEqualTo("failure");
        assertThat(d.at("/@timestamp").asText()).isEqualTo("2025-12-05T21:50:44.065Z");
        assertThat(d.at("/ecs/version").asText()).isEqualTo("9.4.0");
        assertThat(d.at("/threat/framework").asText()).isEqualTo("MITRE ATT&CK");
        assertThat(texts(d.at("/threat/technique/id"))).containsExactly("T1611", "T1003", "T1552");
        assertThat(texts(d.at("/threat/technique/subtechnique/id"))).containsExactly("T1003.008", "T1552.001");
        assertThat(texts(d.at("/threat/tactic/id"))).containsExactly("TA0004", "TA0006");
        assertThat(texts(d.at("/threat/tactic/name"))).containsExactly("Privilege Escalation", "Credential Access");
        assertThat(d.at("/rule/id").asText()).isEqualTo("container-reads-host-secrets");
        assertThat(d.at("/container/name").asText()).isEqualTo("ci-builder");
        assertThat(d.at("/container/image/name").asText()).isEqualTo("quay.io/buildah/stable:v1.35");
        assertThat(d.at("/file/path").asText()).isEqualTo("/etc/shadow");
        assertThat(d.at("/file/name").asText()).isEqualTo("shadow");
        assertThat(d.at("/process/pid").asLong()).isEqualTo(4242);
        assertThat(d.at("/event/start").asText()).isEqualTo("2025-12-05T21:50:44.065Z");
        assertThat(d.at("/event/end").asText()).isEqualTo("2025-12-05T21:50:50Z");
        assertThat(d.at("/event/severity").asLong()).isEqualTo(73);
    }

    @Test
    void bothSelinuxContextsAreSplitUnderTheCustomNamespace() throws Exception {
        final JsonNode ns = doc(SampleAlerts.apiSocket()).get(EcsAlertWriter.NAMESPACE);
        assertThat(ns.at("/scontext/raw").asText()).isEqualTo("system_u:system_r:container_t:s0:c170,c393");
        assertThat(ns.at("/scontext/user").asText()).isEqualTo("system_u");
        assertThat(ns.at("/scontext/role").asText()).isEqualTo("system_r");
        assertThat(ns.at("/scontext/type").asText()).isEqualTo("container_t");
        assertThat(ns.at("/scontext/level").asText()).isEqualTo("s0:c170,c393");
        assertThat(ns.at("/scontext/categories").asText()).isEqualTo("c170,c393");
        assertThat(ns.at("/tcontext/type").asText()).isEqualTo("container_runtime_t");
        assertThat(ns.at("/tcontext/sensitivity").asText()).isEqualTo("s0");
        assertThat(ns.at("/tcontext/categories").isMissingNode()).isTrue();
        assertThat(ns.at("/tclass").asText()).isEqualTo("unix_stream_socket");
        assertThat(texts(ns.at("/perms"))).containsExactly("connectto");
        assertThat(ns.at("/audit/serial").asLong()).isEqualTo(86657);
    }

    @Test
    void aRangeUsesTheHighLevelAndAStateChangeIsAConfigurationChange() throws Exception {
        final JsonNode d = doc(SampleAlerts.setenforce());
        assertThat(d.at("/avcwatch/scontext/level").asText()).isEqualTo("s0-s0:c0.c1023");
        assertThat(d.at("/avcwatch/scontext/categories").asText()).isEqualTo("c0.c1023");
        assertThat(d.at("/event/category/0").asText()).isEqualTo("configuration");
        assertThat(d.at("/event/type/0").asText()).isEqualTo("change");
        assertThat(d.has("container")).isFalse();
    }

    @Test
    void aPermissiveDenialWasAllowed() throws Exception {
        final JsonNode d = doc(SampleAlerts.crossContainer());
        assertThat(d.at("/event/type/0").asText()).isEqualTo("allowed");
        assertThat(d.at("/event/outcome").asText()).isEqualTo("success");
        assertThat(d.at("/avcwatch/target_container/name").asText()).isEqualTo("ci-builder");
        assertThat(d.at("/avcwatch/container_candidates").size()).isEqualTo(2);
        assertThat(d.at("/file/name").asText()).isEqualTo("data");
        assertThat(d.at("/file/path").isMissingNode()).isTrue();
    }

    @Test
    void anUnknownTechniqueIdIsKeptWithoutInventingATactic() throws Exception {
        final JsonNode d = doc(SampleAlerts.hostile());
        assertThat(texts(d.at("/threat/technique/id"))).containsExactly("T1611", "T9999");
        assertThat(texts(d.at("/threat/tactic/id"))).containsExactly("TA0004");
    }

    static List<String> texts(final JsonNode array) {
        final List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
