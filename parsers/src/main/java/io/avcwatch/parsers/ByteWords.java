package io.avcwatch.parsers;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Eight bytes of a byte array as one little-endian word, and the bit tricks that test all eight at once (the
 * lowest address is the lowest byte). The line splitters, the scanner and the JSON writer look at every input
 * byte; a word at a time is what keeps {@code avcwatch parse} near disk speed.
 *
 * <p>The byte tests mark a byte by its high bit. A mark is exact for the lowest marked byte; a byte above a marked
 * one may be marked too (a borrow moves upwards), so the marks answer "is there one" and "where is the first",
 * also after {@link #lowBytes} has cut the word.
 */
public final class ByteWords {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    /** The high bit of every byte: a byte {@code >= 0x80}, or a mark. */
    public static final long HIGHS = 0x8080808080808080L;
    private static final long CONTROL_BOUND = broadcast(0x20);

    private ByteWords() {
    }

    /** {@code b[at, at + 8)} as a word. */
    public static long word(byte[] b, int at) {
        return (long) LONGS.get(b, at);
    }

    /** Writes {@code word} to {@code b[at, at + 8)}. */
    public static void put(byte[] b, int at, long word) {
        LONGS.set(b, at, word);
    }

    /** A word of eight bytes {@code value}. */
    public static long broadcast(int value) {
        return (value & 0xffL) * ONES;
    }

    /** Marks the zero bytes of {@code x}; {@code zeroBytes(word ^ broadcast(c))} marks the bytes equal to {@code c}. */
    public static long zeroBytes(long x) {
        return (x - ONES) & ~x & HIGHS;
    }

    /** Marks the bytes below 0x20 (control characters, the ENRICHED separator); a byte {@code >= 0x80} is not one. */
    public static long controlBytes(long word) {
        return (word - CONTROL_BOUND) & ~word & HIGHS;
    }

    /** Index (0-7) of the first marked byte of {@code marks}, or 8 when none is marked. */
    public static int firstMarked(long marks) {
        return Long.numberOfTrailingZeros(marks) >>> 3;
    }

    /** A mask of the lowest {@code count} bytes, {@code 0 <= count <= 8}. */
    public static long lowBytes(int count) {
        return count == 0 ? 0 : -1L >>> (64 - 8 * count);
    }

    /** Whether every byte of {@code b} is below 0x80: its UTF-8 text is the same characters, one per byte. */
    public static boolean isAscii(byte[] b) {
        long any = 0;
        int i = 0;
        for (; i + 8 <= b.length; i += 8) {
            any |= word(b, i);
        }
        for (; i < b.length; i++) {
            any |= b[i]; // a byte >= 0x80 sign-extends into every high bit
        }
        return (any & HIGHS) == 0;
    }
}
