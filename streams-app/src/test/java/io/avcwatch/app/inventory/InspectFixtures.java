package io.avcwatch.app.inventory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Loads the recorded inspect files under {@code src/test/resources/inventory/}. */
final class InspectFixtures {

    private InspectFixtures() {
    }

    static String text(final String name) {
        try (InputStream in = InspectFixtures.class.getResourceAsStream("/inventory/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource inventory/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The facts of every container the file holds; rejected objects are left out. */
    static List<ContainerFacts> facts(final String name) {
        return new InspectParser().parse(text(name)).stream()
                .filter(InspectResult.Parsed.class::isInstance)
                .map(r -> ((InspectResult.Parsed) r).facts())
                .toList();
    }
}
