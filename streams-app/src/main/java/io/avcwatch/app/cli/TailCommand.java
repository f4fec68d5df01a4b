package io.avcwatch.app.cli;

import io.avcwatch.app.observe.Health;
import io.avcwatch.app.observe.ObserveServer;
import io.avcwatch.app.observe.Registries;
import io.avcwatch.tailer.ExactlyOnceTailer;
import io.avcwatch.tailer.HostName;
import io.avcwatch.tailer.RawRecordFactory;
import io.avcwatch.tailer.StreamShipper;
import io.avcwatch.tailer.StreamSource;
import io.avcwatch.tailer.TailerTopics;
import io.avcwatch.tailer.TopicSpec;
import io.avcwatch.tailer.metrics.TailerMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code avcwatch tail}: follows an audit log (exactly once, see {@link ExactlyOnceTailer}) or reads
 * the auditd plugin stream on stdin, and ships every line to {@code audit.raw}.
 */
@Command(name = "tail", mixinStandardHelpOptions = true,
        description = "Follow an audit log like tail -F (or read an auditd plugin stream) and ship it to Kafka.")
public final class TailCommand implements Callable<Integer> {
    /** Where {@code /metrics} and {@code /health} listen unless told otherwise (streams uses 9470). */
    public static final int DEFAULT_HTTP_PORT = 9471;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    private KafkaOptions kafka;

    @Mixin
    private HttpOptions http;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Input input;

    /** Where lines come from: exactly one of the two. */
    static final class Input {
        @Option(names = "--file", paramLabel = "PATH",
                description = "Log file to follow through rotation and truncation; it may not exist yet.")
        Path file;

        @Option(names = "--stdin", description = "Read an auditd plugin stream (format = string) from stdin.")
        boolean stdin;
    }

    @Option(names = "--host", paramLabel = "NAME",
            description = "Key for lines without node= (default: this machine's hostname).")
    private String host;

    @Option(names = "--poll-interval", paramLabel = "MS", defaultValue = "100",
            description = "Milliseconds to wait when the file has nothing new (default: ${DEFAULT-VALUE}).")
    private long pollMillis;

    @Override
    public Integer call() throws IOException {
        if (input.file != null && Files.isDirectory(input.file)) {
            throw new UserException("--file " + input.file + " is a directory");
        }
        if (pollMillis < 1) {
            throw new UserException("--poll-interval must be at least 1 ms");
        }
        final String key = host != null ? host : HostName.local();
        final TopicSpec raw = TailerTopics.raw(kafka.topicPrefix());
        final TopicSpec checkpoints = TailerTopics.checkpoints(kafka.topicPrefix());
        final PrometheusMeterRegistry registry = Registries.prometheus();
        final ObserveServer server = http.open(DEFAULT_HTTP_PORT, spec.commandLine().getErr(),
                s -> s.enabled() ? ObserveServer.start(s, registry) : null);
        try {
            TopicSetup.ensureWaiting(kafka.clientProperties(), input.stdin ? List.of(raw) : List.of(raw, checkpoints));
            return input.stdin ? shipStdin(key, raw.name(), server)
                    : follow(key, raw.name(), checkpoints.name(), registry, server);
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    private int follow(final String key, final String rawTopic, final String checkpointTopic,
            final PrometheusMeterRegistry registry, final ObserveServer server) {
        final ExactlyOnceTailer tailer = new ExactlyOnceTailer(new ExactlyOnceTailer.Settings(
                input.file, key, rawTopic, checkpointTopic, kafka.clientProperties(), Duration.ofMillis(pollMillis)),
                new TailerMetrics(registry, key, input.file.toString()));
        if (server != null) {
            server.serveHealth(() -> new Health(tailer.connected() && tailer.failure() == null,
                    Map.of("kafka_connected", tailer.connected(), "lines_shipped", tailer.shippedLines())));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(tailer::close, "avcwatch-tail-shutdown"));
        tailer.run();
        if (tailer.failure() != null) {
            spec.commandLine().getErr().println("avcwatch: tail stopped: " + tailer.failure().getMessage());
            spec.commandLine().getErr().flush();
            return ExitCodes.SOFTWARE;
        }
        return ExitCodes.OK;
    }

    private int shipStdin(final String key, final String rawTopic, final ObserveServer server) throws IOException {
        if (server != null) {
            server.serveHealth(() -> new Health(true, Map.of("input", "stdin")));
        }
        final CountDownLatch done = new CountDownLatch(1);
        final Thread hook = new Thread(() -> awaitQuietly(done), "avcwatch-tail-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        final StreamShipper.Result result;
        try (StreamSource in = new StreamSource(System.in, StreamSource.STDIN)) {
            result = new StreamShipper(kafka.clientProperties(), new RawRecordFactory(rawTopic, key))
                    .ship(in, () -> false);
        } finally {
            done.countDown();
        }
        spec.commandLine().getErr().println("avcwatch: stdin closed; shipped " + result.shipped() + " lines"
                + (result.failed() > 0 ? ", " + result.failed() + " refused by Kafka" : ""));
        spec.commandLine().getErr().flush();
        return result.failed() > 0 ? ExitCodes.SOFTWARE : ExitCodes.OK;
    }

    /** On SIGTERM auditd also closes the pipe: give the shipper a moment to flush what it read. */
    private static void awaitQuietly(final CountDownLatch done) {
        try {
            done.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
