package io.avcwatch.app.cli;

import io.avcwatch.app.inventory.InspectImport;
import io.avcwatch.app.inventory.InspectResult;
import io.avcwatch.app.inventory.LabelPublisher;
import io.avcwatch.app.inventory.LabelVersion;
import io.avcwatch.schemas.ContainerLabel;
import io.avcwatch.schemas.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code avcwatch inventory import}: publish container labels from saved {@code docker/podman inspect} JSON. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Publish who held which SELinux label, from saved `docker inspect` / `podman inspect` "
                + "output (one array, several, or JSON lines), for hosts that no longer exist. Each record is "
                + "stamped with the start or finish it describes."})
public final class InventoryImportCommand implements Callable<Integer> {

    /** How many rejected objects are named on stderr before the rest are only counted. */
    private static final int REJECTS_SHOWN = 3;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    private KafkaOptions kafka;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Inspect JSON of one host's containers.")
    private List<Path> files;

    @Option(names = "--host", paramLabel = "NAME",
            description = "Host the containers ran on, as the audit log's node= says; required unless the "
                    + "inspect output names it (Node.Name).")
    private String host;

    @Option(names = "--dry-run",
            description = "Print the records as JSON lines ({key, timestamp, value}) instead of publishing.")
    private boolean dryRun;

    /** One record as {@code --dry-run} prints it. */
    record PrintedRecord(String key, Instant timestamp, ContainerLabel value) {
    }

    @Override
    public Integer call() {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final InspectImport.Loaded loaded = load();
        reportRejects(loaded.rejected(), err);
        if (dryRun) {
            loaded.versions().forEach(v -> out.println(Json.toJson(new PrintedRecord(v.key(), v.validFrom(), v.label()))));
            out.flush();
        } else {
            InventoryTopic.ensure(kafka.clientProperties(), kafka.topicPrefix());
            try (LabelPublisher publisher = LabelPublisher.create(kafka.clientProperties(), kafka.topicPrefix())) {
                loaded.versions().forEach(publisher);
            }
        }
        err.printf("avcwatch: %d containers of host %s: %d records %s%n", loaded.containers().size(), loaded.host(),
                loaded.versions().size(), dryRun ? "printed" : "published to " + InventoryTopic.name(kafka.topicPrefix()));
        err.flush();
        return ExitCodes.OK;
    }

    private InspectImport.Loaded load() {
        for (final Path file : files) {
            if (!Files.isReadable(file)) {
                throw new UserException("cannot read " + file);
            }
        }
        try {
            return InspectImport.load(files, Optional.ofNullable(host).map(InventoryHost::checked));
        } catch (IOException e) {
            throw new UserException("cannot read inspect JSON: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage(), e);
        }
    }

    private static void reportRejects(final List<InspectResult.Rejected> rejected, final PrintWriter err) {
        rejected.stream().limit(REJECTS_SHOWN).forEach(r -> err.printf("avcwatch: skipped an object: %s%n", r.reason()));
        if (rejected.size() > REJECTS_SHOWN) {
            err.printf("avcwatch: skipped %d more objects%n", rejected.size() - REJECTS_SHOWN);
        }
    }
}
