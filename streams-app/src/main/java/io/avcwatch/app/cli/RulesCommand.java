package io.avcwatch.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code avcwatch rules}: inspect and validate detection rules; see its subcommands. */
@Command(
        name = "rules",
        mixinStandardHelpOptions = true,
        description = "List the detection rules or check a rule file.",
        subcommands = {RulesListCommand.class, RulesCheckCommand.class})
public final class RulesCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }
}
