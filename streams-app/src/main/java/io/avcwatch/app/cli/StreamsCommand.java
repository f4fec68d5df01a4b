package io.avcwatch.app.cli;

import io.avcwatch.app.observe.StreamsObserver;
import io.avcwatch.app.rules.Detector;
import io.avcwatch.app.streams.StreamsRunner;
import io.avcwatch.app.topology.AvcwatchTopology;
import io.avcwatch.app.topology.CoPartitioning;
import io.avcwatch.app.topology.StreamsProperties;
import io.avcwatch.app.topology.TopologyConfig;
import io.avcwatch.schemas.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code avcwatch streams}: runs the topology until Ctrl-C or SIGTERM; start more copies to scale out. */
@Command(name = "streams", mixinStandardHelpOptions = true,
        description = {"Run the Kafka Streams topology (exactly-once): audit.raw and avc.containers in;"
                + " audit.events, avc.denials, avc.mac-events and audit.deadletter out.",
                "Start more copies with the same --topic-prefix to scale out."})
public final class StreamsCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(StreamsCommand.class);
    /** Where {@code /metrics}, {@code /health} and {@code /api} listen unless told otherwise. */
    public static final int DEFAULT_HTTP_PORT = 9470;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    private KafkaOptions kafka;

    @Mixin
    private HttpOptions http;

    @Option(names = "--state-dir", paramLabel = "DIR", defaultValue = "${user.home}/.avcwatch/streams-state",
            description = "Local state (RocksDB, checkpoints); keep it across restarts (default: ${DEFAULT-VALUE}).")
    private Path stateDir;

    @Option(names = "--application-id", paramLabel = "ID",
            description = "Kafka Streams application id (default: avcwatch-streams, or one per --topic-prefix).")
    private String applicationId;

    @Option(names = "--inventory-grace", paramLabel = "DURATION", defaultValue = "2s",
            description = "How long a denial waits for late container inventory, e.g. 2s, 500ms, 0"
                    + " (default: ${DEFAULT-VALUE}). Only a denial whose container is not known yet waits, and the later"
                    + " events of its host wait behind it.")
    private String inventoryGrace;

    @Option(names = "--storm-window", paramLabel = "DURATION", defaultValue = "1m",
            description = "Repeats of one container, rule and severity within this much event time are folded into"
                    + " one alert with a count, e.g. 1m, 10m (default: ${DEFAULT-VALUE}).")
    private String stormWindow;

    @Override
    public Integer call() throws InterruptedException {
        final String prefix = kafka.topicPrefix();
        try {
            Topics.checkPrefix(prefix);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage(), e);
        }
        final Duration window = parseDuration("--storm-window", stormWindow);
        if (window.isZero()) {
            throw new UserException("--storm-window must be longer than 0");
        }
        final TopologyConfig config = TopologyConfig.defaults().withTopicPrefix(prefix)
                .withInventoryGrace(parseDuration("--inventory-grace", inventoryGrace)).withStormWindow(window);
        final String appId = applicationId != null ? applicationId : StreamsProperties.applicationId(prefix);
        final Properties props = StreamsProperties.of(appId, kafka.clientProperties(), stateDir);
        final StreamsObserver observer = http.open(DEFAULT_HTTP_PORT, spec.commandLine().getErr(), StreamsObserver::open);
        try (Admin admin = Admin.create(kafka.clientProperties())) {
            CoPartitioning.require(admin, prefix);
        } catch (IllegalStateException e) {
            observer.close();
            throw new UserException(e.getMessage(), e);
        } catch (KafkaException e) {
            // not reachable yet: Kafka Streams waits for the cluster anyway; the check is for a reachable one
            LOG.warn("cannot check the partition counts of audit.raw and avc.containers: {}", e.getMessage());
        }
        final StreamsRunner runner = StreamsRunner.start(
                AvcwatchTopology.build(config, Detector.builtIn(), observer.meters()), observer.streamsProperties(props));
        observer.attach(runner.streams());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            runner.close();
            observer.close();
        }, "avcwatch-streams-shutdown"));
        spec.commandLine().getErr().println("avcwatch: streams " + appId + " started against " + kafka.bootstrap()
                + (observer.port() < 0 ? "" : "; metrics and API on port " + observer.port()) + "; Ctrl-C stops it");
        spec.commandLine().getErr().flush();
        runner.awaitStopped();
        return runner.failure() == null ? ExitCodes.OK : ExitCodes.SOFTWARE;
    }

    private static UserException notADuration(final String option, final String text) {
        return new UserException(option + ": not a duration: " + text + " (try 2s, 500ms, 1m)");
    }

    /** {@code 2s}, {@code 500ms}, {@code 1m}, {@code 0} or ISO-8601 ({@code PT2S}). */
    static Duration parseDuration(final String option, final String text) {
        final String t = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (t.equals("0")) {
                return Duration.ZERO;
            }
            if (t.startsWith("pt")) {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            }
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            final long n = Long.parseLong(t.substring(0, t.length() - 1));
            switch (t.charAt(t.length() - 1)) {
                case 's': return Duration.ofSeconds(n);
                case 'm': return Duration.ofMinutes(n);
                case 'h': return Duration.ofHours(n);
                default: break;
            }
        } catch (RuntimeException e) {
            throw notADuration(option, text);
        }
        throw notADuration(option, text);
    }
}
