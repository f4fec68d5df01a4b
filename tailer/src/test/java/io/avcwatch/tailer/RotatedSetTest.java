package io.avcwatch.tailer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RotatedSetTest {

    @Test
    void ordersARotatedSetOldestFirstWhateverTheCompression() {
        final List<Path> given = List.of(Path.of("/l/audit.log"), Path.of("/l/audit.log.1"),
                Path.of("/l/audit.log.10.gz"), Path.of("/l/audit.log.2.gz"), Path.of("/l/audit.log.9"));
        assertThat(RotatedSet.chronological(given)).containsExactly(Path.of("/l/audit.log.10.gz"),
                Path.of("/l/audit.log.9"), Path.of("/l/audit.log.2.gz"), Path.of("/l/audit.log.1"),
                Path.of("/l/audit.log"));
    }

    @Test
    void keepsSeparateSetsInTheOrderGiven() {
        final List<Path> given = List.of(Path.of("/b/audit.log"), Path.of("/a/audit.log.1"), Path.of("/b/audit.log.1"));
        assertThat(RotatedSet.chronological(given)).containsExactly(Path.of("/b/audit.log.1"),
                Path.of("/b/audit.log"), Path.of("/a/audit.log.1"));
    }
}
