package io.avcwatch.parsers.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.avcwatch.parsers.AuditEvent;
import io.avcwatch.parsers.assemble.AssemblerSettings;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class AuditStreamParserTest {
    private static final Path CONFORMANCE = Path.of("src/test/resources/io/avcwatch/parsers/conformance");

    /** Everything a run reports: events, error lines with their numbers, and the counts. */
    private record Run(List<AuditEvent> events, List<String> errors, AuditStreamParser.Stats stats) {
    }

    private static Run run(byte[] input, int threads) throws IOException {
        List<AuditEvent> events = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        AuditStreamParser parser = new AuditStreamParser(new AssemblerSettings(2000, 50), events::add,
                (line, error) -> errors.add(line + " " + error));
        parser.parse(new ByteArrayInputStream(input), threads);
        parser.finish();
        return new Run(events, errors, parser.stats());
    }

    /** Every conformance log, a cut overlong line, unreadable lines and a last line without newline. */
    private static byte[] mixedInput() throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        try (Stream<Path> files = Files.walk(CONFORMANCE)) {
            for (Path log : files.filter(p -> p.toString().endsWith(".log")).sorted().toList()) {
                all.write(Files.readAllBytes(log));
                all.write("garbage between files\n".getBytes(StandardCharsets.UTF_8));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        all.write(("type=AVC msg=audit(1.000:1): x=" + "y".repeat(LineReader.MAX_LINE + 10) + "\n")
                .getBytes(StandardCharsets.UTF_8));
        all.write("type=SYSCALL msg=audit(2.000:2): arch=c000003e".getBytes(StandardCharsets.UTF_8));
        return all.toByteArray();
    }

    @Test
    void parallelParsingReportsExactlyWhatSequentialParsingReports() throws IOException {
        byte[] input = mixedInput();
        Run sequential = run(input, 1);
        assertThat(sequential.events()).hasSizeGreaterThan(5000);
        assertThat(sequential.errors()).anyMatch(e -> e.contains("TRUNCATED")).anyMatch(e -> e.contains("garbage"));
        for (int threads : new int[] {2, 3}) {
            Run parallel = run(input, threads);
            assertThat(parallel.stats()).isEqualTo(sequential.stats());
            assertThat(parallel.errors()).isEqualTo(sequential.errors());
            assertThat(parallel.events()).isEqualTo(sequential.events());
        }
    }
}
