package io.avcwatch.parsers;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The word tests give what a byte-by-byte scan gives: the first match, and whether any byte below a cut matches. */
class ByteWordsTest {

    @Property(tries = 2000)
    void theFirstMarkedByteIsTheFirstMatch(@ForAll("words") byte[] bytes, @ForAll("targets") byte target) {
        final long word = ByteWords.word(bytes, 0);
        int first = 8;
        for (int i = 7; i >= 0; i--) {
            if (bytes[i] == target) {
                first = i;
            }
        }
        assertThat(ByteWords.firstMarked(ByteWords.zeroBytes(word ^ ByteWords.broadcast(target)))).isEqualTo(first);
    }

    @Property(tries = 2000)
    void controlBytesBelowACutAreFoundExactly(@ForAll("words") byte[] bytes) {
        final long marks = ByteWords.controlBytes(ByteWords.word(bytes, 0));
        for (int cut = 0; cut <= 8; cut++) {
            boolean any = false;
            for (int i = 0; i < cut; i++) {
                any |= bytes[i] >= 0 && bytes[i] < 0x20;
            }
            assertThat((marks & ByteWords.lowBytes(cut)) != 0).as("first %d bytes", cut).isEqualTo(any);
        }
    }

    @Property(tries = 200)
    void aWordWrittenIsReadBack(@ForAll("words") byte[] bytes) {
        final byte[] copy = new byte[8];
        ByteWords.put(copy, 0, ByteWords.word(bytes, 0));
        assertThat(copy).isEqualTo(bytes);
    }

    @Property(tries = 2000)
    void asciiIsEveryByteBelow0x80(@ForAll("lines") byte[] bytes) {
        boolean ascii = true;
        for (final byte b : bytes) {
            ascii &= (b & 0xff) < 0x80;
        }
        assertThat(ByteWords.isAscii(bytes)).isEqualTo(ascii);
    }

    @Provide
    Arbitrary<byte[]> lines() {
        // every length around the word size, mostly ASCII so that one high byte anywhere decides
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(30, Arbitraries.bytes().between((byte) 0, (byte) 0x7f)),
                        net.jqwik.api.Tuple.of(1, Arbitraries.of((byte) 0x80, (byte) 0xc3, (byte) 0xff)))
                .array(byte[].class).ofMinSize(0).ofMaxSize(40);
    }

    @Provide
    Arbitrary<byte[]> words() {
        // bytes near the boundaries the tests care about, so that matches and borrows are common
        return Arbitraries.of((byte) 0, (byte) 1, (byte) 0x0a, (byte) 0x1d, (byte) 0x1f, (byte) 0x20, (byte) 0x21,
                        (byte) '"', (byte) '\\', (byte) 'a', (byte) 0x7f, (byte) 0x80, (byte) 0xff)
                .array(byte[].class).ofSize(8);
    }

    @Provide
    Arbitrary<Byte> targets() {
        return Arbitraries.of((byte) 0x0a, (byte) 0x20, (byte) '"', (byte) 0, (byte) 0xff);
    }
}
