package io.avcwatch.tailer;

import io.avcwatch.schemas.TailerCheckpoint;
import io.avcwatch.schemas.Topics;
import java.time.Instant;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

/** {@link FilePosition} to and from the shared {@link TailerCheckpoint} JSON value. */
final class CheckpointCodec {
    private final Serializer<TailerCheckpoint> serializer = Topics.TAILER_CHECKPOINTS.valueSerde().serializer();
    private final Deserializer<TailerCheckpoint> deserializer = Topics.TAILER_CHECKPOINTS.valueSerde().deserializer();
    private final String topic;

    CheckpointCodec(final String topic) {
        this.topic = topic;
    }

    byte[] encode(final String host, final String path, final FilePosition position) {
        return serializer.serialize(topic,
                new TailerCheckpoint(host, path, position.inode(), position.offset(), null, Instant.now()));
    }

    /** Null for an absent value or a tombstone; a checkpoint without an inode restarts the live file. */
    FilePosition decode(final byte[] value) {
        if (value == null) {
            return null;
        }
        final TailerCheckpoint cp = deserializer.deserialize(topic, value);
        return cp == null ? null : new FilePosition(cp.inode() == null ? -1 : cp.inode(), cp.offset());
    }
}
