package io.avcwatch.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code avcwatch inventory}: publish which container held which SELinux label, to {@code avc.containers}. */
@Command(
        name = "inventory",
        mixinStandardHelpOptions = true,
        description = "Publish container SELinux labels to avc.containers: live from Docker/Podman, or from saved inspect JSON.",
        subcommands = {InventoryDockerCommand.class, InventoryPodmanCommand.class, InventoryImportCommand.class})
public final class InventoryCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }
}
