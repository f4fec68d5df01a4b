package io.avcwatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.avcwatch.app.observe.HttpSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import picocli.CommandLine;
import org.junit.jupiter.api.Test;

class HttpOptionsTest {

    @Test
    void aPortIsANumberZeroOrOff() {
        assertThat(parse().settings(9470)).satisfies(s -> {
            assertThat(s.enabled()).isTrue();
            assertThat(s.port()).isEqualTo(9470);
            assertThat(s.bindHost()).isEqualTo("127.0.0.1");
        });
        assertThat(parse("--http-port", "off").settings(9470).enabled()).isFalse();
        assertThat(parse("--http-port", "0", "--http-bind", "0.0.0.0").settings(9470).bindHost()).isEqualTo("0.0.0.0");
    }

    @Test
    void anythingElseIsAUserError() {
        final CommandLine cl = AvcwatchCommand.commandLine();
        cl.setErr(new PrintWriter(new StringWriter()));
        assertThat(cl.execute("streams", "--http-port", "http")).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(cl.execute("streams", "--http-port", "70000")).isEqualTo(ExitCodes.USER_ERROR);
    }

    @Test
    void aTakenDefaultPortOnlyWarnsButAChosenOneIsAUserError() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            final int port = taken.getLocalPort();
            final StringWriter err = new StringWriter();
            assertThat(parse().open(port, new PrintWriter(err), HttpOptionsTest::bind)).isFalse();
            assertThat(err.toString()).contains("HTTP API off");

            final HttpOptions chosen = parse("--http-port", Integer.toString(port));
            assertThatThrownBy(() -> chosen.open(9470, new PrintWriter(err), HttpOptionsTest::bind))
                    .isInstanceOf(UserException.class).hasMessageContaining("--http-port");
        }
    }

    /** Binds the settings' port as a server would; true when it served. */
    private static boolean bind(final HttpSettings settings) throws IOException {
        if (settings.enabled()) {
            new ServerSocket(settings.port(), 1, InetAddress.getLoopbackAddress()).close();
        }
        return settings.enabled();
    }

    private static HttpOptions parse(final String... args) {
        final HttpOptions options = new HttpOptions();
        new CommandLine(options).parseArgs(args);
        return options;
    }
}
