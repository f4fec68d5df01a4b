package io.avcwatch.app.cli;

import io.avcwatch.app.analyze.Analysis;
import io.avcwatch.app.analyze.AnalysisRequest;
import io.avcwatch.app.analyze.AnalysisResult;
import io.avcwatch.app.analyze.InventoryFile;
import io.avcwatch.app.analyze.Progress;
import io.avcwatch.app.analyze.TerminalProgress;
import io.avcwatch.app.topology.StreamsProperties;
import io.avcwatch.schemas.Topics;
import io.avcwatch.tailer.ArchiveSource;
import io.avcwatch.tailer.HostName;
import io.avcwatch.tailer.RawRecordFactory;
import io.avcwatch.tailer.StreamShipper;
import io.avcwatch.tailer.TailerTopics;
import io.avcwatch.tailer.TopicSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code avcwatch replay}: ships archived logs once to {@code audit.raw}, a rotated set oldest first,
 * {@code .gz} decompressed, each record stamped with its event time. With {@code --case ID} it is a forensic
 * replay: everything goes to the case's own topics ({@code case.ID.}), the topology runs there under its own
 * application id until every line is processed, and the case's alerts are printed (see {@link Analysis}).
 */
@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Ship archived audit logs (rotated sets, .gz) to Kafka in chronological order.",
                "With --case ID: a forensic replay into case-scoped topics (case.ID.*, live data untouched), run"
                        + " with its own application id until every line is processed; prints the case's alerts."})
public final class ReplayCommand implements Callable<Integer> {
    private static final long TIMEOUT_SECONDS = 30;


    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    private KafkaOptions kafka;

    @Option(names = "--host", paramLabel = "NAME",
            description = "Key for lines without node= (default: this machine's hostname).")
    private String host;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Log files: audit.log, audit.log.N, *.gz.")
    private List<Path> files;

    @Option(names = "--case", paramLabel = "ID",
            description = "Forensic case id (letters, digits, _ and -): topics case.ID.*, application id"
                    + " avcwatch-case-ID-streams.")
    private String caseId;

    @Option(names = "--containers", paramLabel = "[HOST=]INSPECT.json",
            description = "With --case: saved `docker inspect` / `podman inspect` output of HOST's containers"
                    + " (without HOST=: every host in the logs). Repeat for more hosts.")
    private List<String> containers = List.of();

    @Option(names = "--append",
            description = "With --case: add the files to a case that already holds lines (default: refuse, so a"
                    + " case is not fed the same files twice by mistake).")
    private boolean append;

    @Mixin
    private AlertOutputOptions output;

    @Override
    public Integer call() throws IOException, InterruptedException {
        for (Path f : files) {
            if (!Files.isRegularFile(f) || !Files.isReadable(f)) {
                throw new UserException("cannot read " + f);
            }
        }
        if (caseId != null) {
            return replayCase();
        }
        if (!containers.isEmpty() || append || output.anyGiven()) {
            throw new UserException("--containers, --append, --format, --out, --report and --fail-on need --case ID");
        }
        final TopicSpec raw = TailerTopics.raw(kafka.topicPrefix());
        TopicSetup.ensureWaiting(kafka.clientProperties(), List.of(raw));
        final StreamShipper.Result result;
        try (ArchiveSource source = new ArchiveSource(files)) {
            result = new StreamShipper(kafka.clientProperties(),
                    new RawRecordFactory(raw.name(), host != null ? host : HostName.local())).ship(source, () -> false);
        }
        spec.commandLine().getOut().println("shipped " + result.shipped() + " lines from " + files.size()
                + " files to " + raw.name());
        spec.commandLine().getOut().flush();
        if (result.failed() > 0) {
            spec.commandLine().getErr().println("avcwatch: Kafka refused " + result.failed() + " lines");
            spec.commandLine().getErr().flush();
            return ExitCodes.SOFTWARE;
        }
        return ExitCodes.OK;
    }

    private int replayCase() throws IOException, InterruptedException {
        if (!kafka.topicPrefix().isEmpty()) {
            throw new UserException("--case ID sets the topic prefix (case.ID.); leave out --topic-prefix");
        }
        final String prefix;
        try {
            prefix = Topics.casePrefix(caseId);
        } catch (IllegalArgumentException e) {
            throw new UserException("--case: " + e.getMessage(), e);
        }
        final List<InventoryFile> inventory = RunInputs.inventory(containers);
        output.checkWritable();
        final long held = linesHeld(Topics.AUDIT_RAW.name(prefix));
        if (held > 0 && !append) {
            throw new UserException("case " + caseId + " already holds " + held + " records in "
                    + Topics.AUDIT_RAW.name(prefix) + "; use a new case id, or --append to add these files");
        }
        final String applicationId = StreamsProperties.applicationId(prefix);
        spec.commandLine().getErr().println("avcwatch: case " + caseId + " on " + kafka.bootstrap() + ": topics "
                + prefix + "*, application id " + applicationId);
        spec.commandLine().getErr().flush();
        final Path stateDir = RunInputs.tempDir("avcwatch-case-state-");
        final AnalysisResult result;
        try (Progress progress = TerminalProgress.onStderrIfTerminal()) {
            result = Analysis.run(new AnalysisRequest(files, inventory, host != null ? host : HostName.local(), prefix,
                    applicationId, stateDir, kafka.clientProperties(), output.report != null, Optional.empty()),
                    progress);
        } finally {
            RunInputs.deleteRecursively(stateDir);
        }
        return output.emit(result, files, spec);
    }

    /** Records already in {@code topic} (0 when it does not exist yet). */
    private long linesHeld(final String topic) {
        try (Admin admin = Admin.create(kafka.clientProperties())) {
            if (!admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).contains(topic)) {
                return 0;
            }
            final Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(List.of(topic)).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(topic)
                    .partitions().forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).values().stream()
                    .mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
        } catch (ExecutionException | TimeoutException e) {
            throw new UserException("cannot reach Kafka at " + kafka.bootstrap() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserException("interrupted", e);
        }
    }
}
