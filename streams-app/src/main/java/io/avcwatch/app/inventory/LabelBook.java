package io.avcwatch.app.inventory;

import io.avcwatch.schemas.ContainerInstance;
import io.avcwatch.schemas.ContainerLabel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which containers held which label on one host, as an immutable value: each change returns the next
 * book and the {@code avc.containers} records it publishes.
 *
 * <p>A label's value lists every run of every container that held it (oldest start first), finished
 * runs included, so a reused label keeps its history under compaction and readers filter by
 * {@link ContainerLabel#holdersAt(Instant)}. A run is a container id with one start time: a restarted
 * container adds a run instead of rewriting the old one. Repeating a change the book already holds
 * publishes nothing, so re-reading an engine after a reconnect is harmless.
 */
public final class LabelBook {

    private static final Comparator<ContainerInstance> OLDEST_FIRST = Comparator
            .comparing(ContainerInstance::startedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(ContainerInstance::id);

    private final String host;
    private final Map<String, List<ContainerInstance>> runsByCategories;

    private LabelBook(final String host, final Map<String, List<ContainerInstance>> runsByCategories) {
        this.host = host;
        this.runsByCategories = Map.copyOf(runsByCategories);
    }

    /** A book for {@code host} that knows no container yet. */
    public static LabelBook empty(final String host) {
        return new LabelBook(Objects.requireNonNull(host, "host"), Map.of());
    }

    /** The next book and the records that change produced, in publishing order. */
    public record Update(LabelBook book, List<LabelVersion> published) {
        public Update {
            Objects.requireNonNull(book, "book");
            published = List.copyOf(published);
        }
    }

    /** The host this book describes. */
    public String host() {
        return host;
    }

    /**
     * Drops runs that finished before {@code cutoff}, and labels left without runs, from memory only:
     * nothing is published, so the records already written keep them, and a versioned table still
     * answers for those times. A long-running inventory calls this so the book does not grow forever.
     */
    public LabelBook forget(final Instant cutoff) {
        final Map<String, List<ContainerInstance>> next = new HashMap<>();
        runsByCategories.forEach((categories, runs) -> {
            final List<ContainerInstance> kept = runs.stream()
                    .filter(r -> r.finishedAt() == null || !r.finishedAt().isBefore(cutoff))
                    .toList();
            if (!kept.isEmpty()) {
                next.put(categories, kept);
            }
        });
        return new LabelBook(host, next);
    }

    /** Ids of containers with a run still open, sorted. */
    public List<String> openContainerIds() {
        return runsByCategories.values().stream()
                .flatMap(List::stream)
                .filter(r -> r.finishedAt() == null)
                .map(ContainerInstance::id)
                .distinct()
                .sorted()
                .toList();
    }

    /**
     * The container began holding its labels at {@code State.StartedAt}. A container that never started
     * changes nothing. An earlier run of the same container still open is closed at the new start (its
     * die event was missed).
     */
    public Update started(final ContainerFacts facts) {
        if (facts.startedAt().isEmpty()) {
            return new Update(this, List.of());
        }
        final Instant at = facts.startedAt().get();
        final ContainerInstance run = ContainerViews.instance(facts, null);
        final Map<String, List<ContainerInstance>> next = new HashMap<>(runsByCategories);
        final List<LabelVersion> published = new ArrayList<>();
        for (final String categories : ContainerViews.categoryKeys(facts)) {
            final List<ContainerInstance> runs = runsByCategories.getOrDefault(categories, List.of());
            if (runs.stream().anyMatch(r -> sameRun(r, run))) {
                continue;
            }
            final List<ContainerInstance> updated = new ArrayList<>();
            for (final ContainerInstance r : runs) {
                updated.add(r.id().equals(run.id()) && r.finishedAt() == null ? ContainerViews.finished(r, at) : r);
            }
            updated.add(run);
            updated.sort(OLDEST_FIRST);
            next.put(categories, List.copyOf(updated));
            published.add(version(categories, updated, at));
        }
        return new Update(new LabelBook(host, next), published);
    }

    /**
     * The container's open run stopped holding its labels at {@code at} ({@code State.FinishedAt}, or
     * the time of a destroy event). Unknown or already finished containers change nothing.
     */
    public Update finished(final String containerId, final Instant at) {
        final Map<String, List<ContainerInstance>> next = new HashMap<>(runsByCategories);
        final List<LabelVersion> published = new ArrayList<>();
        runsByCategories.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            final List<ContainerInstance> runs = entry.getValue();
            final boolean open = runs.stream()
                    .anyMatch(r -> r.id().equals(containerId) && r.finishedAt() == null && !r.startedAt().isAfter(at));
            if (open) {
                final List<ContainerInstance> updated = runs.stream()
                        .map(r -> r.id().equals(containerId) && r.finishedAt() == null ? ContainerViews.finished(r, at) : r)
                        .toList();
                next.put(entry.getKey(), updated);
                published.add(version(entry.getKey(), updated, at));
            }
        });
        return new Update(new LabelBook(host, next), published);
    }

    private LabelVersion version(final String categories, final List<ContainerInstance> runs, final Instant at) {
        final ContainerLabel label = value(categories, runs, at);
        return new LabelVersion(label.key(), at, label);
    }

    private ContainerLabel value(final String categories, final List<ContainerInstance> runs, final Instant at) {
        return new ContainerLabel(host, categories, runs, at);
    }

    private static boolean sameRun(final ContainerInstance a, final ContainerInstance b) {
        return a.id().equals(b.id()) && Objects.equals(a.startedAt(), b.startedAt());
    }
}
