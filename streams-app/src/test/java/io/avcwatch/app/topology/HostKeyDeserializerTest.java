package io.avcwatch.app.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

class HostKeyDeserializerTest {

    @Test
    void readsWhatStringDeserializerReadsAndReusesTheStringOfARepeatedKey() {
        final HostKeyDeserializer keys = new HostKeyDeserializer();
        final StringDeserializer plain = new StringDeserializer();
        for (final String host : new String[] {"node1", "node1", "", "nöde-2", "node1", "\uFFFD"}) {
            final byte[] bytes = host.getBytes(StandardCharsets.UTF_8);
            assertThat(keys.deserialize("audit.raw", bytes)).isEqualTo(plain.deserialize("audit.raw", bytes));
        }
        final String first = keys.deserialize("audit.raw", "web".getBytes(StandardCharsets.UTF_8));
        assertThat(keys.deserialize("audit.raw", "web".getBytes(StandardCharsets.UTF_8))).isSameAs(first);
        assertThat(keys.deserialize("audit.raw", null)).isNull();
        final byte[] invalid = {(byte) 0xC3, 'x'};
        assertThat(keys.deserialize("audit.raw", invalid)).isEqualTo(plain.deserialize("audit.raw", invalid));
    }
}
