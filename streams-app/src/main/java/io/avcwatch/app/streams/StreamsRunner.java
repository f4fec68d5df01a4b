package io.avcwatch.app.streams;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a topology: starts {@link KafkaStreams}, reports when it is running, and stops it cleanly (shutting
 * the whole application down on an unexpected error rather than retrying a poison record forever). Used by
 * {@code avcwatch streams}, {@code analyze} and the integration tests.
 */
public final class StreamsRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StreamsRunner.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaStreams streams;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    private StreamsRunner(final Topology topology, final Properties props) {
        this.streams = new KafkaStreams(topology, props);
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("stream thread failed; shutting the application down", e);
            failure.compareAndSet(null, e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_APPLICATION;
        });
        streams.setStateListener((now, before) -> {
            LOG.info("streams state {} -> {}", before, now);
            if (now == KafkaStreams.State.NOT_RUNNING || now == KafkaStreams.State.ERROR) {
                stopped.countDown();
            }
        });
    }

    /** Starts {@code topology}; returns at once (see {@link #awaitRunning}). */
    public static StreamsRunner start(final Topology topology, final Properties props) {
        preferUsFormatLocale();
        final StreamsRunner runner = new StreamsRunner(topology, props);
        runner.streams.start();
        return runner;
    }

    /**
     * Waits until every task is assigned and restored.
     *
     * @throws IllegalStateException when the application failed or {@code timeout} passed first
     */
    public void awaitRunning(final Duration timeout) {
        final Instant deadline = Instant.now().plus(timeout);
        while (streams.state() != KafkaStreams.State.RUNNING) {
            if (stopped.getCount() == 0 || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("streams not running after " + timeout + " (state "
                        + streams.state() + ")", failure.get());
            }
            try {
                stopped.await(50, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for streams", e);
            }
        }
    }

    /** Blocks until the application stops (close, shutdown hook, or a fatal error). */
    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    /** The error that stopped the application, or null. */
    public Throwable failure() {
        return failure.get();
    }

    /**
     * Makes {@code en_US} the default FORMAT locale when it is plain {@code en} (Java's default under
     * {@code LANG=C.UTF-8} or an unset LANG, as in most containers). Kafka Streams' {@code
     * PartitionGroup.readyToProcess} formats a log text with {@code String.format("%d")} for every record
     * while one input partition of the task is empty (KAFKA-19682; here {@code avc.containers}, which is
     * empty between inventory changes), and a {@link java.util.Formatter} whose locale is not exactly
     * {@link Locale#US} builds a new {@link java.text.DecimalFormatSymbols} for every number it prints: 6 %
     * of the stream thread in the benchmark's profile (BENCHMARKS.md, Streams). CLDR's {@code en} is US English,
     * so every number, date and text formats the same either way; any other locale is left alone.
     */
    static void preferUsFormatLocale() {
        final Locale format = Locale.getDefault(Locale.Category.FORMAT);
        if (format.equals(Locale.ENGLISH)) {
            Locale.setDefault(Locale.Category.FORMAT, Locale.US);
        }
    }

    /** The running {@link KafkaStreams}, for state and metrics. */
    public KafkaStreams streams() {
        return streams;
    }

    @Override
    public void close() {
        streams.close(CLOSE_TIMEOUT);
        stopped.countDown();
    }
}
