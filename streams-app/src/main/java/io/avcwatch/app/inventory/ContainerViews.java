package io.avcwatch.app.inventory;

import io.avcwatch.parsers.selinux.CategorySet;
import io.avcwatch.parsers.selinux.SecurityContext;
import io.avcwatch.schemas.ContainerInstance;
import io.avcwatch.schemas.ContainerMount;
import java.time.Instant;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Maps {@link ContainerFacts} onto the {@code avc.containers} schema and its label keys. */
final class ContainerViews {

    private ContainerViews() {
    }

    /**
     * The canonical category sets a container's processes and files carry. Usually one; two when the
     * process and mount labels differ ({@code label=type:spc_t} at {@code s0} with labelled files);
     * the mount label's alone under {@code label=disable} ({@code c1022,c1023}); the empty set only
     * when neither label has categories.
     */
    static SortedSet<String> categoryKeys(final ContainerFacts facts) {
        final SortedSet<String> keys = new TreeSet<>();
        Stream.of(facts.processLabel(), facts.mountLabel())
                .map(ContainerViews::categories)
                .flatMap(Optional::stream)
                .filter(c -> !c.isEmpty())
                .map(CategorySet::toString)
                .forEach(keys::add);
        if (keys.isEmpty()) {
            keys.add(CategorySet.EMPTY.toString());
        }
        return keys;
    }

    /** The container as the schema records it, finished at {@code finishedAt} (null while running). */
    static ContainerInstance instance(final ContainerFacts facts, final Instant finishedAt) {
        return new ContainerInstance(
                facts.id(),
                facts.name(),
                facts.image(),
                facts.engine().isEmpty() ? null : facts.engine(),
                facts.processLabel(),
                facts.mountLabel(),
                facts.startedAt().orElse(null),
                finishedAt,
                facts.privileged(),
                facts.securityOpt(),
                facts.pidMode(),
                facts.networkMode(),
                facts.mounts().stream()
                        .map(m -> new ContainerMount(m.type(), m.source(), m.destination(), m.readWrite()))
                        .toList(),
                facts.ipcMode().isEmpty() ? null : facts.ipcMode());
    }

    /** A copy of {@code instance} that finished at {@code at}. */
    static ContainerInstance finished(final ContainerInstance instance, final Instant at) {
        return new ContainerInstance(instance.id(), instance.name(), instance.image(), instance.engine(),
                instance.processLabel(), instance.mountLabel(), instance.startedAt(), at, instance.privileged(),
                instance.securityOpt(), instance.pidMode(), instance.networkMode(), instance.mounts(),
                instance.ipcMode());
    }

    private static Optional<CategorySet> categories(final String label) {
        return label.isBlank() ? Optional.empty() : SecurityContext.parse(label).map(SecurityContext::categories);
    }
}
