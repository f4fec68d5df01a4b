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
}
