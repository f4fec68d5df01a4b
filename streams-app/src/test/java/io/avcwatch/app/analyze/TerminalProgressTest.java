package io.avcwatch.app.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TerminalProgressTest {

    @Test
    void drawsPercentRateAndPhase() {
        final ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
             TerminalProgress progress = new TerminalProgress(out)) {
            progress.update("reading", 250, 1000);
            progress.update("reading", 500, 1000);
        }
        final String drawn = buf.toString(StandardCharsets.UTF_8);
        assertThat(drawn).contains("analyze").contains("50%").contains("500/1000").contains("lines/s")
                .contains("reading");
    }
}
