package io.avcwatch.app.inventory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the containers of one host into the time-ordered {@code avc.containers} records a versioned
 * table needs: one record per label at each instant a container started or finished holding it.
 *
 * <p>Changes at the same instant apply finishes before starts (a pair released and re-issued in the
 * same tick belongs to the new container from then on) except a run's own finish, and a label changed
 * twice in one instant publishes only its final view. The result is the same whatever order the containers come in.
 */
public final class LabelTimeline {

    private LabelTimeline() {
    }

    /** The records for {@code host}, oldest first; ties in time ordered by key. */
    public static List<LabelVersion> of(final String host, final Collection<ContainerFacts> containers) {
        return apply(LabelBook.empty(host), containers).published();
    }

    /**
     * Applies what {@code containers} say to {@code book}: the next book and the records it publishes,
     * oldest first. Facts the book already holds publish nothing.
     */
    public static LabelBook.Update apply(final LabelBook start, final Collection<ContainerFacts> containers) {
        final List<Change> changes = new ArrayList<>();
        for (final ContainerFacts facts : containers) {
            facts.startedAt().ifPresent(at -> changes.add(new Change(at, false, facts)));
            facts.finishedAt().ifPresent(at -> changes.add(new Change(at, true, facts)));
        }
        changes.sort(Comparator.comparing(Change::at).thenComparing(c -> c.facts().id()));

        LabelBook book = start;
        final List<LabelVersion> versions = new ArrayList<>();
        int i = 0;
        while (i < changes.size()) {
            final Instant at = changes.get(i).at();
            int end = i;
            while (end < changes.size() && changes.get(end).at().equals(at)) {
                end++;
            }
            final List<Change> tick = changes.subList(i, end);
            final Map<String, LabelVersion> lastPerKey = new LinkedHashMap<>();
            // Finishes of runs already open, then starts, then finishes of runs that began in this tick.
            book = applyFinishes(book, tick, at, lastPerKey);
            for (final Change change : tick) {
                if (!change.finish()) {
                    book = collect(book.started(change.facts()), lastPerKey);
                }
            }
            book = applyFinishes(book, tick, at, lastPerKey);
            lastPerKey.values().stream().sorted(Comparator.comparing(LabelVersion::key)).forEach(versions::add);
            i = end;
        }
        return new LabelBook.Update(book, versions);
    }

    private static LabelBook applyFinishes(
            final LabelBook book, final List<Change> tick, final Instant at, final Map<String, LabelVersion> out) {
        LabelBook next = book;
        for (final Change change : tick) {
            if (change.finish()) {
                next = collect(next.finished(change.facts().id(), at), out);
            }
        }
        return next;
    }

    private static LabelBook collect(final LabelBook.Update update, final Map<String, LabelVersion> out) {
        update.published().forEach(v -> out.put(v.key(), v));
        return update.book();
    }

    private record Change(Instant at, boolean finish, ContainerFacts facts) {
    }
}
