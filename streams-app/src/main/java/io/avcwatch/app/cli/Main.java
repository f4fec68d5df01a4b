package io.avcwatch.app.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import picocli.CommandLine;

/** The {@code avcwatch} executable: the only place that calls {@link System#exit}. */
public final class Main {
    private Main() {
    }

    public static void main(final String[] args) {
        CommandLine commandLine = AvcwatchCommand.commandLine(args);
        commandLine.setOut(new StandardOutput(commandLine.getOut(), new FileOutputStream(FileDescriptor.out)));
        System.exit(commandLine.execute(args));
    }
}
