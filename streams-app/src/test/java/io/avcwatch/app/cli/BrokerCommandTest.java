package io.avcwatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BrokerCommandTest {

    @TempDir
    Path tmp;

    @Test
    void rejectsAPortOutOfRangeAsAUserError() {
        final StringWriter err = new StringWriter();
        final CommandLine cl = AvcwatchCommand.commandLine();
        cl.setErr(new PrintWriter(err));
        assertThat(cl.execute("broker", "--port", "70000")).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(err.toString()).contains("--port must be between 0 and 65535").doesNotContain("Exception");
    }

    @Test
    void rejectsADataDirThatIsAFile() throws Exception {
        final Path file = Files.writeString(tmp.resolve("f"), "x");
        final StringWriter err = new StringWriter();
        final CommandLine cl = AvcwatchCommand.commandLine();
        cl.setErr(new PrintWriter(err));
        assertThat(cl.execute("broker", "--data-dir", file.toString())).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(err.toString()).contains("is not a directory");
    }
}
