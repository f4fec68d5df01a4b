package io.avcwatch.app.cli;

import java.io.PrintWriter;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Top-level command; each subcommand is its own {@code Callable<Integer>}. */
@Command(
        name = "avcwatch",
        mixinStandardHelpOptions = true,
        versionProvider = AvcwatchCommand.Version.class,
        description = "Container-aware SELinux AVC alerts from Linux audit logs.")
public final class AvcwatchCommand implements Runnable {

    /**
     * The subcommands by name, in the order the usage lists them. They are added in code rather than in
     * the annotation so that a run builds only the picocli model it needs: building all of them took
     * about 0.15 s of every start (a tenth of a large {@code parse}).
     */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

    private static Map<String, Supplier<Object>> subcommands() {
        final Map<String, Supplier<Object>> all = new LinkedHashMap<>();
        all.put("help", CommandLine.HelpCommand::new);
        all.put("broker", BrokerCommand::new);
        all.put("rules", RulesCommand::new);
        all.put("parse", ParseCommand::new);
        all.put("inventory", InventoryCommand::new);
        all.put("streams", StreamsCommand::new);
        all.put("tail", TailCommand::new);
        all.put("replay", ReplayCommand::new);
        all.put("analyze", AnalyzeCommand::new);
        return Collections.unmodifiableMap(all);
    }

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
        return commandLine(SUBCOMMANDS.keySet());
    }

    /**
     * The command line for {@code args}: with only the subcommand they name when they start with one
     * (parsing, errors and that subcommand's help are the same), else with all of them (root usage,
     * {@code help}, an unknown name).
     */
    public static CommandLine commandLine(final String[] args) {
        if (args.length > 0 && !"help".equals(args[0]) && SUBCOMMANDS.containsKey(args[0])) {
            return commandLine(List.of(args[0]));
        }
        return commandLine();
    }

    private static CommandLine commandLine(final Collection<String> names) {
        final CommandLine cl = new CommandLine(new AvcwatchCommand());
        for (final String name : names) {
            cl.addSubcommand(name, SUBCOMMANDS.get(name).get());
        }
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
