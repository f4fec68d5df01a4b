package io.avcwatch.app.inventory;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.Partitioner;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.utils.Utils;

/**
 * Partitions {@code avc.containers} by the host part of its {@code host|categories} key, with the hash the
 * default partitioner applies to the {@code audit.raw} key {@code host} (murmur2 of the UTF-8 bytes, made
 * positive, modulo the partition count). Partition p of {@code avc.containers} then holds the containers of
 * exactly the hosts whose audit lines are in partition p of {@code audit.raw}, which is what lets the topology
 * look a denial's labels up in the same task, without re-keying it (see
 * {@link io.avcwatch.app.topology.AvcwatchTopology}). Every producer of {@code avc.containers} must use it.
 */
public final class HostPartitioner implements Partitioner {

    /** The partition of a {@code host|categories} key (or of a bare host) among {@code partitions}. */
    public static int partition(final String labelKey, final int partitions) {
        final int bar = labelKey.indexOf('|');
        final String host = bar < 0 ? labelKey : labelKey.substring(0, bar);
        return Utils.toPositive(Utils.murmur2(host.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    @Override
    public int partition(final String topic, final Object key, final byte[] keyBytes, final Object value,
            final byte[] valueBytes, final Cluster cluster) {
        if (!(key instanceof String labelKey)) {
            throw new IllegalArgumentException(topic + ": a container label needs a host|categories key, got " + key);
        }
        return partition(labelKey, cluster.partitionCountForTopic(topic));
    }

    @Override
    public void configure(final Map<String, ?> configs) {
        // nothing to configure: the hash is the contract
    }

    @Override
    public void close() {
        // holds nothing
    }
}
