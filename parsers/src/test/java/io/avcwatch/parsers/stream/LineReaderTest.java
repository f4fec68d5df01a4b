package io.avcwatch.parsers.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class LineReaderTest {

    /** Hands out at most {@code chunk} bytes per read, to cross buffer refills anywhere. */
    private static InputStream chunked(byte[] bytes, int chunk) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
    }

    private record Line(String text, boolean ascii) {
    }

    private static List<Line> read(InputStream in) throws IOException {
        LineReader reader = new LineReader(in);
        List<Line> lines = new ArrayList<>();
        for (String line = reader.next(); line != null; line = reader.next()) {
            lines.add(new Line(line, reader.lastWasAscii()));
        }
        return lines;
    }

    @Test
    void splitsLinesAndFlagsNonAsciiOnesOnly() throws IOException {
        byte[] bytes = "type=A msg=1\ncomm=\"caf\u00e9\" x=1\n\nlast without newline".getBytes(StandardCharsets.UTF_8);
        assertThat(read(chunked(bytes, 3))).containsExactly(new Line("type=A msg=1", true),
                new Line("comm=\"caf\u00e9\" x=1", false), new Line("", true), new Line("last without newline", true));
    }

    @Test
    void nonAsciiBytesAfterTheNewlineDoNotTaintTheLineBefore() throws IOException {
        byte[] bytes = "abc\n\u00e9\u00e9\u00e9\u00e9\u00e9\nxyz".getBytes(StandardCharsets.UTF_8);
        assertThat(read(new ByteArrayInputStream(bytes))).extracting(Line::ascii).containsExactly(true, false, true);
    }

    @Test
    void overlongLineComesInFlaggedPieces() throws IOException {
        byte[] bytes = ("x".repeat(LineReader.MAX_LINE + 10) + "\nnext\n").getBytes(StandardCharsets.US_ASCII);
        LineReader reader = new LineReader(new ByteArrayInputStream(bytes));
        assertThat(reader.next()).hasSizeGreaterThanOrEqualTo(LineReader.MAX_LINE);
        assertThat(reader.lastWasCut()).isTrue();
        assertThat(reader.next()).hasSizeLessThan(LineReader.MAX_LINE);
        assertThat(reader.next()).isEqualTo("next");
        assertThat(reader.next()).isNull();
    }

    @Property(tries = 300)
    void agreesWithSplittingTheWholeText(@ForAll String text, @ForAll @IntRange(min = 1, max = 40) int chunk)
            throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        List<String> expected = new ArrayList<>(List.of(new String(bytes, StandardCharsets.UTF_8).split("\n", -1)));
        if (!expected.isEmpty() && expected.get(expected.size() - 1).isEmpty()) {
            expected.remove(expected.size() - 1);
        }
        List<Line> lines = read(chunked(bytes, chunk));
        assertThat(lines).extracting(Line::text).containsExactlyElementsOf(expected);
        for (Line line : lines) {
            assertThat(line.ascii()).isEqualTo(line.text().chars().allMatch(c -> c < 0x80));
        }
    }
}
