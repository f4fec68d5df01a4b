package io.avcwatch.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code avcwatch inventory docker}: follow a Docker engine and publish its containers' labels. */
@Command(name = "docker", mixinStandardHelpOptions = true,
        description = {"List, inspect and follow the containers of a Docker engine (read-only API calls) and "
                + "publish who holds which SELinux label to avc.containers. Runs until stopped; reconnects "
                + "with backoff when the socket goes away."})
public final class InventoryDockerCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    private KafkaOptions kafka;

    @Option(names = "--socket", paramLabel = "PATH", defaultValue = "/var/run/docker.sock",
            description = "The engine's unix socket (default: ${DEFAULT-VALUE}).")
    private Path socket;

    @Option(names = "--host", paramLabel = "NAME",
            description = "Host name in the keys; must match the audit log's node= (default: this machine's name).")
    private String host;

    @Override
    public Integer call() {
        return EngineFollow.follow("docker", socket, host, kafka, spec.commandLine().getErr());
    }
}
