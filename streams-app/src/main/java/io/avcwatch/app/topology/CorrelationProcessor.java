package io.avcwatch.app.topology;

import io.avcwatch.app.denials.DenialBuilder;
import io.avcwatch.app.denials.MacEvents;
import io.avcwatch.parsers.AuditEvent;
import io.avcwatch.schemas.AvcDenial;
import io.avcwatch.schemas.ContainerLabel;
import io.avcwatch.schemas.MacEvent;
import io.avcwatch.schemas.SourcePosition;
import io.avcwatch.schemas.Topics;
import io.avcwatch.schemas.ZeroPadded;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.VersionedKeyValueStore;
import org.apache.kafka.streams.state.VersionedRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Attributes each event's denials to containers and hands denials and SELinux state changes on to detection,
 * host by host in the order their events were assembled.
 *
 * <p>The container labels are the versioned store {@value AvcwatchTopology#CONTAINERS_STORE}, filled from
 * {@code avc.containers} in the same task (the topic is partitioned by host like {@code audit.raw}), and read
 * as of each denial's event time. A denial whose subject label, or categorised object label, no container held
 * yet may be ahead of late inventory: its event waits in {@value AvcwatchTopology#WAITING_STORE} until its
 * host's own event time passes the event plus {@link TopologyConfig#inventoryGrace()}, then is looked up again
 * (still as of its event time) and goes on with whatever it found. Every later event of that host waits
 * behind it, so detection always sees a host's denials and state changes in one order, whichever moment the
 * inventory arrived at; a denial found at once is released at once when nothing waits before it.
 *
 * <p>The waiting events are also released by an {@link EndOfInput} marker (all of them) and, live only, by
 * the wall clock when their host went quiet (its event time estimated as the last one plus the wall time
 * since). In a finite run the wall clock has no say.
 */
final class CorrelationProcessor implements Processor<String, AssemblyOutput, String, DetectionInput> {
    private static final Logger LOG = LoggerFactory.getLogger(CorrelationProcessor.class);
    private static final char KEY_SEPARATOR = '|';

    /** {@link HostQueue#headUnsettledAt} when the head was not looked up since it became the head. */
    private static final long NOT_CHECKED = Long.MIN_VALUE;

    private final TopologyConfig config;
    private final long graceMs;
    private final String containersTopic;
    private final Map<String, HostQueue> hosts = new HashMap<>();
    private ProcessorContext<String, DetectionInput> context;
    private VersionedKeyValueStore<String, ContainerLabel> containers;
    private KeyValueStore<String, String> waiting;
    private long nextSequence;

    CorrelationProcessor(final TopologyConfig config) {
        this.config = config;
        this.graceMs = config.inventoryGrace().toMillis();
        this.containersTopic = Topics.AVC_CONTAINERS.name(config.topicPrefix());
    }

    @Override
    public void init(final ProcessorContext<String, DetectionInput> ctx) {
        this.context = ctx;
        hosts.clear(); // a revived task (after an aborted transaction) inits the same instance again
        nextSequence = 0;
        this.containers = ctx.getStateStore(AvcwatchTopology.CONTAINERS_STORE);
        this.waiting = ctx.getStateStore(AvcwatchTopology.WAITING_STORE);
        restore();
        if (!config.finiteInput()) {
            ctx.schedule(config.punctuateEvery(), PunctuationType.WALL_CLOCK_TIME, this::onWallClock);
        }
    }

    @Override
    public void process(final Record<String, AssemblyOutput> in) {
        if (in.value() instanceof AssemblyOutput.End) {
            hosts.forEach((host, queue) -> drain(host, queue, Long.MAX_VALUE));
            context.forward(new Record<>(in.key(), new DetectionInput.End(), in.timestamp()));
            return;
        }
        if (!(in.value() instanceof AssemblyOutput.Assembled assembled)) {
            return;
        }
        final String host = in.key();
        final HostQueue queue = hosts.computeIfAbsent(host, h -> new HostQueue());
        queue.clockMs = Math.max(queue.clockMs, in.timestamp());
        queue.lastArrivalWallMs = context.currentSystemTimeMs();
        drain(host, queue, queue.clockMs);
        final Derived derived = derive(host, assembled.event(), assembled.source(), in.timestamp());
        if (derived.isEmpty()) {
            return;
        }
        long unsettledAt = NOT_CHECKED;
        if (queue.entries.isEmpty()) {
            final Attempt attempt = correlate(derived.denials());
            if (attempt.settled()) {
                emit(host, derived, attempt.denials());
                return;
            }
            unsettledAt = inventorySeen();
        }
        final String key = host + KEY_SEPARATOR + ZeroPadded.of(nextSequence++);
        waiting.put(key, new WaitingEvent(assembled.event(), assembled.source()).encode());
        queue.entries.addLast(new Waiting(key, derived));
        if (queue.entries.size() == 1) {
            queue.headUnsettledAt = unsettledAt;
        }
        if (queue.entries.size() == 1 && derived.timeMs() + graceMs <= queue.clockMs) {
            drain(host, queue, queue.clockMs);
        }
    }

    private void onWallClock(final long wallMs) {
        hosts.forEach((host, queue) -> {
            if (!queue.entries.isEmpty()) {
                drain(host, queue, queue.clockMs + Math.max(0, wallMs - queue.lastArrivalWallMs));
            }
        });
    }

    /**
     * Releases the host's waiting events from the oldest on, while each is settled by the inventory now or its
     * grace period ended by {@code clockMs}; the first one that must wait longer stops the release.
     */
    private void drain(final String host, final HostQueue queue, final long clockMs) {
        while (!queue.entries.isEmpty()) {
            final Waiting head = queue.entries.peekFirst();
            final boolean graceOver = head.derived().timeMs() + graceMs <= clockMs;
            // an unsettled lookup can only change with new inventory: while the container store took no record
            // since the head was last found unsettled, looking it up again (as of the same event time) would
            // give the same answer, so it keeps waiting without one
            final long seen = graceOver ? NOT_CHECKED : inventorySeen();
            if (!graceOver && seen == queue.headUnsettledAt) {
                return;
            }
            final Attempt attempt = correlate(head.derived().denials());
            if (!attempt.settled() && !graceOver) {
                queue.headUnsettledAt = seen;
                return;
            }
            queue.entries.pollFirst();
            queue.headUnsettledAt = NOT_CHECKED;
            waiting.delete(head.key());
            emit(host, head.derived(), attempt.denials());
        }
    }

    /**
     * How far the container store has read {@code avc.containers} (the sum of the offsets its {@link
     * org.apache.kafka.streams.query.Position} records for the topic's partitions): it moves with every inventory
     * record the task's table takes; -1 while it has taken none. Only ever used to skip a lookup that would repeat
     * the last one: if a store did not track its position, a waiting event would be looked up again when its
     * grace period ends, with the same result as at any time before (lookups are as of the event time).
     */
    private long inventorySeen() {
        final Map<Integer, Long> offsets = containers.getPosition().getPartitionPositions(containersTopic);
        if (offsets.isEmpty()) {
            return -1;
        }
        long sum = 0;
        for (final Long offset : offsets.values()) {
            sum += offset;
        }
        return sum;
    }

    private Attempt correlate(final List<AvcDenial> denials) {
        final List<AvcDenial> out = new ArrayList<>(denials.size());
        boolean settled = true;
        for (final AvcDenial denial : denials) {
            final long at = denial.event().time().toEpochMilli();
            final ContainerLabel source = ContainerCorrelation.hasCategories(denial.scontext())
                    ? lookup(ContainerCorrelation.sourceKey(denial), at) : null;
            final ContainerLabel target;
            if (!ContainerCorrelation.hasCategories(denial.tcontext())) {
                target = null;
            } else {
                final String targetKey = ContainerCorrelation.targetKey(denial);
                target = source != null && targetKey.equals(ContainerCorrelation.sourceKey(denial))
                        ? source : lookup(targetKey, at);
            }
            settled &= ContainerCorrelation.settled(denial, denial.scontext(), source)
                    && ContainerCorrelation.settled(denial, denial.tcontext(), target);
            out.add(ContainerCorrelation.withTarget(ContainerCorrelation.withSource(denial, source), target));
        }
        return new Attempt(out, settled);
    }

    private ContainerLabel lookup(final String key, final long atMs) {
        final VersionedRecord<ContainerLabel> version = containers.get(key, atMs);
        return version == null ? null : version.value();
    }

    private void emit(final String host, final Derived derived, final List<AvcDenial> correlated) {
        for (final AvcDenial denial : correlated) {
            context.forward(new Record<>(host, new DetectionInput.Denial(denial), derived.timeMs()));
        }
        for (final MacEvent event : derived.macEvents()) {
            context.forward(new Record<>(host, new DetectionInput.StateChange(event), derived.timeMs()));
        }
    }

    private static Derived derive(final String host, final AuditEvent event, final SourcePosition source,
            final long timeMs) {
        final List<AvcDenial> denials = DenialBuilder.build(event, host);
        final List<MacEvent> macEvents = MacEvents.build(event, host);
        if (source == null) {
            return new Derived(timeMs, denials, macEvents);
        }
        return new Derived(timeMs, denials.stream().map(d -> d.toBuilder().source(source).build()).toList(),
                macEvents.stream().map(e -> withSource(e, source)).toList());
    }

    /** The provenance of the event a state change came from (its first record's file and offset). */
    private static MacEvent withSource(final MacEvent e, final SourcePosition source) {
        return new MacEvent(e.host(), e.event(), e.kind(), e.enforcing(), e.oldEnforcing(), e.bool(), e.val(),
                e.oldVal(), e.auid(), e.ses(), e.pid(), e.uid(), e.subj(), e.comm(), e.exe(), e.res(), e.fields(),
                source);
    }

    /**
     * Rebuilds the queues from the store after a restart or rebalance, in their original order. Their hosts count
     * as heard from now (as in {@link HostEvents#restore}): the records after the committed offset this task
     * resumes from are read again, so the wall clock must not cut the restored events' grace short.
     */
    private void restore() {
        int restored = 0;
        final long wallMs = context.currentSystemTimeMs();
        try (KeyValueIterator<String, String> all = waiting.all()) {
            while (all.hasNext()) {
                final KeyValue<String, String> entry = all.next();
                final int bar = entry.key.lastIndexOf(KEY_SEPARATOR);
                final String host = entry.key.substring(0, bar);
                nextSequence = Math.max(nextSequence, Long.parseLong(entry.key.substring(bar + 1)) + 1);
                final WaitingEvent event = WaitingEvent.decode(entry.value);
                if (event == null) {
                    waiting.delete(entry.key);
                    continue;
                }
                final long timeMs = event.event().id().epochMillis();
                final HostQueue queue = hosts.computeIfAbsent(host, h -> new HostQueue());
                queue.clockMs = Math.max(queue.clockMs, timeMs);
                queue.lastArrivalWallMs = wallMs;
                queue.entries.addLast(new Waiting(entry.key, derive(host, event.event(), event.source(), timeMs)));
                restored++;
            }
        }
        if (restored > 0) {
            LOG.info("task {}: {} events waiting for container inventory restored from {}", context.taskId(),
                    restored, AvcwatchTopology.WAITING_STORE);
        }
    }

    /** One host's waiting events (oldest first) and its event-time clock. */
    private static final class HostQueue {
        private final ArrayDeque<Waiting> entries = new ArrayDeque<>();
        /** {@link #inventorySeen()} when the head was last looked up and had to wait; {@link #NOT_CHECKED} if not yet. */
        private long headUnsettledAt = NOT_CHECKED;
        private long clockMs = Long.MIN_VALUE;
        private long lastArrivalWallMs;
    }

    /** The denials (not yet attributed) and state changes of one event, stamped with its event time. */
    private record Derived(long timeMs, List<AvcDenial> denials, List<MacEvent> macEvents) {
        boolean isEmpty() {
            return denials.isEmpty() && macEvents.isEmpty();
        }
    }

    private record Waiting(String key, Derived derived) {
    }

    /** The attributed denials, and whether more inventory could still change them. */
    private record Attempt(List<AvcDenial> denials, boolean settled) {
    }
}
