// Run by run.sh after StreamsThroughput, on the same broker and the audit.raw it loaded
// (java -cp 'streams-app/target/avcwatch.jar:streams-app/target/lib/*' PassthroughThroughput.java BOOTSTRAP STATEDIR
// COMMIT_MS...). The ceiling reference: the cheapest exactly_once_v2 Kafka Streams application over the same input
// (audit.raw -> mapValues(identity) -> one output topic, the same producer settings as the avcwatch topology:
// StreamsProperties.of), timed from state RUNNING until every audit.raw offset is committed (under exactly-once the
// offsets commit in the same transaction as the output records). One run per commit interval given.
import io.avcwatch.app.streams.StreamsRunner;
import io.avcwatch.app.topology.StreamsProperties;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

public class PassthroughThroughput {
    public static void main(final String[] args) throws Exception {
        final String bootstrap = args[0];
        final Path stateDir = Path.of(args[1]);
        final Properties client = new Properties();
        client.setProperty("bootstrap.servers", bootstrap);
        try (Admin admin = Admin.create(client)) {
            final List<TopicPartition> raw = admin.describeTopics(List.of("audit.raw")).allTopicNames().get()
                    .get("audit.raw").partitions().stream().map(p -> new TopicPartition("audit.raw", p.partition()))
                    .toList();
            final Map<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new java.util.HashMap<>();
            raw.forEach(p -> latest.put(p, org.apache.kafka.clients.admin.OffsetSpec.latest()));
            final Map<TopicPartition, Long> end = new java.util.HashMap<>();
            admin.listOffsets(latest).all().get().forEach((p, info) -> end.put(p, info.offset()));
            final long records = end.values().stream().mapToLong(Long::longValue).sum();
            for (int i = 2; i < args.length; i++) {
                final String commitMs = args[i];
                final String out = "passthrough.out." + commitMs;
                final String app = "passthrough-bench-" + commitMs;
                admin.createTopics(List.of(new NewTopic(out, raw.size(), (short) 1))).all().get();
                final Properties tuning = new Properties();
                tuning.putAll(client);
                tuning.setProperty("commit.interval.ms", commitMs);
                for (final String kv : System.getenv().getOrDefault("STREAMS_PROPS", "").split(",")) {
                    if (kv.contains("=") && !kv.startsWith("commit.interval.ms")) {
                        tuning.setProperty(kv.substring(0, kv.indexOf('=')).strip(), kv.substring(kv.indexOf('=') + 1).strip());
                    }
                }
                final Properties props = StreamsProperties.of(app, tuning, stateDir.resolve(app));
                final StreamsBuilder builder = new StreamsBuilder();
                builder.stream("audit.raw", Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("read-raw"))
                        .mapValues(v -> v, Named.as("identity"))
                        .to(out, Produced.with(Serdes.String(), Serdes.ByteArray()).withName("write-out"));
                try (StreamsRunner runner = StreamsRunner.start(builder.build(), props)) {
                    runner.awaitRunning(Duration.ofMinutes(2));
                    final long start = System.nanoTime();
                    while (true) {
                        final Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(app)
                                .partitionsToOffsetAndMetadata().get();
                        boolean done = true;
                        for (final TopicPartition p : raw) {
                            final OffsetAndMetadata o = committed.get(p);
                            done &= end.get(p) == 0 || (o != null && o.offset() >= end.get(p));
                        }
                        if (done) {
                            break;
                        }
                        if (runner.failure() != null || (System.nanoTime() - start) / 1e9 > 600) {
                            throw new IllegalStateException("passthrough failed or too slow", runner.failure());
                        }
                        Thread.sleep(20);
                    }
                    final double seconds = (System.nanoTime() - start) / 1e9;
                    System.out.printf("passthrough (exactly_once_v2, commit.interval.ms=%s): %,d records committed in %.2f s -> %,.0f records/s%n",
                            commitMs, records, seconds, records / seconds);
                }
            }
        }
    }
}
