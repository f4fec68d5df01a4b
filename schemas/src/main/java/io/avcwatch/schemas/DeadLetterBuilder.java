package io.avcwatch.schemas;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/** Builds a {@link DeadLetter} from the original bytes; see {@link DeadLetter#of(byte[], String, String)}. */
public final class DeadLetterBuilder {

    private final String line;
    private final LineEncoding lineEncoding;
    private final int lineLength;
    private final String stage;
    private final String reason;
    private String host;
    private String errorKind;
    private String sourceTopic;
    private Integer sourcePartition;
    private Long sourceOffset;
    private String sourceFile;
    private Long sourceInode;
    private Long sourceFileOffset;

    DeadLetterBuilder(final byte[] input, final String stage, final String reason) {
        Objects.requireNonNull(input, "input");
        this.stage = Objects.requireNonNull(stage, "stage");
        this.reason = Objects.requireNonNull(reason, "reason");
        this.lineLength = input.length;
        if (DeadLetter.isValidUtf8(input)) {
            this.line = new String(input, StandardCharsets.UTF_8);
            this.lineEncoding = LineEncoding.UTF_8;
        } else {
            this.line = Base64.getEncoder().encodeToString(input);
            this.lineEncoding = LineEncoding.BASE64;
        }
    }

    public DeadLetterBuilder host(final String value) {
        host = value;
        return this;
    }

    public DeadLetterBuilder errorKind(final String value) {
        errorKind = value;
        return this;
    }

    /** The Kafka record the input was read from. */
    public DeadLetterBuilder kafkaSource(final String topic, final int partition, final long offset) {
        sourceTopic = topic;
        sourcePartition = partition;
        sourceOffset = offset;
        return this;
    }

    /** The log file position of the input; any part may be null. */
    public DeadLetterBuilder fileSource(final String file, final Long inode, final Long offset) {
        sourceFile = file;
        sourceInode = inode;
        sourceFileOffset = offset;
        return this;
    }

    /** The file position carried by {@code audit.raw} headers, if any. */
    public DeadLetterBuilder fileSource(final RawRecordHeaders headers) {
        return headers == null ? this : fileSource(headers.sourcePath(), headers.inode(), headers.offset());
    }

    public DeadLetter build() {
        return new DeadLetter(host, line, lineEncoding, lineLength, reason, errorKind, stage, sourceTopic,
                sourcePartition, sourceOffset, sourceFile, sourceInode, sourceFileOffset);
    }
}
