package io.avcwatch.app.observe;

import io.avcwatch.schemas.AvcDenial;
import io.avcwatch.schemas.ContainerRef;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The SELinux denials of one container, as {@code GET /api/containers/{id}/denials} serves them: the value of
 * the store {@value ApiViews#CONTAINER_DENIALS_STORE} (key the container id).
 *
 * @param containerId full container id
 * @param name        container name, as last known
 * @param image       image reference, as last known
 * @param host        the host it ran on
 * @param denials     how many denials named it as the subject
 * @param permissive  how many of them were allowed anyway ({@code permissive=1})
 * @param firstSeen   event time of the first
 * @param lastSeen    event time of the last
 * @param byClass     denials per target class ({@code file}, {@code sock_file}, {@code capability}, ...)
 */
public record ContainerDenials(String containerId, String name, String image, String host, long denials,
                               long permissive, Instant firstSeen, Instant lastSeen, Map<String, Long> byClass) {

    public ContainerDenials {
        byClass = Collections.unmodifiableMap(new TreeMap<>(byClass == null ? Map.of() : byClass));
    }

    /** Nothing counted yet: the aggregation's initial value. */
    public static ContainerDenials empty() {
        return new ContainerDenials(null, null, null, null, 0, 0, null, null, Map.of());
    }

    /** This count with {@code denial} added (its subject container must be known). */
    public ContainerDenials plus(final AvcDenial denial) {
        final ContainerRef container = denial.container();
        final Instant at = denial.event().time();
        final Map<String, Long> classes = new TreeMap<>(byClass);
        classes.merge(denial.tclass() == null ? "unknown" : denial.tclass(), 1L, Long::sum);
        return new ContainerDenials(container.id(),
                container.name() != null ? container.name() : name,
                container.image() != null ? container.image() : image,
                denial.host(), denials + 1, permissive + (Boolean.TRUE.equals(denial.permissive()) ? 1 : 0),
                firstSeen == null || at.isBefore(firstSeen) ? at : firstSeen,
                lastSeen == null || at.isAfter(lastSeen) ? at : lastSeen, classes);
    }
}
