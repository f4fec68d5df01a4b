package io.avcwatch.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code avcwatch inventory podman}: follow Podman's Docker-compatible API and publish its containers' labels. */
@Command(name = "podman", mixinStandardHelpOptions = true,
        description = {"List, inspect and follow the containers of Podman through its Docker-compatible API "
                + "(read-only calls; `systemctl enable --now podman.socket`) and publish who holds which SELinux "
                + "label to avc.containers. Runs until stopped; reconnects with backoff."})
public final class InventoryPodmanCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    private KafkaOptions kafka;

    @Option(names = "--socket", paramLabel = "PATH", defaultValue = "/run/podman/podman.sock",
            description = "Podman's API socket (default: ${DEFAULT-VALUE}; rootless: $XDG_RUNTIME_DIR/podman/podman.sock, "
                    + "one per user: run one inventory per socket).")
    private Path socket;

    @Option(names = "--host", paramLabel = "NAME",
            description = "Host name in the keys; must match the audit log's node= (default: this machine's name).")
    private String host;

    @Override
    public Integer call() {
        return EngineFollow.follow("podman", socket, host, kafka, spec.commandLine().getErr());
    }
}
