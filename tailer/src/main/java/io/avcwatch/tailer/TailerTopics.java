package io.avcwatch.tailer;

import java.util.Map;

/**
 * The two topics the tailer writes. Kept in this one place until the shared topic catalogue
 * ({@code io.avcwatch.schemas.Topics}) covers them.
 */
public final class TailerTopics {
    /** Raw audit lines. */
    public static final String RAW = "audit.raw";
    /** File positions of every tailer, committed in the same transaction as the lines. */
    public static final String CHECKPOINTS = "audit.tailer.checkpoints";

    private TailerTopics() {
    }

    /**
     * {@code audit.raw}: keyed by host, 6 partitions so a few Streams instances can share the
     * hosts. Retention is unbounded by time because record timestamps are event times: a replay of
     * last month's archive would otherwise be deleted by time retention minutes after it was written,
     * and a host whose clock runs ahead must not be refused (never drop a line).
     */
    public static TopicSpec raw(final String prefix) {
        return new TopicSpec(prefix + RAW, 6, Map.of(
                "retention.ms", "-1",
                "message.timestamp.after.max.ms", Long.toString(Long.MAX_VALUE)));
    }

    /** The checkpoint topic: compacted (only the last position per file matters), one partition. */
    public static TopicSpec checkpoints(final String prefix) {
        return new TopicSpec(prefix + CHECKPOINTS, 1, Map.of("cleanup.policy", "compact"));
    }
}
