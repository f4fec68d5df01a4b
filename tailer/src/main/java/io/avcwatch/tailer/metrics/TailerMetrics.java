package io.avcwatch.tailer.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.Producer;

/**
 * The meters of one followed file, tagged {@code host} (the key of lines without {@code node=}) and
 * {@code file}. Prometheus names (Micrometer appends {@code _total} to counters):
 * <ul>
 *   <li>{@value #LINES_SHIPPED} — lines committed to {@code audit.raw}; {@code rate()} is lines/s;
 *   <li>{@value #BYTES_SHIPPED} — their bytes;
 *   <li>{@value #OUTAGES} — sessions ended by a Kafka or file error (each resumes from the last commit);
 *   <li>{@value #CONNECTED} — 1 while a session holds a working transactional producer, else 0.
 * </ul>
 * The producer's own client metrics (request latency, buffer use, errors) are bound per session through
 * {@link #bindProducer}.
 */
public final class TailerMetrics {
    /** Counter: lines committed. */
    public static final String LINES_SHIPPED = "avcwatch.tailer.lines.shipped";
    /** Counter: bytes of the lines committed. */
    public static final String BYTES_SHIPPED = "avcwatch.tailer.bytes.shipped";
    /** Counter: sessions that ended with an error. */
    public static final String OUTAGES = "avcwatch.tailer.outages";
    /** Gauge: 1 while connected to Kafka. */
    public static final String CONNECTED = "avcwatch.tailer.connected";

    private final MeterRegistry registry;
    private final Counter lines;
    private final Counter bytes;
    private final Counter outages;
    private final AtomicInteger connected = new AtomicInteger();

    /** Registers the meters of {@code file} shipped under {@code host} in {@code registry}. */
    public TailerMetrics(final MeterRegistry registry, final String host, final String file) {
        this.registry = registry;
        final Tags tags = Tags.of("host", host, "file", file);
        this.lines = Counter.builder(LINES_SHIPPED).tags(tags).description("Audit lines committed to audit.raw")
                .register(registry);
        this.bytes = Counter.builder(BYTES_SHIPPED).tags(tags).baseUnit("bytes")
                .description("Bytes of the audit lines committed to audit.raw").register(registry);
        this.outages = Counter.builder(OUTAGES).tags(tags)
                .description("Shipping sessions ended by a Kafka or file error").register(registry);
        Gauge.builder(CONNECTED, connected, AtomicInteger::get).tags(tags)
                .description("1 while the tailer holds a working transactional producer").register(registry);
    }

    /** Meters that go nowhere, for a tailer nobody scrapes. */
    public static TailerMetrics none() {
        return new TailerMetrics(new CompositeMeterRegistry(), "", "");
    }

    /** A transaction of {@code count} lines ({@code size} bytes) committed. */
    public void committed(final int count, final long size) {
        lines.increment(count);
        bytes.increment(size);
        connected.set(1);
    }

    /** The producer is initialised and the position read: Kafka is reachable. */
    public void sessionStarted() {
        connected.set(1);
    }

    /** The session ended with an error; the tailer backs off and starts again. */
    public void sessionFailed() {
        outages.increment();
        connected.set(0);
    }

    /** The tailer stopped (closed or fenced). */
    public void stopped() {
        connected.set(0);
    }

    /** Whether the last session reached Kafka and has not failed since. */
    public boolean connected() {
        return connected.get() == 1;
    }

    /** Binds {@code producer}'s client metrics until the returned binder is closed (with the producer). */
    public KafkaClientMetrics bindProducer(final Producer<?, ?> producer) {
        final KafkaClientMetrics binder = new KafkaClientMetrics(producer);
        binder.bindTo(registry);
        return binder;
    }
}
