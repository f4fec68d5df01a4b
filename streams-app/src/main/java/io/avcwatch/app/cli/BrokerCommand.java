package io.avcwatch.app.cli;

import io.avcwatch.app.broker.EmbeddedBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code avcwatch broker}: runs the embedded single-node KRaft broker until Ctrl-C or SIGTERM. */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = "Run a real single-node Kafka (KRaft) broker on loopback for trying avcwatch out.")
public final class BrokerCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", defaultValue = "9092", paramLabel = "N",
            description = "Loopback port for clients; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Keep topics here across restarts (default: a temporary directory, deleted on exit).")
    private Path dataDir;

    @Override
    public Integer call() {
        if (port < 0 || port > 65_535) {
            throw new UserException("--port must be between 0 and 65535, got " + port);
        }
        if (dataDir != null && Files.exists(dataDir) && !Files.isDirectory(dataDir)) {
            throw new UserException("--data-dir " + dataDir + " is not a directory");
        }
        final EmbeddedBroker broker;
        try {
            broker = EmbeddedBroker.start(dataDir, port);
        } catch (RuntimeException e) {
            throw new UserException("cannot start the broker on port " + port + ": " + rootMessage(e), e);
        }
        final Thread stopper = new Thread(broker::close, "avcwatch-broker-shutdown");
        Runtime.getRuntime().addShutdownHook(stopper);
        spec.commandLine().getOut().println(broker.bootstrapServers());
        spec.commandLine().getOut().flush();
        spec.commandLine().getErr().println("avcwatch: Kafka broker listening on " + broker.bootstrapServers()
                + " (data in " + broker.dataDir() + "); Ctrl-C stops it");
        spec.commandLine().getErr().flush();
        broker.awaitShutdown();
        return ExitCodes.OK;
    }

    private static String rootMessage(final Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
