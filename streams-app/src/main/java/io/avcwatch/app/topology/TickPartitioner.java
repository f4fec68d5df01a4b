package io.avcwatch.app.topology;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Partitions the correlation repartition topics: a denial by its label key with the producer's default
 * partitioner (the same murmur2 hash the inventory's producer uses for {@code avc.containers}, so both sides
 * are co-partitioned), a tick to every partition so each join task's clock moves.
 */
final class TickPartitioner implements StreamPartitioner<String, CorrelationInput> {

    @Override
    public Optional<Set<Integer>> partitions(
            final String topic, final String key, final CorrelationInput value, final int numPartitions) {
        if (value != null && !value.hasDenial()) {
            return Optional.of(IntStream.range(0, numPartitions).boxed().collect(Collectors.toUnmodifiableSet()));
        }
        return Optional.empty();
    }
}
