package io.avcwatch.app.cli;

import io.avcwatch.app.analyze.Analysis;
import io.avcwatch.app.analyze.AnalysisRequest;
import io.avcwatch.app.analyze.AnalysisResult;
import io.avcwatch.app.analyze.InventoryFile;
import io.avcwatch.app.analyze.Progress;
import io.avcwatch.app.analyze.TerminalProgress;
import io.avcwatch.app.broker.EmbeddedBroker;
import io.avcwatch.app.topology.StreamsProperties;
import io.avcwatch.schemas.Topics;
import io.avcwatch.tailer.HostName;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code avcwatch analyze}: the whole pipeline over saved audit logs, on a private embedded Kafka broker by
 * default, printing the alerts when every line has been processed.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Analyse audit logs end to end: start a private Kafka broker, ship the files (event time),"
                + " run the same topology and rules as `avcwatch streams`, print the alerts once every line is"
                + " processed, and shut everything down.",
                "With --bootstrap the same runs on an existing cluster, in topics of its own."},
        footer = {"", "Example:",
                "  avcwatch analyze examples/demo/*.audit.log \\",
                "      --containers node-alpha1=examples/demo/node-alpha1.inspect.json \\",
                "      --containers node-delta0=examples/demo/node-delta0.inspect.json"})
public final class AnalyzeCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE",
            description = "Audit logs: audit.log, rotated audit.log.N, .gz; a rotated set is read oldest first.")
    private List<Path> files;

    @Option(names = "--containers", paramLabel = "[HOST=]INSPECT.json",
            description = "Saved `docker inspect` / `podman inspect` output of HOST's containers; without HOST= it"
                    + " applies to every host in the logs. Repeat for more hosts.")
    private List<String> containers = List.of();

    @Mixin
    private AlertOutputOptions output;

    @Option(names = "--host", paramLabel = "NAME",
            description = "Host of lines without node= (default: this machine's name).")
    private String host;

    @Mixin
    private KafkaOptions kafka;

    @Option(names = {"-v", "--verbose"}, description = "Log what Kafka and the pipeline are doing (stderr).")
    private boolean verbose;

    @Override
    public Integer call() throws IOException, InterruptedException {
        RunInputs.requireReadable(files);
        final List<InventoryFile> inventory = RunInputs.inventory(containers);
        output.checkWritable();
        final String defaultHost = host != null ? host : HostName.local();
        final Path stateDir = RunInputs.tempDir("avcwatch-analyze-state-");
        final AnalysisResult result;
        try (LogVerbosity quiet = LogVerbosity.quietUnless(verbose)) {
            result = externalCluster() ? onCluster(inventory, defaultHost, stateDir)
                    : embedded(inventory, defaultHost, stateDir);
        } finally {
            RunInputs.deleteRecursively(stateDir);
        }
        return output.emit(result, files, spec);
    }

    private AnalysisResult embedded(final List<InventoryFile> inventory, final String defaultHost, final Path stateDir)
            throws IOException, InterruptedException {
        final String prefix = RunInputs.checkedPrefix(kafka.topicPrefix());
        try (EmbeddedBroker broker = EmbeddedBroker.start()) {
            final Properties client = new Properties();
            client.putAll(kafka.clientProperties());
            client.setProperty("bootstrap.servers", broker.bootstrapServers());
            return run(new AnalysisRequest(files, inventory, defaultHost, prefix, "avcwatch-analyze", stateDir,
                    client, output.report != null, Optional.of(1)));
        }
    }

    private AnalysisResult onCluster(final List<InventoryFile> inventory, final String defaultHost,
            final Path stateDir) throws IOException, InterruptedException {
        final String prefix = kafka.topicPrefix().isEmpty()
                ? Topics.casePrefix("analyze-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                        + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000)))
                : RunInputs.checkedPrefix(kafka.topicPrefix());
        spec.commandLine().getErr().println("avcwatch: analysing on " + kafka.bootstrap() + " in topics " + prefix
                + "*; they stay there for later queries (delete them when done)");
        spec.commandLine().getErr().flush();
        return run(new AnalysisRequest(files, inventory, defaultHost, prefix, StreamsProperties.applicationId(prefix),
                stateDir, kafka.clientProperties(), output.report != null, Optional.empty()));
    }

    private AnalysisResult run(final AnalysisRequest request) throws IOException, InterruptedException {
        try (Progress progress = TerminalProgress.onStderrIfTerminal()) {
            return Analysis.run(request, progress);
        }
    }

    /** {@code --bootstrap}, or a {@code --kafka-config} file that names other servers: not the private broker. */
    private boolean externalCluster() {
        return spec.commandLine().getParseResult().hasMatchedOption("--bootstrap")
                || !kafka.bootstrap().equals(kafka.clientProperties().getProperty("bootstrap.servers"));
    }
}
