package io.avcwatch.app.topology;

import io.avcwatch.app.observe.PipelineMeters;
import io.avcwatch.parsers.AuditEvent;
import io.avcwatch.parsers.AuditLineParser;
import io.avcwatch.parsers.AuditRecord;
import io.avcwatch.parsers.ByteWords;
import io.avcwatch.parsers.ParseError;
import io.avcwatch.parsers.ParseResult;
import io.avcwatch.parsers.SkippedLine;
import io.avcwatch.parsers.assemble.PartialEvent;
import io.avcwatch.schemas.Json;
import io.avcwatch.schemas.RawRecordHeaders;
import io.avcwatch.schemas.SourcePosition;
import java.nio.charset.StandardCharsets;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses {@code audit.raw} lines and assembles them into events per (host, serial).
 *
 * <p>The open events live in memory as parsed {@link PartialEvent}s for speed, and in the state store
 * {@value AvcwatchTopology#INFLIGHT_STORE} as their raw lines (key {@code host|serial}), which is what a
 * restarted or migrated task rebuilds them from. An event completes by the parser's completion rules, by
 * its host's event-time timeout, when its host holds too many open events, or when the host has been quiet
 * for a while by the wall clock (live only: in a finite run the wall clock has no say in results, so a
 * replay completes exactly the same events). Unparsable lines leave as dead letters; lines that carry no
 * record on purpose (blank, {@code ----}) are counted and reported. An {@link EndOfInput} marker completes
 * every open event at once and forwards an {@link AssemblyOutput.End}: the end of a finite replay.
 */
final class EventAssemblyProcessor implements Processor<String, byte[], String, AssemblyOutput> {
    private static final Logger LOG = LoggerFactory.getLogger(EventAssemblyProcessor.class);
    private static final char KEY_SEPARATOR = '|';
    /** Starts the first line of a stored event when it holds the event's provenance. */
    private static final String SOURCE_LINE = "\u0000source ";

    private final TopologyConfig config;
    private final PipelineMeters meters;
    private final Map<String, HostEvents> hosts = new HashMap<>();
    private ProcessorContext<String, AssemblyOutput> context;
    private KeyValueStore<String, String> store;
    private long skippedLines;
    private long reportedSkipped;
    private final Map<String, Long> reportedLost = new HashMap<>();
    /** Where the first record of each open event was read, by store key: the alerts' provenance. */
    private final Map<String, FirstRecord> firstRecordAt = new HashMap<>();
    private Record<String, byte[]> currentRecord;
    private SourcePosition currentPosition;
    private boolean currentPositionRead;
    private String currentKey;
    private String currentHost;
    private long currentSerial;

    EventAssemblyProcessor(final TopologyConfig config) {
        this(config, PipelineMeters.none());
    }

    EventAssemblyProcessor(final TopologyConfig config, final PipelineMeters meters) {
        this.config = config;
        this.meters = meters;
    }

    @Override
    public void init(final ProcessorContext<String, AssemblyOutput> ctx) {
        this.context = ctx;
        // a revived task (after an aborted transaction) inits the same instance again: start from the store
        hosts.clear();
        firstRecordAt.clear();
        this.store = ctx.getStateStore(AvcwatchTopology.INFLIGHT_STORE);
        restore();
        ctx.schedule(config.punctuateEvery(), PunctuationType.WALL_CLOCK_TIME, this::onWallClock);
    }

    @Override
    public void process(final Record<String, byte[]> in) {
        if (EndOfInput.isMarker(in.headers())) {
            endOfInput(in.timestamp());
            return;
        }
        final String host = in.key() == null ? "" : in.key();
        final byte[] bytes = in.value() == null ? new byte[0] : in.value();
        meters.recordRead(host);
        // an ASCII line (nearly all) lets the audit.events writer copy its values in bulk
        final ParseResult parsed = AuditLineParser.parse(new String(bytes, StandardCharsets.UTF_8),
                ByteWords.isAscii(bytes));
        if (parsed instanceof ParseError error) {
            final var letter = DeadLetters.of(in, context.recordMetadata().orElse(null),
                    DeadLetters.STAGE_PARSE, error.kind().name(), error.detail());
            context.forward(letter.withValue(new AssemblyOutput.Rejected(letter.value())));
            meters.deadLetter(DeadLetters.STAGE_PARSE, error.kind().name());
        } else if (parsed instanceof SkippedLine) {
            skippedLines++;
        } else if (parsed instanceof AuditRecord record) {
            currentRecord = in;
            currentPositionRead = false;
            currentHost = host;
            currentSerial = record.id().serial();
            currentKey = storeKey(host, currentSerial);
            assemble(host, record);
        }
    }

    private void assemble(final String host, final AuditRecord record) {
        final long wallMs = context.currentSystemTimeMs();
        final HostEvents events = hosts.computeIfAbsent(host, h -> new HostEvents());
        final long lostBefore = events.lostEvents();
        final List<AuditEvent> done = events.add(record, wallMs, config.eventTimeout().toMillis(), storeFor(host));
        if (events.lostEvents() > lostBefore) {
            meters.eventsLost(host, events.lostEvents() - lostBefore);
        }
        done.forEach(e -> emit(host, e));
        while (events.inFlight() > config.maxInFlight()) {
            final AuditEvent oldest = events.evictOldest();
            store.delete(storeKey(host, oldest.id().serial()));
            emit(host, oldest);
        }
    }

    private void onWallClock(final long wallMs) {
        if (!config.finiteInput()) {
            for (final Map.Entry<String, HostEvents> entry : hosts.entrySet()) {
                final HostEvents events = entry.getValue();
                if (events.inFlight() > 0
                        && wallMs - events.lastArrivalWallMs() >= config.quietHostAfter().toMillis()) {
                    for (final AuditEvent event : events.flush()) {
                        store.delete(storeKey(entry.getKey(), event.id().serial()));
                        emit(entry.getKey(), event);
                    }
                }
            }
        }
        report();
    }

    /**
     * The finite input of this partition is complete: every open event completes now, then an
     * {@link AssemblyOutput.End} tells the correlation and detection steps to release what they hold.
     */
    private void endOfInput(final long markerMs) {
        for (final Map.Entry<String, HostEvents> entry : hosts.entrySet()) {
            for (final AuditEvent event : entry.getValue().flush()) {
                store.delete(storeKey(entry.getKey(), event.id().serial()));
                emit(entry.getKey(), event);
            }
        }
        context.forward(new Record<>("", new AssemblyOutput.End(), markerMs));
        report();
        LOG.info("task {}: end of input, open events completed", context.taskId());
    }

    private void emit(final String host, final AuditEvent event) {
        final String key = keyOf(host, event.id().serial());
        final FirstRecord first = firstRecordAt.remove(key);
        SourcePosition source = first == null ? null : first.position();
        if (source == null && key.equals(currentKey) && event.records().size() == 1) {
            source = currentPosition(); // complete with its first record: never held open
        }
        context.forward(new Record<>(host, new AssemblyOutput.Assembled(event, source), event.id().epochMillis()));
        meters.eventAssembled(host);
    }

    /**
     * The current record's source position, read from its headers once, and only when an event needs it: the
     * first record of an event that stays open, or an event of one record. Most records are neither.
     */
    private SourcePosition currentPosition() {
        if (!currentPositionRead) {
            currentPosition = currentRecord == null ? null : position(currentRecord);
            currentPositionRead = true;
        }
        return currentPosition;
    }

    private static SourcePosition position(final Record<String, byte[]> in) {
        final RawRecordHeaders raw = RawRecordHeaders.readFrom(in.headers());
        return raw.sourcePath() == null && raw.offset() == null ? null
                : new SourcePosition(raw.sourcePath(), raw.inode(), raw.offset());
    }

    private HostEvents.Touched storeFor(final String host) {
        return new HostEvents.Touched() {
            @Override
            public void open(final long serial, final PartialEvent event) {
                final String key = keyOf(host, serial);
                FirstRecord first = firstRecordAt.get(key);
                if (first == null && currentPosition() != null) {
                    first = FirstRecord.at(currentPosition());
                    firstRecordAt.put(key, first);
                }
                store.put(key, storedValue(first == null ? null : first.storedLine(), event));
            }

            @Override
            public void closed(final long serial) {
                store.delete(keyOf(host, serial));
            }
        };
    }

    /**
     * Rebuilds the open events, with their provenance, from the store. Their hosts count as heard from now: the
     * records that complete them follow the committed offset this task resumes from, so a quiet-host flush
     * must not cut them off before those records are read again.
     */
    private void restore() {
        int restored = 0;
        final long wallMs = context.currentSystemTimeMs();
        try (KeyValueIterator<String, String> all = store.all()) {
            while (all.hasNext()) {
                final KeyValue<String, String> entry = all.next();
                final String host = entry.key.substring(0, entry.key.lastIndexOf(KEY_SEPARATOR));
                final SourcePosition source = storedSource(entry.value);
                final PartialEvent event = parseLines(source == null ? entry.value
                        : entry.value.substring(entry.value.indexOf('\n') + 1));
                if (event != null) {
                    hosts.computeIfAbsent(host, h -> new HostEvents()).restore(event, wallMs);
                    if (source != null) {
                        firstRecordAt.put(entry.key, FirstRecord.at(source));
                    }
                    restored++;
                }
            }
        }
        if (restored > 0) {
            LOG.info("task {}: restored {} open audit events from {}", context.taskId(), restored,
                    AvcwatchTopology.INFLIGHT_STORE);
        }
    }

    private void report() {
        if (skippedLines != reportedSkipped) {
            LOG.info("task {}: {} lines without an audit record skipped so far (blank, separators)",
                    context.taskId(), skippedLines);
            reportedSkipped = skippedLines;
        }
        hosts.forEach((host, events) -> {
            final long lost = events.lostEvents();
            if (lost != reportedLost.getOrDefault(host, 0L)) {
                LOG.info("host {}: {} audit events missing so far (serial gaps), {} late EOE records",
                        host, lost, events.lateEoe());
                reportedLost.put(host, lost);
            }
        });
    }

    /** {@link #storeKey}, reusing the key of the record being processed (most events complete with their own records). */
    private String keyOf(final String host, final long serial) {
        return serial == currentSerial && currentKey != null && host.equals(currentHost) ? currentKey
                : storeKey(host, serial);
    }

    private static String storeKey(final String host, final long serial) {
        return host + KEY_SEPARATOR + serial;
    }

    /**
     * An open event as stored: its raw lines, one per line, after a first line with where its first record was
     * read (a NUL character, {@code source } and the {@link SourcePosition} as JSON) when that is known, so a
     * migrated task gives its alerts the same provenance. Audit lines never start with NUL, and JSON keeps the
     * position on one line.
     */
    private static String storedValue(final String sourceLine, final PartialEvent event) {
        final StringBuilder lines = new StringBuilder();
        if (sourceLine != null) {
            lines.append(sourceLine);
        }
        for (final AuditRecord record : event.records()) {
            if (lines.length() > 0) {
                lines.append('\n');
            }
            lines.append(record.raw());
        }
        return lines.toString();
    }

    /** The provenance line of a stored event, or null when it has none. */
    private static SourcePosition storedSource(final String value) {
        final int end = value.indexOf('\n');
        return value.startsWith(SOURCE_LINE) && end > 0
                ? Json.fromJson(value.substring(SOURCE_LINE.length(), end), SourcePosition.class) : null;
    }

    /**
     * Where an open event's first record was read, with the provenance line its stored value starts with,
     * rendered once: the event is stored again with every record it gains.
     */
    private record FirstRecord(SourcePosition position, String storedLine) {
        static FirstRecord at(final SourcePosition position) {
            return new FirstRecord(position, SOURCE_LINE + Json.toJson(position) + '\n');
        }
    }

    private static PartialEvent parseLines(final String lines) {
        PartialEvent event = null;
        for (final String line : lines.split("\n", -1)) {
            if (AuditLineParser.parse(line) instanceof AuditRecord record) {
                event = event == null ? PartialEvent.start(record) : event.add(record);
            }
        }
        return event;
    }
}
