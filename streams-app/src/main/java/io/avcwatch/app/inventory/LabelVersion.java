package io.avcwatch.app.inventory;

import io.avcwatch.schemas.ContainerLabel;
import java.time.Instant;
import java.util.Objects;

/**
 * One record for the compacted {@code avc.containers} topic: the view of one label from the moment a
 * container started or finished holding it.
 *
 * @param key {@link ContainerLabel#key()}, {@code host|c170,c393}
 * @param validFrom the change's time; the Kafka record timestamp, so a versioned table answers
 *     "who held this label at time t"
 * @param label the value: every container known to have held the label up to {@code validFrom}
 */
public record LabelVersion(String key, Instant validFrom, ContainerLabel label) {

    public LabelVersion {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(label, "label");
    }

    /** {@link #validFrom} as Kafka record timestamp milliseconds. */
    public long timestampMillis() {
        return validFrom.toEpochMilli();
    }
}
