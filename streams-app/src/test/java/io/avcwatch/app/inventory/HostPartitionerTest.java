package io.avcwatch.app.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** A host's labels go to the partition the default partitioner gives the host's audit lines. */
class HostPartitionerTest {

    @Test
    void aLabelKeyLandsWhereItsHostsAuditLinesLand() {
        final StringSerializer keys = new StringSerializer();
        for (final String host : List.of("node1", "node2", "web-7.example.org", "bench", "ünïcode")) {
            for (final int partitions : List.of(1, 3, 6, 12)) {
                final int rawPartition = BuiltInPartitioner.partitionForKey(keys.serialize("audit.raw", host), partitions);
                assertThat(HostPartitioner.partition(host + "|c170,c393", partitions)).as("%s of %s", host, partitions)
                        .isEqualTo(rawPartition);
                assertThat(HostPartitioner.partition(host + "|", partitions)).isEqualTo(rawPartition);
            }
        }
    }

    @Test
    void asAProducerPartitionerItUsesTheTopicsPartitionCount() {
        final Node node = new Node(0, "localhost", 9092);
        final List<PartitionInfo> partitions = List.of(0, 1, 2, 3, 4).stream()
                .map(p -> new PartitionInfo("avc.containers", p, node, new Node[] {node}, new Node[] {node})).toList();
        final Cluster cluster = new Cluster("c", List.of(node), partitions, Set.of(), Set.of());
        try (HostPartitioner partitioner = new HostPartitioner()) {
            assertThat(partitioner.partition("avc.containers", "node2|c1,c2", null, null, null, cluster))
                    .isEqualTo(HostPartitioner.partition("node2", 5));
        }
    }
}
