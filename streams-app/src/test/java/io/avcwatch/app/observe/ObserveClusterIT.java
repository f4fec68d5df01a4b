package io.avcwatch.app.observe;

import static org.assertj.core.api.Assertions.assertThat;

import io.avcwatch.app.analyze.CommittedReader;
import io.avcwatch.app.broker.EmbeddedBrokerExtension;
import io.avcwatch.app.cli.AvcwatchCommand;
import io.avcwatch.app.cli.ExitCodes;
import io.avcwatch.app.rules.Detector;
import io.avcwatch.app.streams.StreamsRunner;
import io.avcwatch.app.topology.AvcwatchTopology;
import io.avcwatch.app.topology.StreamsProperties;
import io.avcwatch.app.topology.TopologyConfig;
import io.avcwatch.schemas.Alert;
import io.avcwatch.schemas.AvcDenial;
import io.avcwatch.schemas.Json;
import io.avcwatch.schemas.Topics;
import io.avcwatch.tailer.ExactlyOnceTailer;
import io.avcwatch.tailer.metrics.TailerMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of the application in one JVM against the embedded broker, each with its own HTTP server on
 * loopback: the demo scenario is tailed in (one host through {@link ExactlyOnceTailer} with its meters), and
 * then each instance serves the recent alerts and the per-container denial counts the other one holds (every
 * container's count, as {@code avc.denials} has it, from either instance), and {@code /metrics} shows the meters
 * moving.
 */
class ObserveClusterIT {
    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final Path DEMO = Path.of("..", "examples", "demo");
    private static final List<String> HOSTS = List.of("node-alpha1", "node-delta0");
    private static final Pattern SAMPLE = Pattern.compile("(?m)^(\\w+)(\\{[^}]*})? ([-0-9.eE+NaInf]+)$");

    @RegisterExtension
    static final EmbeddedBrokerExtension broker = EmbeddedBrokerExtension.withLiveTopics();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path tmp;

    @Test
    void eachInstanceServesTheOthersAlertsAndDenialsAndMetricsMove() throws Exception {
        final Instance a = Instance.start(tmp.resolve("a"));
        final Instance b = Instance.start(tmp.resolve("b"));
        try (a; b) {
            a.runner.awaitRunning(DEADLINE);
            b.runner.awaitRunning(DEADLINE);
            await("both instances own partitions of every API store", () -> ownsPartitions(a) && ownsPartitions(b)
                    && a.runner.streams().state().isRunningOrRebalancing() && get(a, "/health").statusCode() == 200
                    && get(b, "/health").statusCode() == 200);

            for (final String host : HOSTS) {
                assertThat(AvcwatchCommand.commandLine().execute("inventory", "import",
                        DEMO.resolve(host + ".inspect.json").toString(), "--host", host,
                        "--bootstrap", broker.bootstrapServers())).isEqualTo(ExitCodes.OK);
            }
            final long lines = tailDemo();

            await("every line read", () -> sum(scrape(a), "avcwatch_audit_records_total")
                    + sum(scrape(b), "avcwatch_audit_records_total") >= lines);
            await("alerts in both recent-alert views", () -> !localAlerts(a).isEmpty() || !localAlerts(b).isEmpty());

            // Recent alerts: each instance merges its own partitions with the other's.
            await("each instance serves every instance's recent alerts", () -> {
                final Set<String> union = ids(localAlerts(a));
                union.addAll(ids(localAlerts(b)));
                return ids(alerts(a, "")).equals(union) && ids(alerts(b, "")).equals(union);
            });

            assertThat(get(a, "/api/alerts/recent?limit=0").statusCode()).isEqualTo(400);

            // Denials per container: each instance answers for every container, whichever owns its count.
            final AtomicReference<Map<String, Long>> committed = new AtomicReference<>(Map.of());
            await("each instance serves every container's denial count, as committed", () -> {
                committed.set(denialsPerContainer()); // re-read: denials of the last quiet-host flush may follow
                return !committed.get().isEmpty() && committed.get().entrySet().stream().allMatch(e ->
                        denials(a, e.getKey()) == e.getValue() && denials(b, e.getKey()) == e.getValue());
            });
            final Map<String, Long> expected = committed.get();
            assertThat(owners(a, expected.keySet())).as("some counts are held by each instance, so each one"
                    + " answered from the other's store").containsExactlyInAnyOrder(a.observer.port(), b.observer.port());
            assertThat(get(a, "/api/containers/no-such-container/denials").statusCode()).isEqualTo(404);
            assertThat(get(b, "/api/containers/no-such-container/denials").statusCode()).isEqualTo(404);

            final String metricsA = scrape(a);
            final String metricsB = scrape(b);
            assertThat(sum(metricsA, "avcwatch_alerts_total") + sum(metricsB, "avcwatch_alerts_total")).isPositive();
            assertThat(sum(metricsA, "avcwatch_audit_events_total") + sum(metricsB, "avcwatch_audit_events_total"))
                    .isPositive();
            assertThat(metricsA + metricsB).contains("avcwatch_audit_events_lost_total")
                    .contains("kafka_consumer_fetch_manager_records_lag_max")
                    .contains("avcwatch_inventory_labels");
            await("inventory gauges count the demo's labels", () -> finite(scrape(a), "avcwatch_inventory_labels")
                    + finite(scrape(b), "avcwatch_inventory_labels") > 0);
        }
    }

    /** Ships node-alpha1 with the exactly-once tailer (and its meters), node-delta0 the same way; returns lines. */
    private long tailDemo() throws Exception {
        long total = 0;
        final PrometheusMeterRegistry registry = Registries.prometheus();
        final List<ExactlyOnceTailer> tailers = new ArrayList<>();
        final List<Thread> threads = new ArrayList<>();
        for (final String host : HOSTS) {
            final Path file = tmp.resolve(host + ".audit.log");
            Files.copy(DEMO.resolve(host + ".audit.log"), file);
            total += Files.readAllLines(file).size();
            final Properties client = new Properties();
            client.setProperty("bootstrap.servers", broker.bootstrapServers());
            final ExactlyOnceTailer tailer = new ExactlyOnceTailer(new ExactlyOnceTailer.Settings(file, host,
                    Topics.AUDIT_RAW.name(""), Topics.TAILER_CHECKPOINTS.name(""), client, Duration.ofMillis(50)),
                    new TailerMetrics(registry, host, file.toString()));
            tailers.add(tailer);
            final Thread t = new Thread(tailer, "tail-" + host);
            t.start();
            threads.add(t);
        }
        final long expected = total;
        try {
            await("tailers shipped every line", () -> tailers.stream().mapToLong(ExactlyOnceTailer::shippedLines).sum()
                    == expected);
            final String text = registry.scrape();
            assertThat(sum(text, "avcwatch_tailer_lines_shipped_total")).isEqualTo(expected);
            assertThat(sum(text, "avcwatch_tailer_connected")).isEqualTo(HOSTS.size());
            assertThat(text).contains("kafka_producer_record_send_total");
        } finally {
            tailers.forEach(ExactlyOnceTailer::close);
            for (final Thread t : threads) {
                t.join(DEADLINE.toMillis());
            }
            registry.close();
        }
        return total;
    }

    /** Denials per subject container id, from {@code avc.denials} as committed: what the API must count. */
    private static Map<String, Long> denialsPerContainer() {
        final Properties client = new Properties();
        client.setProperty("bootstrap.servers", broker.bootstrapServers());
        final Map<String, Long> counts = new TreeMap<>();
        for (final AvcDenial d : CommittedReader.readAll(client, Topics.AVC_DENIALS, "")) {
            if (d.container() != null) {
                counts.merge(d.container().id(), 1L, Long::sum);
            }
        }
        return counts;
    }

    /** {@code denials} of {@code GET /api/containers/ID/denials} on {@code i}, or -1 when it did not answer 200. */
    private long denials(final Instance i, final String id) {
        final HttpResponse<String> r = get(i, "/api/containers/" + id + "/denials");
        return r.statusCode() == 200 ? Json.fromJson(r.body(), ContainerDenials.class).denials() : -1;
    }

    /** The HTTP ports of the instances that own the denial counts of {@code ids}. */
    private static Set<Integer> owners(final Instance i, final Set<String> ids) {
        final Set<Integer> ports = new HashSet<>();
        for (final String id : ids) {
            ports.add(i.runner.streams().queryMetadataForKey(ApiViews.CONTAINER_DENIALS_STORE, id,
                    Serdes.String().serializer()).activeHost().port());
        }
        return ports;
    }

    private static boolean ownsPartitions(final Instance instance) {
        final var mine = instance.runner.streams().metadataForLocalThreads();
        final boolean any = mine.stream().anyMatch(t -> !t.activeTasks().isEmpty());
        final var all = instance.runner.streams().streamsMetadataForStore(ApiViews.CONTAINER_DENIALS_STORE);
        return any && all.size() == 2 && all.stream().allMatch(m -> !m.topicPartitions().isEmpty())
                && all.stream().map(StreamsMetadata::hostInfo).distinct().count() == 2;
    }

    private List<Alert> localAlerts(final Instance i) {
        return alerts(i, "&scope=local");
    }

    private List<Alert> alerts(final Instance i, final String extra) {
        final HttpResponse<String> r = get(i, "/api/alerts/recent?limit=1000" + extra);
        return r.statusCode() == 200 ? List.of(Json.fromJson(r.body(), Alert[].class)) : List.of();
    }

    private static Set<String> ids(final List<Alert> alerts) {
        final Set<String> ids = new HashSet<>();
        alerts.forEach(x -> ids.add(x.alertId()));
        return ids;
    }

    private String scrape(final Instance i) {
        return get(i, "/metrics").body();
    }

    private HttpResponse<String> get(final Instance i, final String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + i.port() + path))
                    .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException("GET " + path + " failed", e);
        }
    }

    /** The sum of every sample of {@code metric} (all label sets). */
    static double sum(final String text, final String metric) {
        double total = 0;
        final Matcher m = SAMPLE.matcher(text);
        while (m.find()) {
            if (m.group(1).equals(metric)) {
                total += Double.parseDouble(m.group(3));
            }
        }
        return total;
    }

    private static double finite(final String text, final String metric) {
        final double v = sum(text, metric);
        return Double.isNaN(v) ? 0 : v;
    }

    private static void await(final String what, final BooleanSupplier condition) {
        final Instant deadline = Instant.now().plus(DEADLINE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + DEADLINE + ": " + what);
            }
            // the polling interval between checks, not a guess at how long the outcome takes
            LockSupport.parkNanos(100_000_000L);
        }
    }

    /** One application instance with its observer. */
    private record Instance(String name, StreamsObserver observer, StreamsRunner runner) implements AutoCloseable {
        static Instance start(final Path stateDir) throws Exception {
            final StreamsObserver observer = StreamsObserver.open(HttpSettings.loopback(0));
            final Properties client = new Properties();
            client.setProperty("bootstrap.servers", broker.bootstrapServers());
            final Properties props = observer.streamsProperties(
                    StreamsProperties.of("observe-it", client, stateDir));
            final StreamsRunner runner = StreamsRunner.start(AvcwatchTopology.build(
                    TopologyConfig.defaults(), Detector.builtIn(), observer.meters()), props);
            observer.attach(runner.streams());
            return new Instance(stateDir.getFileName().toString(), observer, runner);
        }

        int port() {
            return observer.port();
        }

        @Override
        public void close() {
            runner.close();
            observer.close();
        }
    }
}
