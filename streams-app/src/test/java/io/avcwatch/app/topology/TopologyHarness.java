package io.avcwatch.app.topology;

import io.avcwatch.app.observe.PipelineMeters;
import io.avcwatch.app.rules.Detector;
import io.avcwatch.parsers.selinux.CategorySet;
import io.avcwatch.schemas.Alert;
import io.avcwatch.schemas.AvcDenial;
import io.avcwatch.schemas.ContainerInstance;
import io.avcwatch.schemas.ContainerLabel;
import io.avcwatch.schemas.DeadLetter;
import io.avcwatch.schemas.MacEvent;
import io.avcwatch.schemas.Topic;
import io.avcwatch.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/** A {@link TopologyTestDriver} over {@link AvcwatchTopology} with typed topics and audit-line helpers. */
final class TopologyHarness implements AutoCloseable {
    static final Instant WALL_START = Instant.parse("2030-01-01T00:00:00Z");

    final TopologyTestDriver driver;
    final TestInputTopic<String, byte[]> raw;
    final TestInputTopic<String, ContainerLabel> containers;
    final TestOutputTopic<String, AvcDenial> denials;
    final TestOutputTopic<String, String> events;
    final TestOutputTopic<String, DeadLetter> deadLetters;
    final TestOutputTopic<String, MacEvent> macEvents;
    final TestOutputTopic<String, Alert> alerts;

    TopologyHarness(final TopologyConfig config, final Path stateDir) {
        this(config, stateDir, PipelineMeters.none());
    }

    /** A harness whose topology records its meters in {@code meters}. */
    TopologyHarness(final TopologyConfig config, final Path stateDir, final PipelineMeters meters) {
        final Properties props = StreamsProperties.of("avcwatch-test", new Properties(), stateDir);
        props.setProperty("bootstrap.servers", "unused:9092");
        driver = new TopologyTestDriver(AvcwatchTopology.build(config, Detector.builtIn(), meters), props, WALL_START);
        final String prefix = config.topicPrefix();
        raw = input(Topics.AUDIT_RAW, prefix);
        containers = input(Topics.AVC_CONTAINERS, prefix);
        denials = output(Topics.AVC_DENIALS, prefix);
        events = output(Topics.AUDIT_EVENTS, prefix);
        deadLetters = output(Topics.AUDIT_DEADLETTER, prefix);
        macEvents = output(Topics.MAC_EVENTS, prefix);
        alerts = output(Topics.AVC_ALERTS, prefix);
    }

    TopologyHarness(final Path stateDir) {
        this(TopologyConfig.defaults(), stateDir);
    }

    /** Ships audit lines of {@code host} with the tailer's contract: key host, timestamp = event time. */
    void ship(final String host, final String... lines) {
        for (final String line : lines) {
            raw.pipeInput(new TestRecord<>(host, line.getBytes(StandardCharsets.UTF_8), new RecordHeaders(),
                    eventTime(line)));
        }
    }

    /**
     * Publishes a label version the way the inventory does: categories canonical, timestamp = the change
     * time.
     */
    void label(final String host, final String categories, final Instant changedAt,
               final ContainerInstance... holders) {
        final String canonical = categories.isEmpty() ? "" : CategorySet.parse(categories).orElseThrow().toString();
        containers.pipeInput(new TestRecord<>(ContainerLabel.key(host, canonical),
                new ContainerLabel(host, canonical, List.of(holders), changedAt), changedAt));
    }

    /** Lets the wall clock run so quiet hosts flush and the join clocks tick past every grace period. */
    void idle() {
        driver.advanceWallClockTime(Duration.ofMinutes(1));
    }

    static ContainerInstance container(final String id, final String categories, final Instant started,
                                       final Instant finished) {
        return new ContainerInstance(id, "/" + id, "docker.io/library/" + id + ":1", "docker",
                "system_u:system_r:container_t:s0:" + categories,
                "system_u:object_r:container_file_t:s0:" + categories, started, finished, false,
                List.of(), "", "bridge", List.of());
    }

    /** {@code msg=audit(SECONDS.MILLIS:SERIAL)} as an instant. */
    static Instant eventTime(final String line) {
        final int start = line.indexOf("audit(") + "audit(".length();
        final String stamp = line.substring(start, line.indexOf(':', start));
        return Instant.ofEpochMilli(Math.round(Double.parseDouble(stamp) * 1000));
    }

    /** An AVC event (SYSCALL, AVC, PROCTITLE) in the kernel's order. */
    static String[] avcEvent(final String host, final String stamp, final long serial, final String scontext,
                             final String tcontext) {
        final String head = "node=" + host + " type=%s msg=audit(" + stamp + ":" + serial + "): ";
        return new String[] {
            String.format(head, "SYSCALL") + "arch=c000003e syscall=257 success=no exit=-13 a0=ffffff9c a1=7ffd1"
                + " a2=241 a3=1b6 items=1 ppid=1 pid=4242 auid=4294967295 uid=0 gid=0 euid=0 suid=0 fsuid=0"
                + " egid=0 sgid=0 fsgid=0 tty=pts0 ses=4294967295 comm=\"cat\" exe=\"/usr/bin/cat\" subj="
                + scontext + " key=(null)",
            String.format(head, "AVC") + "avc:  denied  { read } for  pid=4242 comm=\"cat\" name=\"data\""
                + " dev=\"dm-0\" ino=42 scontext=" + scontext + " tcontext=" + tcontext
                + " tclass=file permissive=0",
            String.format(head, "PROCTITLE") + "proctitle=636174002F64617461",
        };
    }

    private <K, V> TestInputTopic<K, V> input(final Topic<K, V> topic, final String prefix) {
        return driver.createInputTopic(topic.name(prefix), topic.keySerde().serializer(),
                topic.valueSerde().serializer());
    }

    private <K, V> TestOutputTopic<K, V> output(final Topic<K, V> topic, final String prefix) {
        return driver.createOutputTopic(topic.name(prefix), topic.keySerde().deserializer(),
                topic.valueSerde().deserializer());
    }

    @Override
    public void close() {
        driver.close();
    }
}
