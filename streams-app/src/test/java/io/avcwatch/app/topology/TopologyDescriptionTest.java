package io.avcwatch.app.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Pins the topology: every processor, store and internal topic by name. A change here renames state or
 * internal topics of a running deployment, so it must be deliberate: regenerate the golden file with
 * {@code mvn -pl streams-app test -Dtest=TopologyDescriptionTest -Dgolden.update=true} and review the diff.
 */
class TopologyDescriptionTest {
    private static final Path GOLDEN = Path.of("src", "test", "resources", "io", "avcwatch", "app", "topology",
            "topology-description.txt");

    @Test
    void describeMatchesTheGoldenFile() throws IOException {
        final String actual = AvcwatchTopology.build(TopologyConfig.defaults())
                .describe().toString();
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
    }

    @Test
    void noProcessorStoreOrTopicHasAGeneratedName() {
        final String description = AvcwatchTopology.build(TopologyConfig.defaults()).describe().toString();

        assertThat(description).doesNotContain("KSTREAM-").doesNotContain("KTABLE-");
    }
}
