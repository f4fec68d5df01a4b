package io.avcwatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class AvcwatchCommandTest {

    private static final List<String> NAMES =
            List.of("help", "broker", "rules", "parse", "inventory", "streams", "tail", "replay", "analyze");

    @Test
    void theRootListsEverySubcommandInOrder() {
        CommandLine all = AvcwatchCommand.commandLine();
        assertThat(all.getSubcommands().keySet()).containsExactlyElementsOf(NAMES);
        assertThat(all.getUsageMessage()).contains("parse", "analyze", "inventory");
    }

    @Test
    void aRunOfOneSubcommandBuildsJustThatOneUnderItsOwnName() {
        CommandLine all = AvcwatchCommand.commandLine();
        for (String name : NAMES.subList(1, NAMES.size())) {
            CommandLine lone = AvcwatchCommand.commandLine(new String[] {name, "--help"});
            assertThat(lone.getSubcommands().keySet()).as(name).containsExactly(name);
            CommandLine sub = lone.getSubcommands().get(name);
            // the name it is added under is the one its own @Command declares
            assertThat(sub.getCommand().getClass().getAnnotation(CommandLine.Command.class).name()).isEqualTo(name);
            assertThat(sub.getUsageMessage()).as(name).isEqualTo(all.getSubcommands().get(name).getUsageMessage());
        }
    }

    @Test
    void helpAnUnknownNameAndNoArgumentsGetEverySubcommand() {
        for (String[] args : List.of(new String[] {"help", "parse"}, new String[] {"prase"}, new String[0],
                new String[] {"--version"})) {
            assertThat(AvcwatchCommand.commandLine(args).getSubcommands().keySet()).containsExactlyElementsOf(NAMES);
        }
        StringWriter err = new StringWriter();
        CommandLine cl = AvcwatchCommand.commandLine(new String[] {"prase"});
        cl.setErr(new PrintWriter(err));
        assertThat(cl.execute("prase")).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(err.toString()).contains("Unmatched argument").contains("parse");
    }
}
