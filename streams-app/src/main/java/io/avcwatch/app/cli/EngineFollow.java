package io.avcwatch.app.cli;

import io.avcwatch.app.inventory.EngineApi;
import io.avcwatch.app.inventory.EngineWatcher;
import io.avcwatch.app.inventory.LabelPublisher;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What {@code inventory docker} and {@code inventory podman} share: follow one engine until stopped. */
final class EngineFollow {
    private static final Logger LOG = LoggerFactory.getLogger(EngineFollow.class);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);
    /** Finished runs stay in later values this long; older ones live on in the versioned table only. */
    private static final Duration HISTORY = Duration.ofDays(7);

    private EngineFollow() {
    }

    /** Publishes the engine's containers and their changes until the process is stopped (Ctrl-C, SIGTERM). */
    static int follow(final String engine, final Path socket, final String hostOption, final KafkaOptions kafka,
            final PrintWriter err) {
        if (!Files.exists(socket)) {
            throw new UserException("no " + engine + " socket at " + socket + " (is the engine running? use --socket)");
        }
        final String host = InventoryHost.orLocal(hostOption);
        InventoryTopic.ensure(kafka.clientProperties(), kafka.topicPrefix());
        final CountDownLatch stopRequested = new CountDownLatch(1);
        final CountDownLatch flushed = new CountDownLatch(1);
        try (EngineApi api = EngineApi.overSocket(socket);
                LabelPublisher publisher = LabelPublisher.create(kafka.clientProperties(), kafka.topicPrefix())) {
            final EngineWatcher watcher = new EngineWatcher(api, engine, host, publisher, Clock.systemUTC(),
                    wait -> stopRequested.await(wait.toMillis(), TimeUnit.MILLISECONDS), FIRST_BACKOFF, MAX_BACKOFF,
                    HISTORY);
            // Ctrl-C / SIGTERM: end the event stream or the backoff, then let the publisher flush before exit.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stopRequested.countDown();
                watcher.stop();
                awaitQuietly(flushed);
            }, "avcwatch-inventory-stop"));
            err.printf("avcwatch: following %s at %s as host %s, publishing to %s%n", engine, socket, host,
                    publisher.topic());
            err.flush();
            LOG.info("inventory: following {} at {} for host {}", engine, socket, host);
            watcher.run();
            return ExitCodes.OK;
        } catch (IOException e) {
            LOG.warn("closing the {} socket client: {}", engine, e.toString());
            return ExitCodes.OK;
        } finally {
            flushed.countDown();
        }
    }

    private static void awaitQuietly(final CountDownLatch flushed) {
        try {
            flushed.await(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
