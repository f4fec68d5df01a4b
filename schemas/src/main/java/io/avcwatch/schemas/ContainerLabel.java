package io.avcwatch.schemas;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The value of the compacted {@code avc.containers} topic: the containers that held one MCS label
 * on one host. The key is {@link #key(String, String)} ({@code host|c170,c393}), so compaction keeps
 * the latest view per label; a label reused by a later container lists both, and
 * {@link ContainerInstance#heldLabelAt(Instant)} tells which one held it when.
 *
 * <p>Schema: {@code io/avcwatch/schemas/v1/container-label.schema.json}.
 *
 * @param host       the host the containers run on
 * @param categories canonical MCS categories of the label ({@code c170,c393}); empty for containers without any
 * @param containers the containers holding that label, oldest start first
 * @param updatedAt  when the inventory produced this view, or null
 */
public record ContainerLabel(String host, String categories, List<ContainerInstance> containers, Instant updatedAt) {

    /** Separates host and categories in the record key; cannot occur in either. */
    public static final String KEY_SEPARATOR = "|";

    public ContainerLabel {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(categories, "categories");
        containers = Copies.list(containers);
    }

    /** The record key for a host and canonical categories, {@code host|c170,c393}. */
    public static String key(final String host, final String canonicalCategories) {
        return host + KEY_SEPARATOR + canonicalCategories;
    }

    /** This label's record key. */
    public String key() {
        return key(host, categories);
    }

    /** The containers that held the label at {@code time}. */
    public List<ContainerInstance> holdersAt(final Instant time) {
        return containers.stream().filter(c -> c.heldLabelAt(time)).toList();
    }
}
