package io.avcwatch.parsers.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.avcwatch.parsers.EventId;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonOutTest {

    private static String text(JsonOut out) {
        return new String(out.takeBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void numbersAndTimestampsAreSpelledAsLongToStringAndEventIdSpellThem() {
        JsonOut out = new JsonOut(OutputStream.nullOutputStream());
        long[] samples = {0, 1, 9, 10, 999, 1000, 1001, 1714000000181L, -1, -999, -1000, -1001,
            Long.MAX_VALUE, Long.MIN_VALUE + 1000};
        for (long sample : samples) {
            out.beginArray().value(sample).secondsValue(sample).endArray();
            assertThat(text(out)).isEqualTo("[" + sample + ",\"" + new EventId(sample, 1).timestamp() + "\"]");
        }
    }

    @Test
    void aRenderedValueTakesItsPlaceAmongOthers() {
        JsonOut scratch = new JsonOut(OutputStream.nullOutputStream());
        scratch.beginObject().name("raw").value("a\"b").endObject();
        byte[] rendered = scratch.takeBytes();
        scratch.beginArray().endArray();
        assertThat(text(scratch)).as("takeBytes starts afresh").isEqualTo("[]");
        JsonOut out = new JsonOut(OutputStream.nullOutputStream());
        out.beginObject().name("x").rendered(rendered).name("y").rendered(rendered).endObject();
        assertThat(text(out)).isEqualTo("{\"x\":{\"raw\":\"a\\\"b\"},\"y\":{\"raw\":\"a\\\"b\"}}");
    }

    /**
     * asciiValue copies and tests a word at a time when the source has 8 bytes of room after the value, and
     * byte-wise near its end: both must escape exactly as value(String), wherever in a word the character
     * that needs an escape sits, and whatever the bytes after the value hold.
     */
    @Test
    void asciiValuesEscapeAsStringValuesWhereverTheSpecialByteSits() {
        String[] specials = {"\"", "\\", "\u0001", "\n", "\t", "\u001d", "\u001f"};
        for (int length = 0; length <= 20; length++) {
            for (int at = -1; at < length; at++) {
                for (String special : specials) {
                    StringBuilder value = new StringBuilder();
                    for (int i = 0; i < length; i++) {
                        value.append(i == at ? special : String.valueOf((char) ('a' + i % 26)));
                    }
                    String expected = "[\"x\"," + jsonOf(value.toString()) + "]";
                    for (int room : new int[] {0, 3, 7, 8, 16}) {
                        byte[] source = new byte[2 + length + room];
                        java.util.Arrays.fill(source, (byte) '"'); // bytes around the value that would need escaping
                        byte[] bytes = value.toString().getBytes(StandardCharsets.US_ASCII);
                        System.arraycopy(bytes, 0, source, 2, bytes.length);
                        JsonOut out = new JsonOut(OutputStream.nullOutputStream());
                        out.beginArray().value("x").asciiValue(source, 2, 2 + length).endArray();
                        assertThat(text(out)).as("length %d, %s at %d, room %d", length, special, at, room)
                                .isEqualTo(expected);
                    }
                    if (at < 0) {
                        break;
                    }
                }
            }
        }
    }

    private static String jsonOf(String value) {
        JsonOut out = new JsonOut(OutputStream.nullOutputStream());
        out.value(value);
        return text(out);
    }
}
