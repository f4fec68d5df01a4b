package io.avcwatch.app.inventory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Saved {@code docker inspect} / {@code podman inspect} files of one host, turned into the
 * {@code avc.containers} records a live inventory would have published: forensic work on hosts that no
 * longer exist. Used by {@code avcwatch inventory import} and by anything that loads inventories
 * without an engine.
 */
public final class InspectImport {

    private InspectImport() {
    }

    /**
     * What the files held.
     *
     * @param host the host every key names
     * @param containers the containers read
     * @param rejected objects that were not usable containers, with the reason
     * @param versions the records to publish, oldest first
     */
    public record Loaded(String host, List<ContainerFacts> containers, List<InspectResult.Rejected> rejected,
            List<LabelVersion> versions) {
        public Loaded {
            Objects.requireNonNull(host, "host");
            containers = List.copyOf(containers);
            rejected = List.copyOf(rejected);
            versions = List.copyOf(versions);
        }
    }

    /**
     * Reads {@code files} (arrays, several arrays, or JSON lines) as the inventory of one host.
     *
     * @param host the host name; when empty, the one host the containers themselves name
     *     ({@code Node.Name})
     * @throws IOException when a file cannot be read
     * @throws IllegalArgumentException when no host is given and the containers do not name exactly one
     */
    public static Loaded load(final List<Path> files, final Optional<String> host) throws IOException {
        final InspectParser parser = new InspectParser();
        final List<ContainerFacts> containers = new ArrayList<>();
        final List<InspectResult.Rejected> rejected = new ArrayList<>();
        for (final Path file : files) {
            for (final InspectResult result : parser.parse(Files.readString(file, StandardCharsets.UTF_8))) {
                if (result instanceof InspectResult.Parsed parsed) {
                    containers.add(parsed.facts());
                } else {
                    rejected.add((InspectResult.Rejected) result);
                }
            }
        }
        final String name = host.filter(h -> !h.isBlank()).orElseGet(() -> hostNamedBy(containers));
        return new Loaded(name, containers, rejected, LabelTimeline.of(name, containers));
    }

    private static String hostNamedBy(final List<ContainerFacts> containers) {
        final Set<String> nodes = new TreeSet<>();
        containers.forEach(c -> c.node().ifPresent(nodes::add));
        final boolean everyOneNamed = containers.stream().allMatch(c -> c.node().isPresent());
        if (nodes.size() == 1 && everyOneNamed) {
            return nodes.iterator().next();
        }
        throw new IllegalArgumentException(nodes.isEmpty()
                ? "the inspect output does not say which host its containers ran on: pass --host NAME"
                : "the inspect output names several hosts " + nodes + " or leaves some out: pass --host NAME");
    }
}
