package io.avcwatch.app.denials;

import static org.assertj.core.api.Assertions.assertThat;

import io.avcwatch.app.rules.Detector;
import io.avcwatch.app.rules.HostState;
import io.avcwatch.app.rules.Severities;
import io.avcwatch.parsers.AuditEvent;
import io.avcwatch.parsers.AuditLineParser;
import io.avcwatch.parsers.AuditRecord;
import io.avcwatch.parsers.ParseResult;
import io.avcwatch.parsers.assemble.AssemblerSettings;
import io.avcwatch.parsers.assemble.EventAssembler;
import io.avcwatch.schemas.Alert;
import io.avcwatch.schemas.AvcDenial;
import io.avcwatch.schemas.ContainerInstance;
import io.avcwatch.schemas.ContainerMount;
import io.avcwatch.schemas.MacEvent;
import io.avcwatch.schemas.Severity;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * One case per catalog rule and per benign pattern ({@code rules/catalog-cases.yaml}): real or
 * catalog audit lines go through the real parser, denial building and the built-in rules.
 */
class CatalogCasesTest {
    private static final Detector DETECTOR = Detector.builtIn();

    @SuppressWarnings("unchecked")
    static Stream<Named<Map<String, Object>>> cases() throws Exception {
        try (InputStream in = CatalogCasesTest.class.getResourceAsStream("/rules/catalog-cases.yaml")) {
            final Map<String, Object> doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            return ((List<Map<String, Object>>) doc.get("cases")).stream()
                    .map(c -> Named.of((String) c.get("name"), c));
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void caseMatchesItsRuleAndSeverity(final Map<String, Object> c) {
        final Optional<Alert> alert = alertFor((String) c.get("lines"), c);

        if (Boolean.TRUE.equals(c.get("no_alert"))) {
            assertThat(alert).isEmpty();
            return;
        }
        if (c.containsKey("max_severity")) {
            alert.ifPresent(a -> assertThat(Severities.atLeast(Severities.parse((String) c.get("max_severity")).orElseThrow(),
                    a.severity())).as(a.rule() + " " + a.severity().label()).isTrue());
            return;
        }
        assertThat(alert).isPresent();
        assertThat(alert.get().rule()).isEqualTo(c.get("rule"));
        assertThat(alert.get().severity().label()).isEqualTo(c.get("severity"));
        assertThat(alert.get().summary()).doesNotContain("{");
    }

    /**
     * The same AVC with {@code permissive=1} (the access happened): an escape case must not drop
     * in severity and must reach critical where its rule has a permissive tier; a benign pattern
     * must still stay below high (detections.md §1, §4).
     */
    @ParameterizedTest
    @MethodSource("cases")
    void permissiveOneEscalatesEscapesAndKeepsBenignBelowHigh(final Map<String, Object> c) {
        final String lines = (String) c.get("lines");
        if (!lines.contains(" permissive=0") || c.containsKey("host_enforcing")) {
            return;
        }
        final Optional<Alert> enforced = alertFor(lines, c);
        final Optional<Alert> permissive = alertFor(lines.replace(" permissive=0", " permissive=1"), c);
        if (c.containsKey("rule")) {
            assertThat(permissive).isPresent();
            assertThat(Severities.atLeast(permissive.get().severity(), enforced.orElseThrow().severity()))
                    .as(permissive.get().rule() + " " + permissive.get().severity().label()).isTrue();
            assertThat(permissive.get().permissive()).isTrue();
            final boolean hasPermissiveTier = DETECTOR.rules().rules().stream().anyMatch(r -> r.id().equals(
                    permissive.get().rule()) && r.severity().permissive() != r.severity().enforcing());
            if (hasPermissiveTier && enforced.get().severity() != Severity.CRITICAL) {
                assertThat(permissive.get().severity().ordinal()).as(permissive.get().rule() + " escalates")
                        .isLessThan(enforced.get().severity().ordinal());
            }
        } else {
            permissive.ifPresent(a -> assertThat(a.severity().ordinal()).as(a.rule() + " " + a.severity().label())
                    .isGreaterThan(Severity.HIGH.ordinal()));
        }
    }

    private static Optional<Alert> alertFor(final String lines, final Map<String, Object> c) {
        final List<AuditEvent> events = new ArrayList<>();
        final EventAssembler assembler = new EventAssembler(AssemblerSettings.DEFAULT, events::add);
        for (final String line : lines.split("\n")) {
            final ParseResult r = AuditLineParser.parse(line.replace("\\x1d", String.valueOf(AuditLineParser.ENRICHED_SEPARATOR)));
            assertThat(r).as(line).isInstanceOf(AuditRecord.class);
            assembler.accept((AuditRecord) r);
        }
        assembler.flush();
        assertThat(events).hasSize(1);
        return detect(events.get(0), c);
    }

    private static Optional<Alert> detect(final AuditEvent event, final Map<String, Object> c) {
        HostState host = HostState.unknown("h");
        if (c.containsKey("host_enforcing")) {
            host = host.withMode((Boolean) c.get("host_enforcing"), 0, 0);
        }
        final List<MacEvent> macs = MacEvents.build(event, "h");
        if (!macs.isEmpty()) {
            return DETECTOR.onMacEvent(macs.get(0), host).alert();
        }
        final List<AvcDenial> denials = DenialBuilder.build(event, "h");
        if (denials.isEmpty() && Boolean.TRUE.equals(c.get("no_alert"))) {
            return Optional.empty();
        }
        assertThat(denials).hasSize(1);
        return DETECTOR.onDenial(denials.get(0), host, container(c));
    }

    @SuppressWarnings("unchecked")
    private static ContainerInstance container(final Map<String, Object> c) {
        final Map<String, Object> spec = (Map<String, Object>) c.get("container");
        if (spec == null) {
            return null;
        }
        final List<ContainerMount> mounts = new ArrayList<>();
        for (final Map<String, Object> m : (List<Map<String, Object>>) spec.getOrDefault("mounts", List.of())) {
            mounts.add(new ContainerMount("bind", (String) m.get("source"), (String) m.get("destination"), true));
        }
        return new ContainerInstance("c0ffee", "case", (String) spec.get("image"), "docker",
                "system_u:system_r:container_t:s0:c1,c2", null, Instant.EPOCH, null, false, List.of(), "", "bridge", mounts);
    }
}
