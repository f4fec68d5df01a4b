package io.avcwatch.parsers.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.avcwatch.parsers.assemble.AssemblerSettings;
import io.avcwatch.parsers.json.EventJsonWriter;
import io.avcwatch.parsers.stream.AuditStreamParser;
import io.avcwatch.parsers.stream.ByteStreamParser;
import io.avcwatch.parsers.stream.EventPrinter;
import io.avcwatch.parsers.stream.LineReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The byte path ({@link ByteStreamParser}) against the object path ({@link AuditStreamParser} with
 * {@link EventPrinter}) on every conformance input, the hostile log and a mix with overlong,
 * unreadable and unterminated lines: the same output bytes in both modes, the same error reports
 * with the same line numbers, the same counts.
 */
class BytePathEquivalenceTest {

    /** What one run reports. */
    private record Run(String output, List<String> errors, AuditStreamParser.Stats stats) {
    }

    private static Run objects(byte[] input, EventJsonWriter.Mode mode, AssemblerSettings settings) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<String> errors = new ArrayList<>();
        AuditStreamParser parser;
        try (EventPrinter printer = new EventPrinter(bytes, mode, 2)) {
            parser = new AuditStreamParser(settings, printer, (line, error) -> errors.add(line + " " + error));
            parser.parse(new ByteArrayInputStream(input), 2);
            parser.finish();
        }
        return new Run(bytes.toString(StandardCharsets.ISO_8859_1), errors, parser.stats());
    }

    private static Run bytes(byte[] input, EventJsonWriter.Mode mode, AssemblerSettings settings, int threads)
            throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<String> errors = new ArrayList<>();
        ByteStreamParser parser;
        try (ByteStreamParser running = new ByteStreamParser(settings, mode, bytes,
                (line, error) -> errors.add(line + " " + error), threads)) {
            parser = running;
            parser.parse(new ByteArrayInputStream(input));
            parser.finish();
        }
        return new Run(bytes.toString(StandardCharsets.ISO_8859_1), errors, parser.stats());
    }

    private static void assertSame(String what, byte[] input, AssemblerSettings settings) throws IOException {
        for (EventJsonWriter.Mode mode : EventJsonWriter.Mode.values()) {
            Run expected = objects(input, mode, settings);
            for (int threads : new int[] {1, 2, 3}) {
                Run actual = bytes(input, mode, settings, threads);
                String label = what + " " + mode + " threads=" + threads;
                assertThat(actual.stats()).as(label).isEqualTo(expected.stats());
                assertThat(actual.errors()).as(label).isEqualTo(expected.errors());
                if (!actual.output().equals(expected.output())) {
                    assertThat(actual.output().split("\n", -1)).as(label).containsExactly(expected.output().split("\n", -1));
                }
            }
        }
    }

    @Test
    void everyConformanceInputGivesTheSameBytesErrorsAndCounts() throws IOException {
        List<Path> inputs = Conformance.inputs();
        assertThat(inputs).hasSizeGreaterThanOrEqualTo(40);
        for (Path input : inputs) {
            assertSame(input.toString(), Files.readAllBytes(input), AssemblerSettings.DEFAULT);
        }
    }

    @Test
    void hostileLogGivesTheSameBytes() throws IOException {
        assertSame("hostile", JsonOutputGoldenTest.hostileLog(), AssemblerSettings.DEFAULT);
    }

    @Test
    void mixedInputWithOverlongUnreadableAndUnterminatedLinesGivesTheSameReports() throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (Path input : Conformance.inputs()) {
            all.write(Files.readAllBytes(input));
            all.write("garbage between files\n\n   \r\n".getBytes(StandardCharsets.UTF_8));
        }
        all.write(("type=AVC msg=audit(1.000:1): x=" + "y".repeat(LineReader.MAX_LINE + 10) + "\n")
                .getBytes(StandardCharsets.UTF_8));
        all.write("type=SYSCALL msg=audit(2.000:2): arch=c000003e\r\n".getBytes(StandardCharsets.UTF_8));
        all.write("node=a type=SYSCALL msg=audit(2.000:2): arch=c000003e".getBytes(StandardCharsets.UTF_8));
        byte[] input = all.toByteArray();
        // A small in-flight limit and timeout exercise eviction and timeouts across block boundaries.
        assertSame("mixed", input, new AssemblerSettings(10, 50));
        assertSame("mixed", input, AssemblerSettings.DEFAULT);
    }
}
