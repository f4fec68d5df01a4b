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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
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
    /** Real record shapes, each cut, spliced or salted with what tends to break scanners. */
    private static final List<String> SHAPES = List.of(
            "type=AVC msg=audit(1713603292.240:1088): avc:  denied  { read write } for  pid=9235 comm=\"date\""
                    + " path=\"/dev/null\" scontext=system_u:system_r:container_t:s0:c24,c709"
                    + " tcontext=system_u:object_r:container_file_t:s0:c709,c24 tclass=chr_file permissive=0",
            "node=h1 type=SYSCALL msg=audit(1713603292.240:1088): arch=c000003e syscall=257 success=no exit=-13"
                    + " comm=\"date\" exe=2F7573722F62696E2F64617465 key=(null)\u001dARCH=x86_64 SYSCALL=openat",
            "type=PROCTITLE msg=audit(1713603292.240:1088): proctitle=2F62696E2F7368002D63",
            "type=EOE msg=audit(1713603292.240:1088): ",
            "type=USER_AVC msg=audit(1713603293.000:7): pid=1 uid=0 auid=4294967295 msg='avc:  denied  { status }"
                    + " for auid=n/a cmdline=\"/usr/bin/a --b\" scontext=a:b:c tcontext=x:y:z:s0 tclass=service'",
            "type=MAC_STATUS msg=audit(1713603294.000:9): enforcing=0 old_enforcing=1 auid=0 ses=1 enabled=1",
            "Apr 20 09:14:52 host audit[9235]: AVC avc:  denied  { read } for  pid=9235 comm=\"x\" tclass=file",
            "type=UNKNOWN[1334] msg=audit(1713603295.000:10): prog-id=12 op=LOAD");

    @Provide
    Arbitrary<List<String>> mutatedLogs() {
        Arbitrary<String> salt = Arbitraries.of("\"", "\\", "\u0001", "\r", "'", "=", " ", "\u00e9", "\u001d",
                "msg=audit(", "):", "{", "}", "\t", "(null)", "ZZ");
        Arbitrary<String> line = Arbitraries.of(SHAPES).flatMap(shape -> Arbitraries.integers().between(0, 3)
                .flatMap(kind -> switch (kind) {
                    case 0 -> Arbitraries.just(shape);
                    case 1 -> Arbitraries.integers().between(0, shape.length()).map(cut -> shape.substring(0, cut));
                    default -> Arbitraries.integers().between(0, shape.length())
                            .flatMap(at -> salt.map(x -> shape.substring(0, at) + x + shape.substring(at)));
                }));
        return line.list().ofMinSize(1).ofMaxSize(40);
    }

    @Property(tries = 300)
    void mutatedRecordsGiveTheSameBytesErrorsAndCountsOnBothPaths(@ForAll("mutatedLogs") List<String> lines)
            throws IOException {
        byte[] input = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
        AssemblerSettings settings = new AssemblerSettings(1000, 4);
        for (EventJsonWriter.Mode mode : EventJsonWriter.Mode.values()) {
            Run expected = objects(input, mode, settings);
            Run actual = bytes(input, mode, settings, 2);
            assertThat(actual.stats()).isEqualTo(expected.stats());
            assertThat(actual.errors()).isEqualTo(expected.errors());
            assertThat(actual.output()).isEqualTo(expected.output());
        }
    }
}
