package io.avcwatch.app.analyze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InventoryFileTest {

    @Test
    void hostBeforeTheEqualsSign() {
        final InventoryFile f = InventoryFile.parse("node-alpha1=examples/demo/node-alpha1.inspect.json");
        assertThat(f.host()).contains("node-alpha1");
        assertThat(f.path()).isEqualTo(Path.of("examples/demo/node-alpha1.inspect.json"));
        assertThat(f.appliesTo("node-alpha1")).isTrue();
        assertThat(f.appliesTo("node-delta0")).isFalse();
        assertThat(f).hasToString("node-alpha1=examples/demo/node-alpha1.inspect.json");
    }

    @Test
    void withoutAHostItAppliesToEveryHost() {
        final InventoryFile f = InventoryFile.parse("inspect.json");
        assertThat(f.host()).isEmpty();
        assertThat(f.appliesTo("anything")).isTrue();
    }

    @Test
    void anEqualsSignInsideAPathIsNoHost() {
        assertThat(InventoryFile.parse("./saved/a=b.json")).isEqualTo(
                new InventoryFile(Optional.empty(), Path.of("./saved/a=b.json")));
    }

    @Test
    void aHostWithoutAFileIsAnError() {
        assertThatThrownBy(() -> InventoryFile.parse("node1=")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no file");
        assertThatThrownBy(() -> InventoryFile.parse("")).isInstanceOf(IllegalArgumentException.class);
    }
}
