package io.avcwatch.app.inventory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@code avc.containers} in step with a live Docker or Podman engine: reads every container
 * once, then follows the engine's lifecycle events, and starts over (with backoff) whenever the socket
 * goes away.
 *
 * <p>On {@code create}, {@code start} and {@code die} the container is inspected and its start and
 * finish times applied; on {@code destroy}, or a {@code die} whose container is already gone, the
 * event's own time closes the run. After a reconnect the full re-read closes runs of containers removed
 * meanwhile at the time of the re-read, and the event stream resumes from the last event seen, so the
 * engine replays what happened in between. The {@link LabelBook} publishes nothing twice.
 */
public final class EngineWatcher {
    private static final Logger LOG = LoggerFactory.getLogger(EngineWatcher.class);

    /** Pauses between reconnect attempts; tests substitute one that does not wait. */
    @FunctionalInterface
    public interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    private final EngineApi api;
    private final String engine;
    private final InspectParser parser = new InspectParser();
    private final Consumer<LabelVersion> sink;
    private final Clock clock;
    private final Pause pause;
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private final Duration history;

    private LabelBook book;
    private Optional<Instant> lastEvent = Optional.empty();
    private volatile boolean stopped;
    private volatile EngineApi.EventStream openStream;

    /**
     * @param api the engine's socket
     * @param engine {@code docker} or {@code podman}, recorded on containers whose inspect does not tell
     * @param host the host name in every key
     * @param sink receives each record to publish, in order
     * @param history how long finished runs stay listed in the values published after them
     */
    public EngineWatcher(final EngineApi api, final String engine, final String host,
            final Consumer<LabelVersion> sink, final Clock clock, final Pause pause,
            final Duration firstBackoff, final Duration maxBackoff, final Duration history) {
        this.api = api;
        this.engine = engine;
        this.book = LabelBook.empty(host);
        this.sink = sink;
        this.clock = clock;
        this.pause = pause;
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
        this.history = history;
    }

    /**
     * Runs sessions until {@link #stop()} or interruption. A failed connection waits twice as long as
     * the one before (up to the maximum); an event stream the engine ended (a restart) waits the
     * shortest time before reconnecting.
     */
    public void run() {
        Duration backoff = firstBackoff;
        while (!stopped && !Thread.currentThread().isInterrupted()) {
            Duration wait;
            try {
                session();
                backoff = firstBackoff;
                wait = firstBackoff;
            } catch (EngineException e) {
                if (stopped) {
                    return;
                }
                LOG.warn("{} engine unavailable ({}); reconnecting in {} ms", engine, e.getMessage(), backoff.toMillis());
                wait = backoff;
                backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
            }
            if (stopped) {
                return;
            }
            try {
                pause.pause(wait);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Makes {@link #run()} return: ends the current event stream and prevents reconnects. */
    public void stop() {
        stopped = true;
        final EngineApi.EventStream stream = openStream;
        if (stream != null) {
            stream.close();
        }
    }

    /**
     * One connection: re-read every container, then apply events until the engine ends the stream.
     *
     * @throws EngineException when the socket is unreachable or breaks
     */
    public void session() throws EngineException {
        final Instant resyncAt = clock.instant();
        final Instant since = lastEvent.orElse(resyncAt);
        resync(resyncAt);
        try (EngineApi.EventStream events = api.events(since)) {
            openStream = events;
            if (stopped) {
                return;
            }
            Optional<EngineEvent> event = events.next();
            while (event.isPresent()) {
                apply(event.get());
                lastEvent = Optional.of(event.get().time());
                event = events.next();
            }
            LOG.info("{} engine ended the event stream", engine);
        } finally {
            openStream = null;
        }
    }

    private void resync(final Instant at) throws EngineException {
        book = book.forget(at.minus(history));
        final List<ContainerFacts> present = new ArrayList<>();
        for (final String id : api.containerIds()) {
            inspect(id).ifPresent(present::add);
        }
        final LabelBook.Update update = LabelTimeline.apply(book, present);
        publish(update);
        final List<String> presentIds = present.stream().map(ContainerFacts::id).toList();
        for (final String gone : book.openContainerIds()) {
            if (!presentIds.contains(gone)) {
                publish(book.finished(gone, at));
            }
        }
        LOG.info("{} engine: {} containers read", engine, present.size());
    }

    private void apply(final EngineEvent event) throws EngineException {
        LOG.debug("{} event {} {}", engine, event.action(), event.containerId());
        if (event.action().equals("destroy")) {
            publish(book.finished(event.containerId(), event.time()));
            return;
        }
        final Optional<ContainerFacts> facts = inspect(event.containerId());
        if (facts.isPresent()) {
            publish(LabelTimeline.apply(book, List.of(facts.get())));
        } else if (event.action().equals("die")) {
            publish(book.finished(event.containerId(), event.time()));
        }
    }

    private Optional<ContainerFacts> inspect(final String id) throws EngineException {
        final Optional<String> json = api.inspect(id);
        if (json.isEmpty()) {
            return Optional.empty();
        }
        final InspectResult result = parser.parseObject(json.get());
        if (result instanceof InspectResult.Parsed parsed) {
            return Optional.of(withEngine(parsed.facts()));
        }
        LOG.warn("{} engine: skipping container {}: {}", engine, id, ((InspectResult.Rejected) result).reason());
        return Optional.empty();
    }

    private ContainerFacts withEngine(final ContainerFacts f) {
        return new ContainerFacts(engine, f.id(), f.name(), f.image(), f.processLabel(), f.mountLabel(),
                f.startedAt(), f.finishedAt(), f.privileged(), f.securityOpt(), f.pidMode(), f.networkMode(),
                f.mounts(), f.pod(), f.node(), f.ipcMode());
    }

    private void publish(final LabelBook.Update update) {
        book = update.book();
        update.published().forEach(sink);
    }
}
