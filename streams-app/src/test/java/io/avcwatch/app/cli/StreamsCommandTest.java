package io.avcwatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class StreamsCommandTest {

    @Test
    void readsGracePeriodsTheWayPeopleWriteThem() {
        assertThat(StreamsCommand.parseDuration("--x", "2s")).isEqualTo(Duration.ofSeconds(2));
        assertThat(StreamsCommand.parseDuration("--x", "500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(StreamsCommand.parseDuration("--x", "1m")).isEqualTo(Duration.ofMinutes(1));
        assertThat(StreamsCommand.parseDuration("--x", "0")).isEqualTo(Duration.ZERO);
        assertThat(StreamsCommand.parseDuration("--x", "PT3S")).isEqualTo(Duration.ofSeconds(3));
        assertThatThrownBy(() -> StreamsCommand.parseDuration("--x", "soon")).isInstanceOf(UserException.class)
                .hasMessageContaining("--x: not a duration: soon");
    }

    @Test
    void aBadGracePeriodIsAUserErrorBeforeAnythingStarts() {
        final StringWriter err = new StringWriter();
        final CommandLine cl = AvcwatchCommand.commandLine();
        cl.setErr(new PrintWriter(err));

        assertThat(cl.execute("streams", "--inventory-grace", "-5x")).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(err.toString()).contains("--inventory-grace: not a duration").doesNotContain("Exception");
    }

    @Test
    void aBadTopicPrefixIsAUserError() {
        final StringWriter err = new StringWriter();
        final CommandLine cl = AvcwatchCommand.commandLine();
        cl.setErr(new PrintWriter(err));

        assertThat(cl.execute("streams", "--topic-prefix", "no spaces")).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(err.toString()).contains("topic prefix").doesNotContain("Exception");
    }

    @Test
    void aZeroOrBadStormWindowIsAUserError() {
        final StringWriter err = new StringWriter();
        final CommandLine cl = AvcwatchCommand.commandLine();
        cl.setErr(new PrintWriter(err));

        assertThat(cl.execute("streams", "--storm-window", "0")).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(cl.execute("streams", "--storm-window", "soon")).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(err.toString()).contains("--storm-window must be longer than 0")
                .contains("--storm-window: not a duration").doesNotContain("Exception");
    }
}
