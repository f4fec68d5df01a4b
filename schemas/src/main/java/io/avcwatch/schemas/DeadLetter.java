package io.avcwatch.schemas;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * The value of {@code audit.deadletter}: input that could not be processed, kept byte-exact with why
 * and where, so nothing is dropped silently and a fixed version can re-read it.
 *
 * <p>The line is text when it is valid UTF-8 and base64 of the bytes otherwise ({@link #lineBytes()}
 * gives the original bytes back either way). Schema: {@code io/avcwatch/schemas/v1/dead-letter.schema.json}.
 *
 * @param host             the record key (host) when known, else null
 * @param line             the bad input, see {@code lineEncoding}
 * @param lineEncoding     how {@code line} is carried
 * @param lineLength       length of the original input in bytes
 * @param reason           one-line, human-readable cause ({@code missing msg=audit(...) header})
 * @param errorKind        machine-readable cause, e.g. the parser's error kind ({@code MALFORMED_HEADER})
 *                         or an exception class name
 * @param stage            where it failed: {@code tail}, {@code parse}, {@code assemble}, {@code enrich},
 *                         {@code detect}, {@code serialize}, ...
 * @param sourceTopic      Kafka topic the input was read from, or null
 * @param sourcePartition  its partition, or null
 * @param sourceOffset     its offset, or null
 * @param sourceFile       log file the line came from, or null
 * @param sourceInode      that file's inode, or null
 * @param sourceFileOffset byte offset of the line in that file, or null
 */
public record DeadLetter(String host, String line, LineEncoding lineEncoding, int lineLength, String reason,
                         String errorKind, String stage, String sourceTopic, Integer sourcePartition,
                         Long sourceOffset, String sourceFile, Long sourceInode, Long sourceFileOffset) {

    public DeadLetter {
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(lineEncoding, "lineEncoding");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(stage, "stage");
    }

    /** The original input bytes, decoded from text or base64. */
    public byte[] lineBytes() {
        return lineEncoding == LineEncoding.BASE64
                ? Base64.getDecoder().decode(line)
                : line.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Starts a dead letter for {@code input} failed at {@code stage} because of {@code reason}; the bytes are
     * kept as text if they are valid UTF-8, else as base64.
     */
    public static DeadLetterBuilder of(final byte[] input, final String stage, final String reason) {
        return new DeadLetterBuilder(input, stage, reason);
    }

    /** Whether {@code bytes} decode as UTF-8 without replacement (so the text form round-trips). */
    static boolean isValidUtf8(final byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
