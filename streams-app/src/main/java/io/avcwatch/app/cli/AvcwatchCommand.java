package io.avcwatch.app.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Top-level command; each subcommand is its own {@code Callable<Integer>}. */
@Command(
        name = "avcwatch",
        mixinStandardHelpOptions = true,
        versionProvider = AvcwatchCommand.Version.class,
        description = "Container-aware SELinux AVC alerts from Linux audit logs.",
        subcommands = {CommandLine.HelpCommand.class, BrokerCommand.class, RulesCommand.class, ParseCommand.class,
                InventoryCommand.class, StreamsCommand.class, TailCommand.class, ReplayCommand.class, AnalyzeCommand.class})
public final class AvcwatchCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    /**
     * Builds the command line with the error handlers every subcommand shares: a user error prints
     * one line and the usage, never a stack trace.
     */
    public static CommandLine commandLine() {
        final CommandLine cl = new CommandLine(new AvcwatchCommand());
        cl.setExecutionExceptionHandler(new UserErrorHandler());
        return cl;
    }

    /** Reads the version Maven wrote into the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            final String v = AvcwatchCommand.class.getPackage().getImplementationVersion();
            return new String[] {"avcwatch " + (v == null ? "dev" : v)};
        }
    }

    /** Turns a {@link UserException} into a one-line message and exit code 2. */
    static final class UserErrorHandler implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(
                final Exception ex, final CommandLine cl, final CommandLine.ParseResult parsed) {
            final PrintWriter err = cl.getErr();
            if (ex instanceof UserException) {
                err.println(cl.getColorScheme().errorText("avcwatch: " + ex.getMessage()));
                err.flush();
                return ExitCodes.USER_ERROR;
            }
            err.println(cl.getColorScheme().errorText("avcwatch: internal error: " + ex));
            ex.printStackTrace(err);
            err.flush();
            return ExitCodes.SOFTWARE;
        }
    }
}
