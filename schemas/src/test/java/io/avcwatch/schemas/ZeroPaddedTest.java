package io.avcwatch.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ZeroPaddedTest {

    @Test
    void writesWhatFormatWrites() {
        for (final long value : new long[] {0, 1, 9, 10, 1_732_500_000_123L, 999_999_999_999_999_999L,
                Long.MAX_VALUE, -1, Long.MIN_VALUE}) {
            assertThat(ZeroPadded.of(value)).as("%d", value).isEqualTo(String.format("%019d", value));
        }
    }

    @Test
    void sortsLikeTheNumbers() {
        assertThat(ZeroPadded.of(99)).isLessThan(ZeroPadded.of(100));
        assertThat(ZeroPadded.of(99)).hasSize(19);
    }
}
