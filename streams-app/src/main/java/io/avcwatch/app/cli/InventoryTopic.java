package io.avcwatch.app.cli;

import io.avcwatch.schemas.Topics;
import io.avcwatch.tailer.TopicSpec;

/** The {@code avc.containers} topic as the inventory commands create it when missing. */
final class InventoryTopic {

    private InventoryTopic() {
    }

    static String name(final String prefix) {
        return Topics.AVC_CONTAINERS.name(prefix);
    }

    static TopicSpec spec(final String prefix) {
        return new TopicSpec(name(prefix), Topics.AVC_CONTAINERS.defaultPartitions(), Topics.AVC_CONTAINERS.configs());
    }
}
