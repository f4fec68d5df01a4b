package io.avcwatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The user errors of {@code tail} and {@code replay}, caught before any Kafka connection. */
class TailAndReplayCommandTest {

    @TempDir
    Path tmp;

    private final StringWriter err = new StringWriter();

    private int run(final String... args) {
        final CommandLine cl = AvcwatchCommand.commandLine();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        return cl.execute(args);
    }

    @Test
    void tailNeedsExactlyOneInput() {
        assertThat(run("tail")).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(err.toString()).contains("--file", "--stdin");
        assertThat(run("tail", "--stdin", "--file", "x")).isEqualTo(ExitCodes.USER_ERROR);
    }

    @Test
    void tailRefusesADirectory() {
        assertThat(run("tail", "--file", tmp.toString())).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(err.toString()).contains("is a directory").doesNotContain("Exception");
    }

    @Test
    void replayRefusesAFileItCannotRead() {
        assertThat(run("replay", tmp.resolve("audit.log.9.gz").toString())).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(err.toString()).contains("cannot read").doesNotContain("Exception");
    }
}
