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
    private static final Path GOLDEN_DIR = Path.of("src", "test", "resources", "io", "avcwatch", "app", "topology");

    @Test
    void describeMatchesTheGoldenFile() throws IOException {
        assertMatchesGolden(TopologyConfig.defaults(), GOLDEN_DIR.resolve("topology-description.txt"));
    }

    /** {@code analyze} and {@code replay --case}: the same flow without the API views nothing serves. */
    @Test
    void aFiniteRunsDescribeMatchesItsGoldenFile() throws IOException {
        assertMatchesGolden(TopologyConfig.defaults().withFiniteInput(true),
                GOLDEN_DIR.resolve("topology-description-finite.txt"));
    }

    private static void assertMatchesGolden(final TopologyConfig config, final Path golden) throws IOException {
        final String actual = AvcwatchTopology.build(config).describe().toString();
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }

    @Test
    void noProcessorStoreOrTopicHasAGeneratedName() {
        final String description = AvcwatchTopology.build(TopologyConfig.defaults()).describe().toString();

        assertThat(description).doesNotContain("KSTREAM-").doesNotContain("KTABLE-");
    }
}
