package io.avcwatch.tailer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineSplitterTest {

    @Test
    void keepsInvalidUtf8AndCarriageReturnsByteExactWithOffsets() {
        final byte[] in = {'a', (byte) 0xff, (byte) 0xc3, '\r', '\n', 'b', '\n'};
        final List<Line> out = new ArrayList<>();
        new LineSplitter(100).feed(in, in.length, "f", 7, out);
        assertThat(out).hasSize(2);
        assertThat(out.get(0).bytes()).containsExactly('a', 0xff, 0xc3, '\r');
        assertThat(out.get(0).offset()).isEqualTo(100);
        assertThat(out.get(0).end()).isEqualTo(105);
        assertThat(out.get(1).offset()).isEqualTo(105);
        assertThat(out.get(1).end()).isEqualTo(107);
    }

    @Test
    void cutsAnEndlessLineAtTheLimitInsteadOfBufferingIt() {
        final LineSplitter s = new LineSplitter(0);
        final byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, (byte) 'x');
        final List<Line> out = new ArrayList<>();
        for (int i = 0; i < 17; i++) {
            s.feed(chunk, chunk.length, "f", 1, out);
        }
        assertThat(out).hasSize(1);
        assertThat(out.get(0).bytes()).hasSize(LineSplitter.MAX_LINE);
        assertThat(s.committedOffset()).isEqualTo(LineSplitter.MAX_LINE);
    }
}
