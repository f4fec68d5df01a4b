package io.avcwatch.tailer;

import io.avcwatch.tailer.metrics.TailerMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ships one followed file to {@code audit.raw} exactly once, across crashes, restarts and outages.
 *
 * <p><b>How.</b> Lines go out in Kafka transactions. Each transaction also writes the file
 * position just after its last line ({@link FilePosition}: inode and offset) to the compacted
 * checkpoint topic, keyed by {@code host|path}. Lines and position become visible together or not
 * at all. On start the producer's {@code transactional.id} ({@code avcwatch-tailer-host:path})
 * calls {@code initTransactions()}, which fences a zombie predecessor and aborts its open
 * transaction; only then is the position read back with {@code read_committed}. So after a
 * {@code kill -9} at any moment, everything before the position is in Kafka once, and nothing after
 * it is visible: reading resumes at exactly the first line not yet committed.
 *
 * <p><b>Outages.</b> Any Kafka or file error ends the session: the producer is dropped without
 * committing, the tailer logs a warning, waits (backing off from 0.5 s to 10 s) and starts a new
 * session from the committed position, exactly as after a crash. Nothing is read ahead of what the
 * producer accepts, and the producer's queue is bounded ({@code buffer.memory}), so memory stays
 * bounded however long Kafka is away.
 *
 * <p>A transaction closes after {@value #MAX_TXN_RECORDS} lines, {@value #MAX_TXN_BYTES} bytes,
 * {@value #MAX_TXN_MILLIS} ms or when the file has nothing more right now; a live file therefore
 * commits every poll interval, a backlog in large transactions that keep throughput close to a
 * plain producer's.
 */
public final class ExactlyOnceTailer implements Runnable, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ExactlyOnceTailer.class);
    static final int MAX_TXN_RECORDS = 100_000;
    static final int MAX_TXN_BYTES = 32 * 1024 * 1024;
    static final long MAX_TXN_MILLIS = 1_000;
    private static final int READ_CHUNK = 1 << 20;
    private static final long MIN_BACKOFF_MS = 500;
    private static final long MAX_BACKOFF_MS = 10_000;

    private final Settings settings;
    private final String sourceId;
    private final String path;
    private final CheckpointStore checkpoints;
    private final TailerMetrics metrics;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch done = new CountDownLatch(1);
    private final AtomicLong shipped = new AtomicLong();
    private volatile RuntimeException failure;
    private long backoffMs = MIN_BACKOFF_MS;

    /**
     * What to follow and where to ship it.
     *
     * @param file the live log path
     * @param host the key for lines without {@code node=}
     * @param rawTopic the raw topic's full name
     * @param checkpointTopic the checkpoint topic's full name
     * @param clientProps Kafka client properties (bootstrap, security), passed through
     * @param pollInterval how long to wait when the file has nothing new
     */
    public record Settings(Path file, String host, String rawTopic, String checkpointTopic,
            Properties clientProps, Duration pollInterval) {
        public Settings {
            file = file.toAbsolutePath();
            final Properties copy = new Properties();
            copy.putAll(clientProps);
            clientProps = copy;
        }
    }

    public ExactlyOnceTailer(final Settings settings) {
        this(settings, TailerMetrics.none());
    }

    /** A tailer that records lines shipped, outages and connectivity in {@code metrics}. */
    public ExactlyOnceTailer(final Settings settings, final TailerMetrics metrics) {
        this.settings = settings;
        this.metrics = metrics;
        this.sourceId = settings.host() + ":" + settings.file();
        this.path = settings.file().toString();
        this.checkpoints = new CheckpointStore(settings.checkpointTopic(), settings.clientProps());
    }

    /** Follows the file until {@link #close()}; returns early only if another tailer fenced this one. */
    @Override
    public void run() {
        try {
            while (stop.getCount() > 0) {
                try {
                    session();
                } catch (ProducerFencedException e) {
                    failure = new IllegalStateException("another tailer took over " + sourceId + ": " + e.getMessage(), e);
                    LOG.error("Stopping: another tailer with transactional id {} took over", transactionalId());
                    return;
                } catch (AuthenticationException | AuthorizationException e) {
                    failure = e;
                    LOG.error("Stopping: Kafka refused the tailer's credentials: {}", e.getMessage());
                    return;
                } catch (KafkaException | IOException e) {
                    metrics.sessionFailed();
                    LOG.warn("Shipping {} paused ({}); no line is dropped: resuming from the last committed "
                            + "position in {} ms", settings.file(), e.toString(), backoffMs);
                    await(backoffMs);
                    backoffMs = Math.min(backoffMs * 2, MAX_BACKOFF_MS);
                }
            }
        } finally {
            metrics.stopped();
            done.countDown();
        }
    }

    /** Lines committed since this tailer started. */
    public long shippedLines() {
        return shipped.get();
    }

    /** Whether the tailer currently reaches Kafka (for {@code /health}). */
    public boolean connected() {
        return metrics.connected();
    }

    /** Why {@link #run()} gave up, or null. */
    public RuntimeException failure() {
        return failure;
    }

    /** Commits the transaction in progress, stops, and waits up to 30 s for that. */
    @Override
    public void close() {
        stop.countDown();
        try {
            if (!done.await(30, TimeUnit.SECONDS)) {
                LOG.warn("Tailer of {} did not stop within 30 s", settings.file());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String transactionalId() {
        return "avcwatch-tailer-" + sourceId;
    }

    private void session() throws IOException {
        final Properties p = ProducerSettings.base(settings.clientProps());
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId());
        final KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p);
        final KafkaClientMetrics clientMetrics = metrics.bindProducer(producer);
        boolean clean = false;
        try {
            producer.initTransactions();
            final FilePosition start = checkpoints.read(settings.host(), path);
            metrics.sessionStarted();
            LOG.info("Following {} from {}", settings.file(), start == null ? "its first byte" : start);
            try (FileFollower follower = FileFollower.resume(settings.file(), start)) {
                ship(producer, follower);
            }
            clean = true;
        } finally {
            // After a failure do not wait for in-flight sends: the next session re-reads the position.
            clientMetrics.close();
            producer.close(clean ? Duration.ofSeconds(30) : Duration.ZERO);
        }
    }

    private void ship(final KafkaProducer<byte[], byte[]> producer, final FileFollower follower) throws IOException {
        final RawRecordFactory records = new RawRecordFactory(settings.rawTopic(), settings.host());
        final Backlog backlog = new Backlog();
        while (stop.getCount() > 0) {
            List<Line> lines = follower.poll(READ_CHUNK);
            if (lines.isEmpty()) {
                backlog.caughtUp(settings.file());
                await(settings.pollInterval().toMillis());
                continue;
            }
            backlog.reading();
            producer.beginTransaction();
            final long started = System.nanoTime();
            int count = 0;
            long bytes = 0;
            while (!lines.isEmpty()) {
                for (Line line : lines) {
                    producer.send(records.toRecord(line));
                    bytes += line.bytes().length;
                }
                count += lines.size();
                if (count >= MAX_TXN_RECORDS || bytes >= MAX_TXN_BYTES || stop.getCount() == 0
                        || System.nanoTime() - started >= MAX_TXN_MILLIS * 1_000_000) {
                    break;
                }
                lines = follower.poll(READ_CHUNK);
            }
            final FilePosition position = follower.position();
            producer.send(checkpoints.record(settings.host(), path, position));
            producer.commitTransaction();
            shipped.addAndGet(count);
            metrics.committed(count, bytes);
            backlog.committed(count, bytes);
            backoffMs = MIN_BACKOFF_MS;
            LOG.debug("Committed {} lines of {}, now at {}", count, settings.file(), position);
        }
    }

    /**
     * Measures a burst of shipping (a backlog after start-up or an outage) and reports it once the
     * file is drained; the live trickle stays quiet.
     */
    private static final class Backlog {
        private static final long REPORT_AT_LINES = 100_000;
        private long startNanos = -1;
        private long lines;
        private long bytes;

        void reading() {
            if (startNanos < 0) {
                startNanos = System.nanoTime();
            }
        }

        void committed(final int count, final long size) {
            lines += count;
            bytes += size;
        }

        void caughtUp(final Path file) {
            if (lines >= REPORT_AT_LINES) {
                final double seconds = Math.max(1e-9, (System.nanoTime() - startNanos) / 1e9);
                LOG.info("Caught up with {}: {} lines, {} bytes in {} s ({} lines/s, {} MB/s)", file, lines, bytes,
                        String.format("%.2f", seconds), Math.round(lines / seconds),
                        String.format("%.1f", bytes / seconds / 1e6));
            }
            startNanos = -1;
            lines = 0;
            bytes = 0;
        }
    }

    private void await(final long millis) {
        try {
            stop.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop.countDown();
        }
    }
}
