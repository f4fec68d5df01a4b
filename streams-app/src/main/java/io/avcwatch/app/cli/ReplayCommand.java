package io.avcwatch.app.cli;

import io.avcwatch.tailer.ArchiveSource;
import io.avcwatch.tailer.HostName;
import io.avcwatch.tailer.RawRecordFactory;
import io.avcwatch.tailer.StreamShipper;
import io.avcwatch.tailer.TailerTopics;
import io.avcwatch.tailer.TopicSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code avcwatch replay}: ships archived logs once to {@code audit.raw}, a rotated set oldest first,
 * {@code .gz} decompressed, each record stamped with its event time.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Ship archived audit logs (rotated sets, .gz) to Kafka in chronological order.")
public final class ReplayCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    private KafkaOptions kafka;

    @Option(names = "--host", paramLabel = "NAME",
            description = "Key for lines without node= (default: this machine's hostname).")
    private String host;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Log files: audit.log, audit.log.N, *.gz.")
    private List<Path> files;

    @Override
    public Integer call() throws IOException {
        for (Path f : files) {
            if (!Files.isRegularFile(f) || !Files.isReadable(f)) {
                throw new UserException("cannot read " + f);
            }
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
}
