package io.avcwatch.app.analyze;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * What one finite run analyses and where.
 *
 * @param files          audit logs (rotated sets and {@code .gz} allowed), read oldest first per set
 * @param inventory      saved inspect output to publish as container labels before any line is processed
 * @param defaultHost    the host of lines without {@code node=}
 * @param topicPrefix    the prefix of every topic of the run ({@code ""} on a private broker, {@code case.ID.})
 * @param applicationId  the Kafka Streams application id: the run's own consumer group and internal topics
 * @param stateDir       local Kafka Streams state
 * @param clientProps    bootstrap and security settings
 * @param collectDenials also read back {@code avc.denials} (for the HTML report)
 * @param partitions     partitions of the topics the run creates; empty: each topic's default (a private
 *                       single-node broker does best with 1: fewer tasks and transactions, same results)
 */
public record AnalysisRequest(List<Path> files, List<InventoryFile> inventory, String defaultHost,
                              String topicPrefix, String applicationId, Path stateDir, Properties clientProps,
                              boolean collectDenials, Optional<Integer> partitions) {

    public AnalysisRequest {
        files = List.copyOf(files);
        inventory = List.copyOf(inventory);
        Objects.requireNonNull(defaultHost, "defaultHost");
        Objects.requireNonNull(topicPrefix, "topicPrefix");
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(partitions, "partitions");
        final Properties copy = new Properties();
        copy.putAll(clientProps);
        clientProps = copy;
    }

    /** A copy of the client properties (the record's own stay untouched). */
    @Override
    public Properties clientProps() {
        final Properties copy = new Properties();
        copy.putAll(clientProps);
        return copy;
    }
}
