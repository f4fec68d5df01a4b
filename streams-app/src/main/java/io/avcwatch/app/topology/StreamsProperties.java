package io.avcwatch.app.topology;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/** The Kafka Streams settings avcwatch runs its topology with; client settings from the user come first. */
public final class StreamsProperties {

    /**
     * The commit interval of a finite run ({@code analyze}, {@code replay --case}): under exactly-once every
     * commit is a transaction (markers on every partition written, offsets, a round trip to the coordinator),
     * and nobody watches a finite run's alerts arrive, so it commits ten times less often than the live
     * default of 100 ms. Live {@code avcwatch streams} keeps the low-latency default; either can be set with
     * {@code commit.interval.ms} in the client properties.
     */
    public static final Duration FINITE_RUN_COMMIT_INTERVAL = Duration.ofSeconds(1);

    /**
     * {@code topology.optimization}: the versioned container table restores from the compacted
     * {@code avc.containers} itself, so there is no changelog topic that copies every inventory change.
     */
    public static final String OPTIMIZATION = StreamsConfig.REUSE_KTABLE_SOURCE_TOPICS;

    private StreamsProperties() {
    }

    /**
     * Streams properties for {@code applicationId}: the user's client properties (bootstrap, security),
     * then what the topology's correctness depends on, which the user cannot switch off: exactly-once v2 and
     * explicitly named internal topics and stores (so a topology change cannot silently orphan state).
     *
     * @param client   bootstrap and security settings; may also tune threads, commit interval, producer
     * @param stateDir where RocksDB and checkpoints live; keep it across restarts
     */
    public static Properties of(final String applicationId, final Properties client, final Path stateDir) {
        final Properties p = new Properties();
        // lz4 and larger batches: audit lines compress about 4x and the probe measured 1.4x the records/s.
        // linger 20 ms: under exactly-once nothing is visible before the transaction commits, and the commit
        // flushes whatever lingers, so read_committed readers see every output as early as with 5 ms; the
        // topology writes about ten partitions at once (outputs and changelogs), and 4x fewer, fuller produce
        // requests cost the broker and the stream thread less (BENCHMARKS.md, Streams: 52-57k against 40-45k
        // lines/s, broker CPU 12-13 s against 16-18 s; 50 ms was slower again)
        p.setProperty(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
        p.setProperty(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), "20");
        p.setProperty(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), "262144");
        p.putAll(client);
        p.setProperty(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.setProperty(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        p.setProperty(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.setProperty(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, "true");
        p.setProperty(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, OPTIMIZATION);
        return p;
    }

    /** The application id for topics under {@code topicPrefix}: a forensic case gets its own state. */
    public static String applicationId(final String topicPrefix) {
        return "avcwatch-" + (topicPrefix.isEmpty() ? "" : topicPrefix.replaceAll("[^A-Za-z0-9_-]+", "-")) + "streams";
    }
}
