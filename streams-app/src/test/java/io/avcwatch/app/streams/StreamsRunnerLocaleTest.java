package io.avcwatch.app.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class StreamsRunnerLocaleTest {

    @Test
    void plainEnglishBecomesUsEnglishForFormattingAndEveryOtherLocaleStays() {
        final Locale before = Locale.getDefault(Locale.Category.FORMAT);
        try {
            Locale.setDefault(Locale.Category.FORMAT, Locale.ENGLISH);
            final String english = String.format("%d %,d %.2f %s", 12345L, 1234567L, 3.14159, "x");
            StreamsRunner.preferUsFormatLocale();
            assertThat(Locale.getDefault(Locale.Category.FORMAT)).isEqualTo(Locale.US);
            assertThat(String.format("%d %,d %.2f %s", 12345L, 1234567L, 3.14159, "x")).isEqualTo(english);

            Locale.setDefault(Locale.Category.FORMAT, Locale.GERMANY);
            StreamsRunner.preferUsFormatLocale();
            assertThat(Locale.getDefault(Locale.Category.FORMAT)).isEqualTo(Locale.GERMANY);
        } finally {
            Locale.setDefault(Locale.Category.FORMAT, before);
        }
    }
}
