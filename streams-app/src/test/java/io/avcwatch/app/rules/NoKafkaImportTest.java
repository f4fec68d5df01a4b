package io.avcwatch.app.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The rule engine and denial building stay pure Java: the Streams app hosts them, they import no Kafka. */
class NoKafkaImportTest {
    private static final List<Path> PACKAGES = List.of(
            Path.of("src/main/java/io/avcwatch/app/rules"), Path.of("src/main/java/io/avcwatch/app/denials"));

    @Test
    void noSourceInTheDetectionPackagesImportsKafka() throws IOException {
        int scanned = 0;
        for (final Path dir : PACKAGES) {
            assertThat(dir).isDirectory();
            try (Stream<Path> files = Files.walk(dir)) {
                for (final Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    scanned++;
                    assertThat(Files.readAllLines(f))
                            .as(f.toString())
                            .noneMatch(line -> line.matches("\\s*import\\s+(static\\s+)?org\\.apache\\.kafka\\..*"));
                }
            }
        }
        assertThat(scanned).as("sources scanned").isGreaterThan(10);
    }
}
