package io.avcwatch.tailer;

import io.avcwatch.schemas.Topic;
import io.avcwatch.schemas.Topics;
import java.util.HashMap;
import java.util.Map;

/** The topics the tailer writes, as {@link TopicSpec}s built from the shared {@link Topics} catalogue. */
public final class TailerTopics {

    private TailerTopics() {
    }

    /**
     * {@code audit.raw}. On top of the catalogue's settings: no time retention and no future-timestamp
     * limit, because record timestamps are event times. A replay of last month's archive would
     * otherwise be deleted by time retention minutes after it was written, and a host whose clock runs
     * ahead would be refused (never drop a line). Size retention is the operator's call.
     */
    public static TopicSpec raw(final String prefix) {
        final Map<String, String> configs = new HashMap<>(Topics.AUDIT_RAW.configs());
        configs.put("retention.ms", "-1");
        configs.put("message.timestamp.after.max.ms", Long.toString(Long.MAX_VALUE));
        return spec(Topics.AUDIT_RAW, prefix, configs);
    }

    /** The compacted checkpoint topic (only the last position per file matters). */
    public static TopicSpec checkpoints(final String prefix) {
        return spec(Topics.TAILER_CHECKPOINTS, prefix, Topics.TAILER_CHECKPOINTS.configs());
    }

    private static TopicSpec spec(final Topic<?, ?> topic, final String prefix, final Map<String, String> configs) {
        return new TopicSpec(topic.name(prefix), topic.defaultPartitions(), configs);
    }
}
