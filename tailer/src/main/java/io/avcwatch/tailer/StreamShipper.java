package io.avcwatch.tailer;

import java.io.IOException;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ships a stream without a durable position (stdin from the auditd plugin, archives being
 * replayed) with an idempotent producer: no duplicates from retries, order kept per host.
 *
 * <p>Sends never give up ({@code delivery.timeout.ms} is effectively unbounded); while Kafka is
 * unreachable {@code send} blocks once {@code buffer.memory} is full, this logs a warning every
 * {@code max.block.ms}, and reading pauses, so memory stays bounded and nothing is dropped. A stream
 * cannot be re-read after a crash: what the pipe held then is lost, which is why files should be
 * followed with {@link ExactlyOnceTailer} where possible.
 */
public final class StreamShipper {
    private static final Logger LOG = LoggerFactory.getLogger(StreamShipper.class);
    private static final int READ_CHUNK = 1 << 20;

    private final Properties producerProps;
    private final RawRecordFactory records;

    /**
     * @param clientProps client properties (bootstrap, security)
     * @param records builds the raw records
     */
    public StreamShipper(final Properties clientProps, final RawRecordFactory records) {
        this.producerProps = ProducerSettings.base(clientProps);
        this.producerProps.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.toString(Integer.MAX_VALUE));
        this.records = records;
    }

    /** What was shipped: lines acknowledged by Kafka and lines Kafka refused for good. */
    public record Result(long shipped, long failed) {
    }

    /** Ships every line of {@code source} until it is exhausted or {@code stopRequested} says so. */
    public Result ship(final LineSource source, final BooleanSupplier stopRequested) throws IOException {
        final AtomicLong acked = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final AtomicReference<Exception> firstError = new AtomicReference<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProps)) {
            while (!source.exhausted() && !stopRequested.getAsBoolean()) {
                final List<Line> lines = source.poll(READ_CHUNK);
                for (Line line : lines) {
                    send(producer, records.toRecord(line), (meta, e) -> {
                        if (e == null) {
                            acked.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                            if (firstError.compareAndSet(null, e)) {
                                LOG.error("Kafka refused the line at offset {} of {}: {}", line.offset(), line.source(), e.toString());
                            }
                        }
                    });
                }
            }
            producer.flush();
        }
        return new Result(acked.get(), failed.get());
    }

    private static void send(final KafkaProducer<byte[], byte[]> producer, final ProducerRecord<byte[], byte[]> record,
            final org.apache.kafka.clients.producer.Callback callback) {
        while (true) {
            try {
                producer.send(record, callback);
                return;
            } catch (TimeoutException e) {
                LOG.warn("Kafka unreachable or slow ({}); holding the stream, no line is dropped", e.getMessage());
            }
        }
    }
}
