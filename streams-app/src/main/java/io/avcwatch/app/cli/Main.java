package io.avcwatch.app.cli;

import picocli.CommandLine;

/** The {@code avcwatch} executable: the only place that calls {@link System#exit}. */
public final class Main {
    private Main() {
    }

    public static void main(final String[] args) {
        CommandLine commandLine = AvcwatchCommand.commandLine();
        commandLine.setOut(new StandardOutput(commandLine.getOut()));
        System.exit(commandLine.execute(args));
    }
}
