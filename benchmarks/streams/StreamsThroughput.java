// Run by run.sh with the avcwatch classpath (java -cp 'streams-app/target/avcwatch.jar:streams-app/target/lib/*'
// StreamsThroughput.java BOOTSTRAP LOGFILE STATEDIR). Loads the log into audit.raw with the tailer's contract,
// ends it with an end-of-input marker per partition, then times the exactly-once topology until every denial
// is committed in avc.denials.
import io.avcwatch.app.denials.DenialBuilder;
import io.avcwatch.app.streams.StreamsRunner;
import io.avcwatch.app.topology.AvcwatchTopology;
import io.avcwatch.app.topology.EndOfInput;
import io.avcwatch.app.topology.StreamsProperties;
import io.avcwatch.app.topology.TopologyConfig;
import io.avcwatch.parsers.AuditLineParser;
import io.avcwatch.parsers.AuditRecord;
import io.avcwatch.parsers.assemble.AssemblerSettings;
import io.avcwatch.parsers.assemble.EventAssembler;
import io.avcwatch.schemas.Topics;
import io.avcwatch.tailer.Line;
import io.avcwatch.tailer.RawRecordFactory;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

public class StreamsThroughput {
    public static void main(final String[] args) throws Exception {
        final String bootstrap = args[0];
        final Path log = Path.of(args[1]);
        final Path stateDir = Path.of(args[2]);
        final Properties client = new Properties();
        client.setProperty("bootstrap.servers", bootstrap);

        try (Admin admin = Admin.create(client)) {
            final List<NewTopic> topics = new java.util.ArrayList<>(Topics.all().stream()
                    .map(t -> t.newTopic("", Optional.empty(), Optional.empty())).toList());
            topics.add(new NewTopic("perf", Topics.AUDIT_RAW.defaultPartitions(), (short) 1));
            admin.createTopics(topics).all().get();
        }

        // expected denials: the same parser, assembler and DenialBuilder, offline
        final AtomicLong expected = new AtomicLong();
        final EventAssembler assembler = new EventAssembler(AssemblerSettings.DEFAULT,
                e -> expected.addAndGet(DenialBuilder.build(e, e.node() == null ? "bench" : e.node()).size()));
        final long loadStart = System.nanoTime();
        final long lines = load(client, "audit.raw", log, Long.MAX_VALUE, line -> {
            if (AuditLineParser.parse(line) instanceof AuditRecord r) {
                assembler.accept(r);
            }
        });
        assembler.flush();
        final double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        System.out.printf("loaded %,d lines into audit.raw in %.1f s (%,.0f lines/s incl. offline parse); expecting %,d denials%n",
                lines, loadSeconds, lines / loadSeconds, expected.get());

        final long warmupLines = Long.parseLong(System.getenv().getOrDefault("BENCH_WARMUP", "0"));
        // BENCH_WARMUP_ROUNDS=N repeats the warm-up on fresh topics: C2 is still compiling after one round
        final int warmupRounds = Integer.parseInt(System.getenv().getOrDefault("BENCH_WARMUP_ROUNDS", "1"));
        for (int round = 1; warmupLines > 0 && round <= warmupRounds; round++) {
            final String name = warmupRounds == 1 ? "warm" : "warm" + round;
            warmUp(client, log, warmupLines, stateDir.resolveSibling(stateDir.getFileName() + "-" + name), name);
        }

        final Properties tuning = new Properties();
        tuning.putAll(client);
        // e.g. STREAMS_PROPS="commit.interval.ms=1000" to try a setting without a rebuild
        for (final String kv : System.getenv().getOrDefault("STREAMS_PROPS", "").split(",")) {
            if (kv.contains("=")) {
                tuning.setProperty(kv.substring(0, kv.indexOf('=')).strip(), kv.substring(kv.indexOf('=') + 1).strip());
            }
        }
        final Properties props = StreamsProperties.of("avcwatch-bench", tuning, stateDir);
        // BENCH_FINITE=1: the topology as `analyze` builds it (no API views, no wall-clock punctuations)
        final TopologyConfig config = TopologyConfig.defaults()
                .withFiniteInput("1".equals(System.getenv().getOrDefault("BENCH_FINITE", "0")));
        System.out.printf("topology: %s input, %s%n", config.finiteInput() ? "finite" : "live",
                props.getProperty("commit.interval.ms", "commit.interval.ms default"));
        try (StreamsRunner runner = StreamsRunner.start(AvcwatchTopology.build(config), props);
             KafkaConsumer<byte[], byte[]> probe = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap,
                     "isolation.level", "read_committed", "max.poll.records", "10000"), new ByteArrayDeserializer(),
                     new ByteArrayDeserializer())) {
            runner.awaitRunning(Duration.ofMinutes(2));
            final long start = System.nanoTime();
            final long cpuStart = processCpuNanos();
            final long streamCpuStart = streamThreadCpuNanos();
            final Map<String, Double> selfStart = cpuByKind(ProcessHandle.current().pid());
            final Map<String, Double> brokerStart = cpuByKind(brokerPid());
            final List<TopicPartition> out = probe.partitionsFor("avc.denials").stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            final List<TopicPartition> rawParts = probe.partitionsFor("audit.raw").stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            final long rawEnd = probe.endOffsets(rawParts).values().stream().mapToLong(Long::longValue).sum();
            // The probe only asks for the committed offsets of audit.raw while the topology runs: the end markers'
            // offsets commit in the transaction that releases the last denials, so once every offset is committed
            // every denial is. Reading avc.denials while it ran (until 2026-12-03) cost the shared 2 cores CPU the
            // topology needed; the denials are counted once, after the clock stops (PROBE=denials: the old way).
            final boolean countWhileRunning = "denials".equals(System.getenv("PROBE"));
            double inputDone = -1;
            long lastReport = System.nanoTime();
            while (true) {
                final long committed = committed(admin(client), "avcwatch-bench", rawParts);
                if (inputDone < 0 && committed >= rawEnd) {
                    inputDone = (System.nanoTime() - start) / 1e9;
                }
                // read_committed end offsets include transaction markers: count records instead of offsets
                final long denials = countWhileRunning ? count(probe, out) : -1;
                if (countWhileRunning ? denials >= expected.get() : inputDone >= 0) {
                    break;
                }
                if (System.nanoTime() - lastReport > 5_000_000_000L) {
                    System.out.printf("  %.0f s: %,d of %,d input records committed%s%n",
                            (System.nanoTime() - start) / 1e9, committed, rawEnd,
                            countWhileRunning ? String.format(", %,d denials", denials) : "");
                    lastReport = System.nanoTime();
                }
                if (runner.failure() != null || (System.nanoTime() - start) / 1e9 > 600) {
                    throw new IllegalStateException("streams failed or too slow", runner.failure());
                }
                Thread.sleep(countWhileRunning ? 50 : 20);
            }
            double allOut = (System.nanoTime() - start) / 1e9;
            final long cpuEnd = processCpuNanos();
            final long streamCpuEnd = streamThreadCpuNanos();
            final Map<String, Double> selfEnd = cpuByKind(ProcessHandle.current().pid());
            final Map<String, Double> brokerEnd = cpuByKind(brokerPid());
            if (!countWhileRunning) {
                final long deadline = System.nanoTime() + 60_000_000_000L;
                long denials = count(probe, out);
                while (denials < expected.get() && System.nanoTime() < deadline) {
                    denials = count(probe, out);
                }
                if (denials < expected.get()) {
                    throw new IllegalStateException("input committed but only " + denials + " of " + expected.get()
                            + " denials are");
                }
            }
            if (inputDone < 0) {
                // the last denials are committed with the end markers' offsets: the input was consumed by then
                inputDone = allOut;
            }
            System.out.printf("input consumed and committed: %.1f s -> %,.0f records/s%n", inputDone, lines / inputDone);
            System.out.printf("all %,d denials committed in avc.denials: %.1f s -> %,.0f records/s end to end%n",
                    expected.get(), allOut, lines / allOut);
            // CPU per input line, less sensitive than the rate to what else runs on a shared machine
            System.out.printf("cpu per input line: stream thread %.1f us, whole streams JVM %.1f us (incl. JIT, GC, producer I/O, probe)%n",
                    (streamCpuEnd - streamCpuStart) / 1e3 / lines, (cpuEnd - cpuStart) / 1e3 / lines);
            System.out.printf("cpu in the timed window by thread kind (s): streams JVM %s; broker %s%n",
                    since(selfStart, selfEnd), since(brokerStart, brokerEnd));
        }
    }

    /**
     * Runs the topology over the first {@code lines} lines of {@code log} on topics named {@code NAME.*}, with its
     * own application id and state, until they are all committed, then closes it: JIT, class loading and the
     * broker's own warm-up happen here, not in the timed run.
     */
    private static void warmUp(final Properties client, final Path log, final long lines, final Path stateDir,
                               final String name) throws Exception {
        final String prefix = name + ".";
        try (Admin admin = Admin.create(client)) {
            admin.createTopics(Topics.all().stream().map(t -> t.newTopic(prefix, Optional.empty(), Optional.empty()))
                    .toList()).all().get();
        }
        final String raw = Topics.AUDIT_RAW.name(prefix);
        final long sent = load(client, raw, log, lines, line -> { });
        final String appId = "avcwatch-bench-" + name + "up";
        final Properties props = StreamsProperties.of(appId, client, stateDir);
        final long start = System.nanoTime();
        try (StreamsRunner runner = StreamsRunner.start(
                AvcwatchTopology.build(TopologyConfig.defaults().withTopicPrefix(prefix)), props);
             Admin admin = Admin.create(client)) {
            runner.awaitRunning(Duration.ofMinutes(2));
            final List<TopicPartition> parts = admin.describeTopics(List.of(raw)).allTopicNames().get().get(raw)
                    .partitions().stream().map(p -> new TopicPartition(raw, p.partition())).toList();
            final long end = admin.listOffsets(parts.stream().collect(java.util.stream.Collectors.toMap(
                            p -> p, p -> org.apache.kafka.clients.admin.OffsetSpec.latest()))).all().get()
                    .values().stream().mapToLong(o -> o.offset()).sum();
            while (committed(admin, appId, parts) < end) {
                if (runner.failure() != null || (System.nanoTime() - start) / 1e9 > 600) {
                    throw new IllegalStateException("warm-up failed or too slow", runner.failure());
                }
                Thread.sleep(50);
            }
        }
        System.out.printf("warm-up: %,d lines through the same topology on %s topics in %.1f s (not timed below)%n",
                sent, prefix, (System.nanoTime() - start) / 1e9);
    }

    /**
     * Ships the first {@code limit} lines of {@code log} into {@code topic} as the tailer does, with the tailer's own
     * {@link RawRecordFactory}: key = host, timestamp = event time, headers source path, inode and byte offset
     * (until 2026-12-03 the loader sent no headers, so the topology's per-line provenance went unmeasured). Each
     * line is also handed to {@code eachLine}. Then the input ends with one end-of-input marker per partition, as
     * analyze marks it: denials still waiting for inventory (none is published here) are released at the end
     * instead of waiting for the wall clock. Returns the lines shipped.
     */
    private static long load(final Properties client, final String topic, final Path log, final long limit,
                             final java.util.function.Consumer<String> eachLine) throws Exception {
        long sent = 0;
        final RawRecordFactory records = new RawRecordFactory(topic, "bench");
        final String source = log.toAbsolutePath().toString();
        final long inode = ((Number) Files.getAttribute(log, "unix:ino")).longValue();
        long offset = 0;
        try (BufferedReader in = Files.newBufferedReader(log, StandardCharsets.UTF_8);
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(loaderProperties(client),
                     new ByteArraySerializer(), new ByteArraySerializer())) {
            for (String line = in.readLine(); line != null && sent < limit; line = in.readLine()) {
                final byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
                final long end = offset + bytes.length + 1;
                producer.send(records.toRecord(new Line(bytes, source, inode, offset, end)));
                offset = end;
                eachLine.accept(line);
                sent++;
            }
            for (final var partition : producer.partitionsFor(topic)) {
                producer.send(EndOfInput.marker(topic, partition.partition(), System.currentTimeMillis()));
            }
        }
        return sent;
    }

    /** The producer that loads a log into {@code audit.raw}, with ProducerPerformance's settings. */
    private static Properties loaderProperties(final Properties client) {
        final Properties producerProps = new Properties();
        producerProps.putAll(client);
        producerProps.setProperty("acks", "all");
        producerProps.setProperty("linger.ms", "5");
        producerProps.setProperty("batch.size", "262144");
        producerProps.setProperty("compression.type", "lz4");
        // a freshly created partition may refuse the first batch (NOT_LEADER) and accept the next one, which
        // leaves an idempotent producer retrying an out-of-order sequence forever: one request in flight
        producerProps.setProperty("max.in.flight.requests.per.connection", "1");
        return producerProps;
    }

    /** The broker's pid from run.sh, or -1 (then the broker's line stays empty). */
    private static long brokerPid() {
        return Long.parseLong(System.getenv().getOrDefault("BENCH_BROKER_PID", "-1"));
    }

    /**
     * CPU seconds of process {@code pid} by thread kind, from /proc (no profiler: attaching one adds compilation
     * work of its own): JIT compiler threads, GC threads, the rest. Linux thread names are cut to 15 characters, which
     * still tells these apart.
     */
    private static Map<String, Double> cpuByKind(final long pid) {
        final Map<String, Double> kinds = new TreeMap<>();
        final Path tasks = Path.of("/proc", Long.toString(pid), "task");
        if (pid < 0 || !Files.isDirectory(tasks)) {
            return kinds;
        }
        final double tick = 100.0; // USER_HZ, 100 on every Linux this runs on
        try (var dirs = Files.list(tasks)) {
            for (final Path task : dirs.toList()) {
                try {
                    final String name = Files.readString(task.resolve("comm")).strip();
                    final String stat = Files.readString(task.resolve("stat"));
                    final String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    final double seconds = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / tick;
                    final String kind = name.contains("CompilerThre") ? "JIT"
                            : name.startsWith("GC Thread") || name.startsWith("G1 ") ? "GC" : "other";
                    kinds.merge(kind, seconds, Double::sum);
                } catch (java.io.IOException | RuntimeException gone) {
                    // the thread ended between the listing and the read
                }
            }
        } catch (java.io.IOException e) {
            return kinds;
        }
        return kinds;
    }

    private static String since(final Map<String, Double> before, final Map<String, Double> after) {
        final StringBuilder out = new StringBuilder();
        double total = 0;
        for (final Map.Entry<String, Double> e : after.entrySet()) {
            final double d = e.getValue() - before.getOrDefault(e.getKey(), 0.0);
            total += d;
            out.append(out.isEmpty() ? "" : ", ").append(e.getKey()).append(String.format(" %.1f", d));
        }
        return after.isEmpty() ? "n/a" : String.format("%.1f (%s)", total, out);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long streamThreadCpuNanos() {
        final java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (final java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().contains("StreamThread") && !info.getThreadName().startsWith("kafka-")) {
                sum += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return sum;
    }

    private static Admin adminClient;

    private static Admin admin(final Properties client) {
        if (adminClient == null) {
            adminClient = Admin.create(client);
        }
        return adminClient;
    }

    /** The sum of the offsets {@code group} has committed on {@code parts}. */
    private static long committed(final Admin admin, final String group, final List<TopicPartition> parts)
            throws Exception {
        final var offsets = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        return parts.stream().mapToLong(p -> offsets.containsKey(p) && offsets.get(p) != null ? offsets.get(p).offset() : 0).sum();
    }

    private static long counted;
    private static boolean assigned;

    private static long count(final KafkaConsumer<byte[], byte[]> probe, final List<TopicPartition> parts) {
        if (!assigned) {
            probe.assign(parts);
            probe.seekToBeginning(parts);
            assigned = true;
        }
        // drain what is committed so far: one poll per check (500 records) made the probe, not the topology,
        // the bottleneck of the measurement (20,060 denials took 40 checks of ~300 ms)
        for (int n = probe.poll(Duration.ofMillis(100)).count(); n > 0; n = probe.poll(Duration.ofMillis(10)).count()) {
            counted += n;
        }
        return counted;
    }
}
