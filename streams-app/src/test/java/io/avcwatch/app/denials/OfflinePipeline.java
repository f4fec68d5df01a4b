package io.avcwatch.app.denials;

import com.fasterxml.jackson.databind.JsonNode;
import io.avcwatch.app.rules.Detector;
import io.avcwatch.app.rules.HostState;
import io.avcwatch.app.rules.StormAggregator;
import io.avcwatch.app.rules.StormState;
import io.avcwatch.parsers.AuditEvent;
import io.avcwatch.parsers.AuditLineParser;
import io.avcwatch.parsers.AuditRecord;
import io.avcwatch.parsers.ParseResult;
import io.avcwatch.parsers.assemble.AssemblerSettings;
import io.avcwatch.parsers.assemble.EventAssembler;
import io.avcwatch.schemas.Alert;
import io.avcwatch.schemas.AvcDenial;
import io.avcwatch.schemas.ContainerInstance;
import io.avcwatch.schemas.ContainerLabel;
import io.avcwatch.schemas.ContainerMount;
import io.avcwatch.schemas.ContainerRef;
import io.avcwatch.schemas.Json;
import io.avcwatch.schemas.MacEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The detection half of the pipeline without Kafka, for tests: parse, assemble, build denials,
 * attribute containers with a small lookup over the inspect JSON (the real, time-scoped
 * correlation is the topology's), detect, fold storms. Not production code.
 */
final class OfflinePipeline {
    private final Detector detector = Detector.builtIn();
    private final StormAggregator storms = new StormAggregator(Duration.ofSeconds(60));
    private final Map<String, HostState> hosts = new HashMap<>();
    private final Map<String, StormState> open = new LinkedHashMap<>();
    private final Map<String, List<ContainerInstance>> inventory = new HashMap<>();
    private final List<Alert> alerts = new ArrayList<>();
    private String defaultHost = "localhost";
    private Instant reference = Instant.now();

    /** Loads one host's inspect JSON array and raises the inventory alerts (H6). */
    void inventory(final String host, final Path inspectJson) throws IOException {
        inventory(host, Files.readString(inspectJson));
    }

    /** {@link #inventory(String, Path)} from the JSON text. */
    void inventory(final String host, final String inspectJson) throws IOException {
        final List<ContainerInstance> list = new ArrayList<>();
        for (final JsonNode c : Json.newMapper().readTree(inspectJson)) {
            final List<ContainerMount> mounts = new ArrayList<>();
            for (final JsonNode m : c.path("Mounts")) {
                mounts.add(new ContainerMount(m.path("Type").asText(null), m.path("Source").asText(null),
                        m.path("Destination").asText(null), m.path("RW").asBoolean(true)));
            }
            final List<String> opts = new ArrayList<>();
            c.path("HostConfig").path("SecurityOpt").forEach(o -> opts.add(o.asText()));
            final String finished = c.path("State").path("FinishedAt").asText("");
            list.add(new ContainerInstance(c.path("Id").asText(), c.path("Name").asText().replaceFirst("^/", ""),
                    c.path("Config").path("Image").asText(null), "docker", c.path("ProcessLabel").asText(""),
                    c.path("MountLabel").asText(null), Instant.parse(c.path("State").path("StartedAt").asText()),
                    finished.startsWith("0001") || finished.isEmpty() ? null : Instant.parse(finished),
                    c.path("HostConfig").path("Privileged").asBoolean(false), opts,
                    c.path("HostConfig").path("PidMode").asText(""), c.path("HostConfig").path("NetworkMode").asText(""),
                    mounts, c.path("HostConfig").path("IpcMode").asText(null)));
        }
        inventory.put(host, list);
        for (final ContainerInstance c : list) {
            detector.onContainer(new ContainerLabel(host, categories(c.processLabel()), List.of(c), null))
                    .forEach(this::offer);
        }
    }

    void run(final Path log) throws IOException {
        run(Files.readAllLines(log), "localhost", Instant.now());
    }

    /**
     * Runs one log's lines; {@code defaultHost} stands for records that name no host (the tailer's
     * {@code --host}), {@code reference} dates year-less syslog stamps.
     */
    void run(final List<String> lines, final String defaultHost, final Instant reference) {
        this.defaultHost = defaultHost;
        this.reference = reference;
        final EventAssembler assembler = new EventAssembler(AssemblerSettings.DEFAULT, this::onEvent);
        for (final String line : lines) {
            final ParseResult r = AuditLineParser.parse(line);
            if (r instanceof AuditRecord) {
                assembler.accept((AuditRecord) r);
            }
        }
        assembler.flush();
    }

    /** Every alert emitted, after closing the open storms. */
    List<Alert> finish() {
        open.values().forEach(s -> alerts.addAll(storms.flush(s)));
        open.clear();
        return List.copyOf(alerts);
    }

    private void onEvent(final AuditEvent event) {
        final String host = DenialBuilder.hostOf(event, defaultHost, reference);
        for (final MacEvent m : MacEvents.build(event, host, reference)) {
            final Detector.MacOutcome out = detector.onMacEvent(m, hosts.getOrDefault(host, HostState.unknown(host)));
            hosts.put(host, out.hostState());
            out.alert().ifPresent(this::offer);
        }
        for (final AvcDenial d : DenialBuilder.build(event, host, reference)) {
            final List<ContainerInstance> holders = holders(host, d);
            final AvcDenial attributed = holders.size() == 1
                    ? d.toBuilder().container(holders.get(0).ref()).build()
                    : d.toBuilder().candidates(holders.stream().map(ContainerInstance::ref).toList()).build();
            final HostState before = hosts.getOrDefault(host, HostState.unknown(host));
            detector.onDenial(attributed, before, holders.size() == 1 ? holders.get(0) : null).ifPresent(this::offer);
            hosts.put(host, detector.hostStateAfter(attributed, before));
        }
    }

    private void offer(final Alert a) {
        final String key = StormAggregator.keyOf(a);
        final StormAggregator.Step step = storms.offer(open.get(key), a);
        alerts.addAll(step.emit());
        if (step.state() == null) {
            open.remove(key);
        } else {
            open.put(key, step.state());
        }
    }

    private List<ContainerInstance> holders(final String host, final AvcDenial d) {
        if (d.scontext() == null || d.scontext().categories() == null || d.scontext().categories().isEmpty()) {
            return List.of();
        }
        final List<ContainerInstance> out = new ArrayList<>();
        for (final ContainerInstance c : inventory.getOrDefault(host, List.of())) {
            if (d.scontext().categories().equals(categories(c.processLabel())) && c.heldLabelAt(d.event().time())) {
                out.add(c);
            }
        }
        return out;
    }

    /** Canonical categories of a label, via the parser (handles user order such as c393,c170). */
    private static String categories(final String label) {
        if (label == null || label.isEmpty()) {
            return "";
        }
        return io.avcwatch.parsers.selinux.SecurityContext.parse(label)
                .map(ctx -> ctx.categories().toString()).orElse("");
    }

    static List<String> jsonLines(final List<Alert> alerts) {
        return alerts.stream().map(Json::toJson).toList();
    }

    static ContainerRef refOf(final ContainerInstance c) {
        return c.ref();
    }

    static void forEach(final List<Alert> alerts, final Consumer<Alert> f) {
        alerts.forEach(f);
    }
}
