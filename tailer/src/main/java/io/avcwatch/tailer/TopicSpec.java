package io.avcwatch.tailer;

import java.util.Map;

/**
 * A topic avcwatch creates when it is missing.
 *
 * @param name the full name, prefix included
 * @param partitions partition count at creation
 * @param configs topic-level configs (cleanup.policy, retention, ...)
 */
public record TopicSpec(String name, int partitions, Map<String, String> configs) {
    public TopicSpec {
        configs = Map.copyOf(configs);
    }
}
