package io.avcwatch.app.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import io.avcwatch.app.broker.EmbeddedBrokerExtension;
import io.avcwatch.app.cli.AvcwatchCommand;
import io.avcwatch.app.cli.ExitCodes;
import io.avcwatch.app.inventory.InspectImport;
import io.avcwatch.app.inventory.LabelPublisher;
import io.avcwatch.app.streams.StreamsRunner;
import io.avcwatch.app.topology.AvcwatchTopology;
import io.avcwatch.app.topology.StreamsProperties;
import io.avcwatch.app.topology.TopologyConfig;
import io.avcwatch.schemas.Alert;
import io.avcwatch.schemas.AlertSource;
import io.avcwatch.schemas.Json;
import io.avcwatch.schemas.Topics;
import io.avcwatch.tailer.ExactlyOnceTailer;
import io.avcwatch.tailer.TailerTopics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Forensic replay on a cluster (one embedded broker for the class): the same files replayed into two cases
 * give identical alerts, a case leaves live topics alone, and replaying a file gives the alerts that tailing
 * it live gives.
 */
class ReplayCaseIT {
    private static final Path DEMO = Path.of("..", "examples", "demo");
    private static final Path DELTA_LOG = DEMO.resolve("node-delta0.audit.log").toAbsolutePath().normalize();
    private static final String DELTA_INVENTORY = "node-delta0=" + DEMO.resolve("node-delta0.inspect.json");
    private static final Duration DEADLINE = Duration.ofSeconds(90);

    @RegisterExtension
    static final EmbeddedBrokerExtension broker = EmbeddedBrokerExtension.plain();

    @TempDir
    Path tmp;

    @Test
    void theSameFilesReplayedIntoTwoCasesGiveIdenticalAlerts() throws Exception {
        final List<Alert> first = replayCase("twice-a", DELTA_LOG.toString(), "--containers", DELTA_INVENTORY);
        final List<Alert> second = replayCase("twice-b", DELTA_LOG.toString(), "--containers", DELTA_INVENTORY);

        assertThat(first).isNotEmpty().isEqualTo(second);
        assertThat(first).extracting(Alert::alertId).doesNotHaveDuplicates();
        assertThat(topicExists("audit.raw")).as("a case writes only below case.ID.").isFalse();
        assertThat(CommittedReader.readAll(client(), Topics.AVC_ALERTS, Topics.casePrefix("twice-a")))
                .as("the case keeps its alerts for later queries").isNotEmpty();
    }

    @Test
    void aCaseThatHoldsLinesIsNotFedAgainWithoutAppend() throws Exception {
        replayCase("again", DELTA_LOG.toString());
        final StringWriter err = new StringWriter();
        final int code = command(new StringWriter(), err).execute("replay", "--case", "again",
                "--bootstrap", broker.bootstrapServers(), DELTA_LOG.toString());

        assertThat(code).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(err.toString()).contains("already holds").contains("--append");
    }

    @Test
    void replayingAFileGivesTheAlertsThatTailingItLiveGives() throws Exception {
        final List<Alert> replayed = replayCase("vs-live", DELTA_LOG.toString(), "--containers", DELTA_INVENTORY);

        final String prefix = "live-it.";
        final Properties client = client();
        AnalysisTopics.ensure(client, AnalysisTopics.all(prefix, Optional.empty()));
        AnalysisTopics.ensure(client, List.of(TailerTopics.checkpoints(prefix)));
        try (LabelPublisher labels = LabelPublisher.create(client, prefix)) {
            InspectImport.load(List.of(DEMO.resolve("node-delta0.inspect.json")), Optional.of("node-delta0"))
                    .versions().forEach(labels);
        }
        final List<Alert> live;
        final Properties props = StreamsProperties.of("avcwatch-live-it", client, tmp.resolve("state"));
        try (StreamsRunner streams = StreamsRunner.start(
                     AvcwatchTopology.build(TopologyConfig.defaults().withTopicPrefix(prefix)), props);
             ExactlyOnceTailer tailer = new ExactlyOnceTailer(new ExactlyOnceTailer.Settings(DELTA_LOG, "node-delta0",
                     Topics.AUDIT_RAW.name(prefix), TailerTopics.checkpoints(prefix).name(), client,
                     Duration.ofMillis(50)))) {
            final Thread follow = new Thread(tailer, "live-it-tailer");
            follow.start();
            // live has no end of input: the quiet-host flush and the join ticks release the last events
            live = awaitAlerts(prefix, withoutInode(replayed));
            tailer.close();
            follow.join(DEADLINE.toMillis());
            assertThat(streams.failure()).isNull();
        }
        assertThat(withoutInode(live)).isEqualTo(withoutInode(replayed));
    }

    /** Live alerts until they equal {@code expected} or the deadline passes; returns the last read. */
    private static List<Alert> awaitAlerts(final String prefix, final List<Alert> expected) {
        final Instant deadline = Instant.now().plus(DEADLINE);
        List<Alert> now = List.of();
        while (Instant.now().isBefore(deadline)) {
            now = LatestAlerts.of(CommittedReader.readAll(client(), Topics.AVC_ALERTS, prefix));
            if (withoutInode(now).equals(expected)) {
                return now;
            }
        }
        return now;
    }

    /** A tailer knows the inode of the file it follows; an archive is read as a stream without one. */
    private static List<Alert> withoutInode(final List<Alert> alerts) {
        final List<Alert> out = new ArrayList<>();
        for (final Alert a : alerts) {
            final AlertSource s = a.source();
            out.add(s == null ? a : a.toBuilder()
                    .source(new AlertSource(s.host(), s.file(), null, s.offset(), s.serial())).build());
        }
        return out;
    }

    private static List<Alert> replayCase(final String caseId, final String... args) {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final List<String> argv = new ArrayList<>(List.of("replay", "--case", caseId, "--bootstrap",
                broker.bootstrapServers(), "--format", "jsonl"));
        argv.addAll(List.of(args));
        final int code = command(out, err).execute(argv.toArray(String[]::new));
        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        return out.toString().lines().map(l -> Json.fromJson(l, Alert.class)).toList();
    }

    private static CommandLine command(final StringWriter out, final StringWriter err) {
        final CommandLine cl = AvcwatchCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl;
    }

    private static boolean topicExists(final String name) throws Exception {
        try (var admin = org.apache.kafka.clients.admin.Admin.create(client())) {
            return admin.listTopics().names().get().contains(name);
        }
    }

    private static Properties client() {
        final Properties p = new Properties();
        p.setProperty("bootstrap.servers", broker.bootstrapServers());
        return p;
    }
}
